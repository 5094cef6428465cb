// SPDX-License-Identifier: Apache-2.0
// The fragment commands end to end: generate, list, derive (the same fingerprint every
// time, a new one once the key is replaced), and preflight passing and failing.
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace hsm::test;

class TestCliFragments : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;
    QString m_file;

    QStringList gatewayEnv() const {
        return {QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                QStringLiteral("HSM_TOKEN_LABEL=gateway"),
                QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin)};
    }

    RunResult cli(const QStringList &args, const QStringList &env) {
        return cliRun::inProcess(args, m_fixture->environment() + env, m_dir.path());
    }

    QString fingerprint(const QString &name) {
        const RunResult r = cli({QStringLiteral("derive"), QStringLiteral("--fragments"), m_file,
                                 QStringLiteral("--name"), name},
                                gatewayEnv());
        if (r.status != 0)
            qWarning("%s", qPrintable(r.err));
        static const QRegularExpression line(QStringLiteral("^fingerprint: ([0-9a-f]{16})\\n$"));
        const auto m = line.match(QString::fromLatin1(r.out));
        return m.hasMatch() ? m.captured(1) : QString();
    }

    bool deleteKey(const QString &label) {
        const CK_RV rv = m_fixture->withSession(
            QStringLiteral("gateway"), [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE s) {
                QByteArray l = label.toUtf8();
                CK_ATTRIBUTE q{CKA_LABEL, l.data(), static_cast<CK_ULONG>(l.size())};
                CK_OBJECT_HANDLE found[8];
                CK_ULONG n = 0;
                f->C_FindObjectsInit(s, &q, 1);
                f->C_FindObjects(s, found, 8, &n);
                f->C_FindObjectsFinal(s);
                for (CK_ULONG i = 0; i < n; ++i)
                    f->C_DestroyObject(s, found[i]);
                return CK_RV(CKR_OK);
            });
        return rv == CKR_OK;
    }

    // A new key under the same label, as an operator rotating it by mistake would make.
    bool replaceKey(const QString &label) {
        return deleteKey(label) &&
               m_fixture->importSecret(QStringLiteral("gateway"), label, QByteArray(32, '\x7e'));
    }

private Q_SLOTS:
    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("gateway"), QStringLiteral("other")}));
        QVERIFY(m_fixture->importSecret(QStringLiteral("gateway"), QStringLiteral("akeyless_hsm"),
                                        QByteArray(32, '\x5a')));
        QVERIFY(m_fixture->importSecret(QStringLiteral("gateway"), QStringLiteral("spare"),
                                        QByteArray(32, '\x5b')));
        m_file = m_dir.filePath(QStringLiteral("customer_fragments.json"));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void generateAndDerive() {
        RunResult r =
            cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                 QStringLiteral("HSM_CF"), QStringLiteral("-t"), QStringLiteral("hsm_wrapped"),
                 QStringLiteral("-k"), QStringLiteral("akeyless_hsm"),
                 QStringLiteral("--description"), QStringLiteral("demo")},
                gatewayEnv());
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject entry = QJsonDocument::fromJson(r.out).object();
        QVERIFY(QRegularExpression(QStringLiteral("^cf-[a-z0-9]{20}$"))
                    .match(entry.value(QStringLiteral("id")).toString())
                    .hasMatch());
        QCOMPARE(QByteArray::fromBase64(entry.value(QStringLiteral("value")).toString().toLatin1())
                     .size(),
                 64);
        QCOMPARE(entry.value(QStringLiteral("key_label")).toString(),
                 QStringLiteral("akeyless_hsm"));
        QCOMPARE(entry.value(QStringLiteral("fragment_type")).toString(),
                 QStringLiteral("hsm_wrapped"));
        QVERIFY(QFile::exists(m_file)); // --output defaults to the current folder's file

        r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("--name"),
                 QStringLiteral("SECURED"), QStringLiteral("--type"), QStringLiteral("hsm_secured"),
                 QStringLiteral("--hsm-key-label"), QStringLiteral("spare"),
                 QStringLiteral("--entropy"), QStringLiteral("hsm"), QStringLiteral("--output"),
                 m_file},
                gatewayEnv());
        QVERIFY2(r.status == 0, qPrintable(r.err));
        // A standard fragment needs no HSM at all.
        r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                 QStringLiteral("PLAIN"), QStringLiteral("-t"), QStringLiteral("standard")},
                {});
        QVERIFY2(r.status == 0, qPrintable(r.err));

        const QString first = fingerprint(QStringLiteral("HSM_CF"));
        QVERIFY(!first.isEmpty());
        QCOMPARE(fingerprint(QStringLiteral("HSM_CF")), first);
        QVERIFY(!fingerprint(QStringLiteral("SECURED")).isEmpty());
        QVERIFY(fingerprint(QStringLiteral("SECURED")) != first);

        // --reveal prints the value, with a warning; the value's fingerprint matches.
        r = cli({QStringLiteral("derive"), QStringLiteral("--name"), QStringLiteral("HSM_CF"),
                 QStringLiteral("--reveal"), QStringLiteral("--format"), QStringLiteral("json")},
                gatewayEnv());
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject revealed = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(revealed.value(QStringLiteral("fingerprint")).toString(), first);
        QCOMPARE(
            QByteArray::fromBase64(revealed.value(QStringLiteral("value")).toString().toLatin1())
                .size(),
            64);
        QVERIFY(r.err.contains(QStringLiteral("warning: the derived value is a secret")));
        // It says plainly whose scheme this is and what the fingerprint proves.
        QVERIFY2(r.err.contains(QStringLiteral("note: derived with HSM Admin's own documented "
                                               "scheme; the gateway's derivation is not "
                                               "published")) &&
                     r.err.contains(QStringLiteral("not the gateway's internal value")),
                 qPrintable(r.err));
        // A standard fragment is not derived: no such note.
        r = cli({QStringLiteral("derive"), QStringLiteral("--name"), QStringLiteral("PLAIN")}, {});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("documented scheme")));

        // The same label on a new key gives another value: the file alone is worthless.
        QVERIFY(replaceKey(QStringLiteral("akeyless_hsm")));
        const QString after = fingerprint(QStringLiteral("HSM_CF"));
        QVERIFY(!after.isEmpty());
        QVERIFY(after != first);
    }

    void listing() {
        const RunResult r = cli({QStringLiteral("fragments"), QStringLiteral("--fragments"), m_file,
                                 QStringLiteral("--format"), QStringLiteral("json")},
                                {});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 3);
        for (const QJsonValue &v : rows)
            QVERIFY(!v.toObject().contains(QStringLiteral("value")));
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray stored = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(QStringLiteral("customer_fragments"))
                                      .toArray();
        for (const QJsonValue &v : stored)
            QVERIFY(
                !r.out.contains(v.toObject().value(QStringLiteral("value")).toString().toLatin1()));
    }

    void refusals() {
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        RunResult r =
            cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                 QStringLiteral("HSM_CF"), QStringLiteral("-t"), QStringLiteral("hsm_wrapped"),
                 QStringLiteral("-k"), QStringLiteral("spare")},
                gatewayEnv());
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("already has a fragment named 'HSM_CF'")));
        QCOMPARE(cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                      QStringLiteral("X"), QStringLiteral("-t"), QStringLiteral("hsm_wrapped")},
                     gatewayEnv())
                     .status,
                 2);
        QCOMPARE(cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                      QStringLiteral("X"), QStringLiteral("-t"), QStringLiteral("standard"),
                      QStringLiteral("-k"), QStringLiteral("k")},
                     gatewayEnv())
                     .status,
                 2);
        r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"), QStringLiteral("X"),
                 QStringLiteral("-t"), QStringLiteral("hsm_wrapped"), QStringLiteral("-k"),
                 QStringLiteral("missing")},
                gatewayEnv());
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("No secret key is labelled 'missing'")));
        r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"), QStringLiteral("X"),
                 QStringLiteral("-t"), QStringLiteral("hsm_wrapped"), QStringLiteral("-k"),
                 QStringLiteral("spare"), QStringLiteral("--entropy"), QStringLiteral("os")},
                gatewayEnv() << QStringLiteral("HSM_USE_RAND=true"));
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("HSM_USE_RAND=true")));
        f.open(QIODevice::ReadOnly);
        QCOMPARE(f.readAll(), before); // nothing was written by any refusal

        // --replace swaps the entry in place.
        r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                 QStringLiteral("HSM_CF"), QStringLiteral("-t"), QStringLiteral("hsm_secured"),
                 QStringLiteral("-k"), QStringLiteral("spare"), QStringLiteral("--replace")},
                gatewayEnv());
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(m_file + QStringLiteral(".bak")));
    }

    // Writers started at the same moment against one file (the CLI here; the GUI takes the
    // same lock) each keep their entry: every read-modify-write holds the file's lock.
    void concurrentWritersKeepEveryEntry() {
        const QString path = m_dir.filePath(QStringLiteral("shared.json"));
        constexpr int kWriters = 6;
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int i = 0; i < kWriters; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setEnvironment(m_fixture->environment() + gatewayEnv());
            p->setWorkingDirectory(m_dir.path());
            p->start(QStringLiteral(HSM_ADMIN_CLI_PATH),
                     {QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                      QStringLiteral("W%1").arg(i), QStringLiteral("-t"),
                      QStringLiteral("hsm_wrapped"), QStringLiteral("-k"),
                      QStringLiteral("akeyless_hsm"), QStringLiteral("--output"), path});
            p->closeWriteChannel();
            writers.push_back(std::move(p));
        }
        for (auto &p : writers) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     p->readAllStandardError().constData());
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray entries = QJsonDocument::fromJson(f.readAll())
                                       .object()
                                       .value(QStringLiteral("customer_fragments"))
                                       .toArray();
        QSet<QString> names;
        for (const QJsonValue &v : entries)
            names.insert(v.toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(entries.size(), kWriters);
        QCOMPARE(names.size(), kWriters);
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock"))); // released, not left behind
    }

    // A new file is 0600; a rewrite keeps the file's mode, and its owner and group even when
    // run as root, so that the gateway's user can still read it.
    void rewriteKeepsOwnerAndMode() {
        const QString path = m_dir.filePath(QStringLiteral("owned.json"));
        const QByteArray native = QFile::encodeName(path);
        auto generate = [&](const QString &name) {
            return cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"), name,
                        QStringLiteral("-t"), QStringLiteral("standard"),
                        QStringLiteral("--output"), path},
                       {});
        };
        auto statOf = [](const QString &file) {
            struct stat st {};
            ::stat(QFile::encodeName(file).constData(), &st);
            return st;
        };
        RunResult r = generate(QStringLiteral("FIRST"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(statOf(path).st_mode & 0777, mode_t(0600));

        QCOMPARE(::chmod(native.constData(), 0640), 0);
        r = generate(QStringLiteral("SECOND"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(statOf(path).st_mode & 0777, mode_t(0640));
        QCOMPARE(statOf(path + QStringLiteral(".bak")).st_mode & 0777, mode_t(0640));

        if (::geteuid() != 0)
            QSKIP("giving a file to another user needs root (CI runs the tests as root)");
        QCOMPARE(::chown(native.constData(), 65534, 65534), 0);
        r = generate(QStringLiteral("THIRD"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        for (const QString &written : {path, path + QStringLiteral(".bak")}) {
            const struct stat st = statOf(written);
            QCOMPARE(st.st_uid, uid_t(65534));
            QCOMPARE(st.st_gid, gid_t(65534));
            QCOMPARE(st.st_mode & 0777, mode_t(0640));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"THIRD\""));
    }

    // Entries that load but would not work as meant: `fragments` marks them, preflight
    // fails them, and derive refuses a name two entries share.
    void problemEntriesAreMarkedFailedAndRefused() {
        const QByteArray seed = QByteArray(64, 'q').toBase64();
        const QString path = m_dir.filePath(QStringLiteral("problems.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"customer_fragments": [
                {"id": "cf-solosolosolosolo0000", "value": ")" +
                    seed + R"(", "name": "Solo",
                 "fragment_type": "standard"},
                {"id": "cf-twintwintwintwin0001", "value": ")" +
                    seed + R"(", "name": "Twin",
                 "fragment_type": "standard"},
                {"id": "cf-twintwintwintwin0002", "value": ")" +
                    seed + R"(", "name": "Twin",
                 "fragment_type": "standard"},
                {"id": "cf-nokeytypenokeytype00", "value": ")" +
                    seed + R"(", "name": "NoType",
                 "key_label": "akeyless_hsm"}
            ]})");
        }
        RunResult r = cli({QStringLiteral("fragments"), QStringLiteral("--fragments"), path}, {});
        QCOMPARE(r.status, 0);
        for (const char *marked :
             {"!cf-twintwintwintwin0001", "!cf-twintwintwintwin0002", "!cf-nokeytypenokeytype00"})
            QVERIFY2(r.out.contains(marked), r.out.constData());
        QVERIFY(!r.out.contains("!cf-solo"));
        QVERIFY(r.out.contains("! cf-nokeytypenokeytype00: It has a key_label but no "
                               "fragment_type"));
        r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("fragments"),
                 QStringLiteral("--fragments"), path},
                {});
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 4);
        QVERIFY(rows.at(0).toObject().value(QStringLiteral("problems")).toArray().isEmpty());
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("problems")).toArray().size(), 1);

        r = cli({QStringLiteral("derive"), QStringLiteral("--fragments"), path,
                 QStringLiteral("--name"), QStringLiteral("Twin")},
                gatewayEnv());
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("2 fragments named 'Twin'")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = cli({QStringLiteral("derive"), QStringLiteral("--fragments"), path,
                 QStringLiteral("--id"), QStringLiteral("cf-twintwintwintwin0002")},
                gatewayEnv());
        QVERIFY2(r.status == 0, qPrintable(r.err));

        const QString env = m_dir.filePath(QStringLiteral("problems.env"));
        {
            QFile f(env);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(gatewayEnv().join(QLatin1Char('\n')).toUtf8());
        }
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), env,
                 QStringLiteral("--fragments"), path},
                {});
        QCOMPARE(r.status, 1);
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
        QCOMPARE(lines.filter(QStringLiteral("FAIL  fragment cf-")).size(), 3);
        QCOMPARE(lines.filter(QStringLiteral("PASS  fragment cf-solosolosolosolo0000")).size(), 1);
    }

    void preflight() {
        auto envFile = [this](const QStringList &lines) {
            const QString path = m_dir.filePath(QStringLiteral("gateway.env"));
            QFile f(path);
            f.open(QIODevice::WriteOnly | QIODevice::Truncate);
            f.write(lines.join(QLatin1Char('\n')).toUtf8());
            return path;
        };
        const QStringList good = gatewayEnv() << QStringLiteral("HSM_USE_RAND=true");
        RunResult r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile(good),
                           QStringLiteral("--fragments"), m_file},
                          {});
        QVERIFY2(r.status == 0, r.out.constData());
        const QStringList lines =
            QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("PASS  ")), qPrintable(line));
        QVERIFY(r.out.contains("PASS  random numbers: C_GenerateRandom"));
        // Every entry of every type: the two HSM fragments and the standard one.
        QCOMPARE(lines.filter(QStringLiteral("PASS  fragment cf-")).size(), 3);
        QCOMPARE(lines.filter(QStringLiteral("(standard) is used as it is, fingerprint ")).size(),
                 1);

        // Wrong PIN.
        QStringList wrongPin = good;
        wrongPin.replaceInStrings(QRegularExpression(QStringLiteral("^HSM_PIN=.*")),
                                  QStringLiteral("HSM_PIN=wrong-pin"));
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile(wrongPin),
                 QStringLiteral("--fragments"), m_file},
                {});
        QCOMPARE(r.status, 1);
        QVERIFY(r.out.contains("FAIL  login: C_Login returned CKR_PIN_INCORRECT"));
        QVERIFY(!r.out.contains("wrong-pin"));

        // Read as docker reads it: CR LF line ends are fine, quotes stay in the PIN (so
        // the login fails as the gateway's would), and `export` is refused unread.
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"),
                 envFile({good.join(QStringLiteral("\r\n"))}), QStringLiteral("--fragments"),
                 m_file},
                {});
        QVERIFY2(r.status == 0, r.out.constData());
        QStringList quotedPin = good;
        quotedPin.replaceInStrings(QRegularExpression(QStringLiteral("^HSM_PIN=(.*)")),
                                   QStringLiteral("HSM_PIN=\"\\1\""));
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile(quotedPin),
                 QStringLiteral("--fragments"), m_file},
                {});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.out.contains("FAIL  login: C_Login returned CKR_PIN_INCORRECT"),
                 r.out.constData());
        QStringList exported = good;
        exported.replaceInStrings(QRegularExpression(QStringLiteral("^HSM_PIN=")),
                                  QStringLiteral("export HSM_PIN="));
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile(exported),
                 QStringLiteral("--fragments"), m_file},
                {});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("docker takes 'export HSM_PIN' as the name")),
                 qPrintable(r.err));

        // HSM_SLOT is decimal for selection and export alike: a leading 0 changes nothing,
        // and the export writes the slot the check selected.
        const QString slot = QString::number(m_fixture->token(QStringLiteral("gateway")).slot);
        QStringList bySlot = good;
        bySlot.replaceInStrings(QRegularExpression(QStringLiteral("^HSM_TOKEN_LABEL=.*")),
                                QStringLiteral("HSM_SLOT=0") + slot);
        const QString slotFile = envFile(bySlot);
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), slotFile,
                 QStringLiteral("--fragments"), m_file},
                {});
        QVERIFY2(r.status == 0, r.out.constData());
        QVERIFY2(
            r.out.contains(QStringLiteral("PASS  token: HSM_SLOT selects gateway (#%1, slot %2)")
                               .arg(m_fixture->token(QStringLiteral("gateway")).serial, slot)
                               .toUtf8()),
            r.out.constData());
        r = cli({QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("env"),
                 QStringLiteral("--env-file"), slotFile},
                {});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("\nHSM_SLOT=%1\n").arg(slot).toUtf8()),
                 r.out.constData());
        bySlot.replaceInStrings(QRegularExpression(QStringLiteral("^HSM_SLOT=.*")),
                                QStringLiteral("HSM_SLOT=0x10"));
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile(bySlot),
                 QStringLiteral("--fragments"), m_file},
                {});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.out.contains("FAIL  token: HSM_SLOT=0x10 is hexadecimal; the gateway reads "
                                "slot numbers in decimal only: write 16."),
                 r.out.constData());
        r = cli({QStringLiteral("--slot"), QStringLiteral("0x10"), QStringLiteral("export-config"),
                 QStringLiteral("--format"), QStringLiteral("env")},
                {});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: --slot=0x10 is hexadecimal; the gateway reads slot "
                                       "numbers in decimal only: write 16.\n"));

        // A pasted template's PIN is refused before C_Login, by preflight and by every
        // command that logs in; the call trace shows no login attempt.
        QStringList templatePin = good;
        templatePin.replaceInStrings(QRegularExpression(QStringLiteral("^HSM_PIN=.*")),
                                     QStringLiteral("HSM_PIN=<HSM PIN>"));
        const QString trace = m_dir.filePath(QStringLiteral("calls.txt"));
        auto traced = [&trace]() {
            QFile f(trace);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        r = cli({QStringLiteral("--trace"), trace, QStringLiteral("preflight"),
                 QStringLiteral("--env-file"), envFile(templatePin), QStringLiteral("--fragments"),
                 m_file},
                {});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.out.contains("FAIL  login: HSM_PIN in " + m_dir.path().toUtf8() +
                                "/gateway.env: The PIN is still a placeholder in angle brackets"),
                 r.out.constData());
        QVERIFY(traced().contains("C_GetSlotList"));
        QVERIFY(!traced().contains("C_Login"));
        for (const char *command : {"login-check", "objects"}) {
            r = cli({QStringLiteral("--trace"), trace, QStringLiteral("--token-label"),
                     QStringLiteral("gateway"), QLatin1String(command)},
                    {QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                     QStringLiteral("HSM_PIN=<HSM PIN>")});
            QCOMPARE(r.status, 1);
            QVERIFY2(r.err.contains(QStringLiteral("The PIN is still a placeholder")),
                     qPrintable(r.err));
            QVERIFY(traced().contains("C_GetTokenInfo"));
            QVERIFY2(!traced().contains("C_Login"), command);
        }

        // Two identifiers naming different tokens.
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"),
                 envFile(QStringList(good) << QStringLiteral("HSM_TOKEN_SERIAL=") +
                                                  m_fixture->token(QStringLiteral("other")).serial),
                 QStringLiteral("--fragments"), m_file},
                {});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.out.contains("FAIL  token: HSM_TOKEN_SERIAL="), r.out.constData());
        QVERIFY(r.out.contains("set only one"));

        // The key the fragments need is gone: those checks fail, the rest still pass.
        QVERIFY(deleteKey(QStringLiteral("spare")));
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile(good),
                 QStringLiteral("--fragments"), m_file},
                {});
        QCOMPARE(r.status, 1);
        const QStringList failed =
            QString::fromUtf8(r.out).split(QLatin1Char('\n')).filter(QStringLiteral("FAIL"));
        QCOMPARE(failed.size(), 2); // both fragments now use the 'spare' key
        for (const QString &line : failed)
            QVERIFY2(line.contains(QStringLiteral("No secret key is labelled 'spare'")),
                     qPrintable(line));
        QVERIFY(r.out.contains("PASS  login"));

        // Nothing set at all.
        r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile({}),
                 QStringLiteral("--fragments"), m_file},
                {});
        QCOMPARE(r.status, 1);
        QVERIFY(r.out.contains("FAIL  library: PKCS11_LIB_PATH is not set"));
        QVERIFY(r.out.contains("FAIL  token: not checked"));
    }
};

QTEST_GUILESS_MAIN(TestCliFragments)
#include "TestCliFragments.moc"
