// SPDX-License-Identifier: Apache-2.0
// Hostile input to the CLI, run as an operator would: odd library paths, broken fragments
// files, names and labels with control characters or beyond PKCS#11's limits, huge labels
// in the HSM, and every file the CLI writes pointed at something it must not replace or
// onto a full disk. Each refusal is one exact "error:" line and leaves the folder as it
// was: same bytes, same mtime, no .bak, no temporary file.
#include "tests/support/CliRun.h"
#include "tests/support/DiskState.h"
#include "tests/support/SoftHsmFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace hsm::test;

namespace {

struct Limits {
    qint64 fileSizeLimit = -1; // RLIMIT_FSIZE for the CLI, as a full disk
    QString stdoutFile;        // standard output into this file instead of a pipe
};

bool writeFile(const QString &path, const QByteArray &content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kSeed = QByteArray(64, '\x11').toBase64();

QByteArray entryJson(const QString &id, const QByteArray &value = kSeed) {
    return "{\"id\": \"" + id.toUtf8() + "\", \"value\": \"" + value + "\", \"name\": \"n-" +
           id.toUtf8() + "\", \"fragment_type\": \"hsm_wrapped\", \"key_label\": \"k\"}";
}

QByteArray fragmentsFile(const QList<QByteArray> &entries) {
    QByteArray out = "{\"customer_fragments\": [\n";
    for (qsizetype i = 0; i < entries.size(); ++i)
        out += (i ? ",\n" : "") + entries[i];
    return out + "\n]}\n";
}

} // namespace

class TestCliHostileInput : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The fixture's environment without the gateway's settings, and `extraEnv`.
    QStringList environment(const QStringList &extraEnv) const {
        QStringList env = m_fixture->environment();
        env.erase(std::remove_if(env.begin(), env.end(),
                                 [](const QString &v) {
                                     return v.startsWith(QLatin1String("HSM_")) ||
                                            v.startsWith(QLatin1String("PKCS11_LIB_PATH="));
                                 }),
                  env.end());
        return env + extraEnv;
    }
    RunResult cli(const QStringList &args, const QStringList &extraEnv = {}) {
        return cliRun::inProcess(args, environment(extraEnv), m_dir.path());
    }
    // In a process of its own: a locale read at start-up, a limit on the file size,
    // standard output into a file.
    RunResult cliProcess(const QStringList &args, const QStringList &extraEnv,
                         const Limits &limits = Limits()) {
        ProcessOptions options;
        options.stdoutFile = limits.stdoutFile;
        if (limits.fileSizeLimit >= 0) {
            const rlim_t limit = static_cast<rlim_t>(limits.fileSizeLimit);
            options.childSetup = [limit] {
                // write() then fails with EFBIG instead of the signal killing the process.
                ::signal(SIGXFSZ, SIG_IGN);
                const rlimit r{limit, limit};
                ::setrlimit(RLIMIT_FSIZE, &r);
            };
        }
        return cliRun::process(args, environment(extraEnv), m_dir.path(), options);
    }

    QStringList gatewayEnv() const {
        return {QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                QStringLiteral("HSM_TOKEN_LABEL=gateway"),
                QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin)};
    }

    static QStringList genStandard(const QString &output,
                                   const QString &name = QStringLiteral("NEW")) {
        return {QStringLiteral("gen-customer-fragment"),
                QStringLiteral("-n"),
                name,
                QStringLiteral("-t"),
                QStringLiteral("standard"),
                QStringLiteral("--output"),
                output};
    }

    QJsonArray objectsJson() {
        const RunResult r =
            cli({QStringLiteral("objects"), QStringLiteral("--format"), QStringLiteral("json")},
                {gatewayEnv()});
        return QJsonDocument::fromJson(r.out).array();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("gateway")}));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    // --- Libraries -------------------------------------------------------------------

    void moduleWithSpacesAndNonAscii() {
        const QString folder = path(QStringLiteral("HSM Bibliothek ü"));
        QVERIFY(QDir().mkpath(folder));
        const QString library = folder + QStringLiteral("/libsofthsm2 ä.so");
        QVERIFY(QFile::copy(SoftHsmFixture::modulePath(), library));
        // Through --module and through PKCS11_LIB_PATH, in a UTF-8 and in the C locale.
        const QList<QPair<QStringList, QStringList>> runs = {
            {{QStringLiteral("--module"), library}, {QStringLiteral("LANG=C.UTF-8")}},
            {{QStringLiteral("--module"), library}, {QStringLiteral("LC_ALL=C")}},
            {{}, {QStringLiteral("PKCS11_LIB_PATH=") + library, QStringLiteral("LC_ALL=C")}}};
        for (const auto &[flags, env] : runs) {
            const RunResult r = cliProcess(
                flags + QStringList{QStringLiteral("--token-label"), QStringLiteral("gateway"),
                                    QStringLiteral("login-check")},
                {env + QStringList{QStringLiteral("HSM_PIN=") +
                                   QLatin1String(SoftHsmFixture::kUserPin)}});
            QVERIFY2(r.status == 0, qPrintable(r.err));
        }
        const QString missing = folder + QStringLiteral("/fehlt ö.so");
        const RunResult r =
            cliProcess({QStringLiteral("--module"), missing, QStringLiteral("slots")},
                       {{QStringLiteral("LC_ALL=C")}});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: %1 does not exist.\n").arg(missing));
    }

    void moduleRefusals_data() {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("reason");
        const QString empty = path(QStringLiteral("empty.so"));
        writeFile(empty, QByteArray());
        const QString text = path(QStringLiteral("libtext.so"));
        writeFile(text, "INPUT(libfoo.so)\n");
        const QString fifo = path(QStringLiteral("libpipe.so"));
        ::mkfifo(QFile::encodeName(fifo).constData(), 0600);
        QTest::newRow("missing") << QStringLiteral("/nonexistent/libvendor.so")
                                 << QStringLiteral("%1 does not exist.");
        QTest::newRow("directory") << folderPath()
                                   << QStringLiteral("%1 is a directory, not a PKCS#11 library "
                                                     "file.");
        QTest::newRow("empty file")
            << empty << QStringLiteral("%1 is an empty file, not a PKCS#11 library.");
        QTest::newRow("text file")
            << text << QStringLiteral("%1 is a text file, not a shared library.");
        QTest::newRow("named pipe")
            << fifo << QStringLiteral("%1 is a named pipe, not a PKCS#11 library file.");
        QTest::newRow("not PKCS#11") << QStringLiteral(HSM_TEST_NOTPKCS11)
                                     << QStringLiteral("%1 is a shared library but not a PKCS#11 "
                                                       "module (it has no C_GetFunctionList).");
        QTest::newRow("missing dependency")
            << QStringLiteral(HSM_TEST_NEEDSABSENT)
            << QStringLiteral("%1 needs libhsmadmin_absent.so, which is not installed or not on "
                              "the library path; install it or add its folder to "
                              "LD_LIBRARY_PATH.");
    }

    void moduleRefusals() {
        QFETCH(QString, library);
        QFETCH(QString, reason);
        const QStringList before = diskState(m_dir.path());
        const RunResult r = cli({QStringLiteral("--module"), library, QStringLiteral("slots")});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: ") + reason.arg(library) + QLatin1Char('\n'));
        QVERIFY(r.ms < 10000); // a named pipe is not waited on
        QCOMPARE(diskState(m_dir.path()), before);
    }

    // --- customer_fragments.json -----------------------------------------------------

    void fragmentsFileRefusals_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("sparseSize"); // > 0: a sparse file of that size instead
        QTest::addColumn<QString>("reason");    // %1: the path
        QTest::newRow("malformed")
            << QByteArray("{\"customer_fragments\": [\n  {\"id\": \"cf-1\",}\n]}\n") << qint64(0)
            << QStringLiteral(
                   "%1 is not valid JSON at line 2, column 18: object is missing after a "
                   "comma.");
        QTest::newRow("wrong type")
            << QByteArray("{\"customer_fragments\": \"none\"}") << qint64(0)
            << QStringLiteral("In %1, \"customer_fragments\" must be an array.");
        QTest::newRow("missing array") << QByteArray("{}") << qint64(0)
                                       << QStringLiteral("%1 has no \"customer_fragments\" array.");
        QTest::newRow("duplicate ids")
            << fragmentsFile({entryJson(QStringLiteral("cf-a")), entryJson(QStringLiteral("cf-a"))})
            << qint64(0) << QStringLiteral("In %1, the id cf-a appears twice; ids must be unique.");
        QTest::newRow("non-base64 value")
            << fragmentsFile(
                   {entryJson(QStringLiteral("cf-a")), entryJson(QStringLiteral("cf-b"), "%%%%")})
            << qint64(0) << QStringLiteral("In %1, the value of entry 2 (cf-b) is not base64.");
        QTest::newRow("seed of 8 bytes")
            << fragmentsFile({entryJson(QStringLiteral("cf-a"), QByteArray(8, 'x').toBase64())})
            << qint64(0)
            << QStringLiteral("In %1, the seed of entry 1 (cf-a) is 8 bytes; an HSM fragment "
                              "needs at least 16.");
        QTest::newRow("above the 64 MiB cap")
            << QByteArray() << qint64(80) * 1024 * 1024
            << QStringLiteral("%1 is 80 MiB, too big to be a fragments file (at most 64 MiB).");
        // 40 MiB of valid entries, then a missing bracket at the end.
        QList<QByteArray> many;
        qint64 size = 0;
        while (size < 40 * 1024 * 1024) {
            many << entryJson(QStringLiteral("cf-%1").arg(many.size(), 20, 10, QLatin1Char('0')));
            size += many.last().size() + 2;
        }
        QByteArray large = fragmentsFile(many);
        large.chop(3); // "]}\n" -> the array is never closed
        QTest::newRow("40 MiB, malformed at the end")
            << large << qint64(0)
            << QStringLiteral("%1 is not valid JSON at line ") + QString::number(many.size() + 2) +
                   QStringLiteral(", column 1: unterminated array.");
    }

    void fragmentsFileRefusals() {
        QFETCH(QByteArray, content);
        QFETCH(qint64, sparseSize);
        QFETCH(QString, reason);
        const QString folder = path(QStringLiteral("refusals"));
        QDir().mkpath(folder);
        const QString file = folder + QStringLiteral("/customer_fragments.json");
        if (sparseSize > 0) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QVERIFY(f.resize(sparseSize));
        } else {
            QVERIFY(writeFile(file, content));
        }
        QTest::qSleep(20); // an mtime that a rewrite would visibly change
        const QStringList before = diskState(folder);
        const QString expected = QStringLiteral("error: ") + reason.arg(file) + QLatin1Char('\n');

        RunResult r = cli(genStandard(file));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, expected);
        QCOMPARE(diskState(folder), before); // same bytes and mtime, no .bak, no temp file
        if (sparseSize > 0)
            QVERIFY2(r.ms < 5000, qPrintable(QString::number(r.ms))); // refused unread
        r = cli({QStringLiteral("fragments"), QStringLiteral("--fragments"), file});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, expected);
        QFile::remove(file);
    }

    // Quotes, backslashes, shell syntax, non-ASCII and 300 characters are kept exactly;
    // the text listing stays one line per fragment.
    void fragmentNamesAndDescriptions() {
        const QString file = path(QStringLiteral("names.json"));
        const QString name = QStringLiteral("prod \"gw\" it's $(rm -rf /) C:\\keys ü 😀 ") +
                             QString(300, QLatin1Char('n'));
        const QString description =
            QStringLiteral("{\"a\": [1]} \\n is not a line break ") + QString(500, QChar(0x00e9));
        RunResult r =
            cli(genStandard(file, name) << QStringLiteral("--description") << description);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("name")).toString(),
                 name);
        r = cli({QStringLiteral("fragments"), QStringLiteral("--fragments"), file,
                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject listed = QJsonDocument::fromJson(r.out).array().first().toObject();
        QCOMPARE(listed.value(QStringLiteral("name")).toString(), name);
        QCOMPARE(listed.value(QStringLiteral("description")).toString(), description);
        r = cli({QStringLiteral("fragments"), QStringLiteral("--fragments"), file});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QStringList lines =
            QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[1].contains(name.left(63) + QChar(0x2026)));
        QVERIFY(lines[1].size() < 300);
    }

    void fragmentTextsWithControlCharacters_data() {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("reason");
        QTest::newRow("line feed in the name")
            << QStringList{QStringLiteral("-n"), QStringLiteral("two\nlines"), QStringLiteral("-t"),
                           QStringLiteral("standard")}
            << QStringLiteral("The fragment name contains a line feed (U+000A) at character 4; "
                              "it must be one line of printable text.");
        QTest::newRow("escape in the description")
            << QStringList{QStringLiteral("-n"),
                           QStringLiteral("ok"),
                           QStringLiteral("-t"),
                           QStringLiteral("standard"),
                           QStringLiteral("--description"),
                           QStringLiteral("\x1b]0;owned\x07")}
            << QStringLiteral("The fragment description contains an escape character (U+001B) "
                              "at character 1; it must be one line of printable text.");
        QTest::newRow("carriage return in the key label")
            << QStringList{QStringLiteral("-n"), QStringLiteral("ok"),
                           QStringLiteral("-t"), QStringLiteral("hsm_wrapped"),
                           QStringLiteral("-k"), QStringLiteral("akeyless_hsm\rx")}
            << QStringLiteral("The HSM key label contains a carriage return (U+000D) at "
                              "character 13; it must be one line of printable text.");
    }

    void fragmentTextsWithControlCharacters() {
        QFETCH(QStringList, flags);
        QFETCH(QString, reason);
        const QString folder = path(QStringLiteral("control"));
        QDir().mkpath(folder);
        const QString file = folder + QStringLiteral("/customer_fragments.json");
        QVERIFY(writeFile(file, fragmentsFile({entryJson(QStringLiteral("cf-a"))})));
        const QStringList before = diskState(folder);
        const RunResult r = cli(
            QStringList{QStringLiteral("gen-customer-fragment"), QStringLiteral("--output"), file} +
                flags,
            {gatewayEnv()});
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err, QStringLiteral("error: ") + reason + QLatin1Char('\n'));
        QCOMPARE(diskState(folder), before);
    }

    // --- Token and key labels --------------------------------------------------------

    void tokenLabelOver32Bytes() {
        const QString label = QString(33, QLatin1Char('g'));
        RunResult r = cli({QStringLiteral("--token-label"), label, QStringLiteral("objects"),
                           QStringLiteral("--no-login")},
                          {{QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath()}});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: --token-label is 33 bytes long; a PKCS#11 token "
                                       "label has at most 32 bytes (UTF-8), so no token can "
                                       "match it.\n"));
        r = cli({QStringLiteral("objects"), QStringLiteral("--no-login")},
                {{QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                  QStringLiteral("HSM_TOKEN_LABEL=") + QString(11, QChar(0x20ac))}});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: HSM_TOKEN_LABEL is 33 bytes long; a PKCS#11 token "
                                       "label has at most 32 bytes (UTF-8), so no token can "
                                       "match it.\n"));
    }

    void keyLabelWithControlCharacters() {
        const RunResult r = cli({QStringLiteral("create-key"), QStringLiteral("--label"),
                                 QStringLiteral("evil\nlabel")},
                                {gatewayEnv()});
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err, QStringLiteral("error: The key label contains a line feed (U+000A) at "
                                       "character 5; it must be one line of printable text.\n"));
        for (const QJsonValue &o : objectsJson())
            QVERIFY(!o.toObject()
                         .value(QStringLiteral("label"))
                         .toString()
                         .startsWith(QStringLiteral("evil")));
    }

    // Labels of thousands of bytes and labels with control characters, put there by other
    // tools: complete in JSON, elided and escaped in the table.
    void objectLabelsFromOtherTools() {
        const QString huge = QStringLiteral("huge ") + QString(4000, QLatin1Char('h'));
        const QString nasty = QStringLiteral("nasty\n\x1b[31mred\tlabel");
        QVERIFY(m_fixture->importSecret(QStringLiteral("gateway"), huge, QByteArray(32, 'a')));
        QVERIFY(m_fixture->importSecret(QStringLiteral("gateway"), nasty, QByteArray(32, 'b')));
        // And one made through the CLI itself.
        const QString made = QStringLiteral("made ") + QString(3000, QChar(0x00fc));
        RunResult r = cli({QStringLiteral("create-key"), QStringLiteral("--label"), made,
                           QStringLiteral("--format"), QStringLiteral("json")},
                          {gatewayEnv()});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("label")).toString(),
                 made);

        QStringList labels;
        for (const QJsonValue &o : objectsJson())
            labels << o.toObject().value(QStringLiteral("label")).toString();
        QVERIFY(labels.contains(huge));
        QVERIFY(labels.contains(nasty));
        QVERIFY(labels.contains(made));

        r = cli({QStringLiteral("objects")}, {gatewayEnv()});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QStringList lines =
            QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), labels.size() + 1);
        for (const QString &line : lines) {
            QVERIFY2(line.size() < 250, qPrintable(line.left(300)));
            QVERIFY(!line.contains(QChar(0x1b)));
        }
        QCOMPARE(lines.filter(huge.left(63) + QChar(0x2026)).size(), 1);
        QCOMPARE(lines.filter(made.left(63) + QChar(0x2026)).size(), 1);
        QCOMPARE(lines.filter(QStringLiteral("nasty\\n\\x1b[31mred\\tlabel")).size(), 1);
    }

    // --- Output targets --------------------------------------------------------------

    void outputTargetRefusals_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("genReason");    // gen-customer-fragment --output
        QTest::addColumn<QString>("randomReason"); // random --out
        const QString plain = path(QStringLiteral("plain"));
        writeFile(plain, "a regular file");
        const QString folder = path(QStringLiteral("folder"));
        QDir().mkpath(folder);
        const QString fifo = path(QStringLiteral("fifo"));
        ::mkfifo(QFile::encodeName(fifo).constData(), 0600);
        const QString toFifo = path(QStringLiteral("link-to-fifo"));
        QFile::link(fifo, toFifo);
        const QString dangling = path(QStringLiteral("dangling"));
        QFile::link(path(QStringLiteral("nowhere/x")), dangling);

        const QString underFile = plain + QStringLiteral("/out");
        const QString notFolder =
            QStringLiteral("Cannot write %1: %2 is not a folder.").arg(underFile, plain);
        QTest::newRow("parent is a regular file") << underFile << notFolder << notFolder;
        QTest::newRow("a folder")
            << folder << QStringLiteral("%1 is a directory, not a fragments file.").arg(folder)
            << QStringLiteral("Cannot write %1: it is a directory; give the name of a file in it.")
                   .arg(folder);
        QTest::newRow("named pipe")
            << fifo
            << QStringLiteral("%1 is a named pipe, not a fragments file; give a regular file.")
                   .arg(fifo)
            << QStringLiteral("Cannot write %1: it is a named pipe, not a regular file; it is "
                              "left alone.")
                   .arg(fifo);
        QTest::newRow("link to a named pipe")
            << toFifo
            << QStringLiteral("%1 is a named pipe, not a fragments file; give a regular file.")
                   .arg(toFifo)
            << QStringLiteral("Cannot write %1: it is a symbolic link to %2, which is a named "
                              "pipe, not a regular file; it is left alone.")
                   .arg(toFifo, fifo);
        const QString nowhere = QStringLiteral("Cannot write %1: it is a symbolic link to %2, "
                                               "which does not exist.")
                                    .arg(dangling, path(QStringLiteral("nowhere/x")));
        QTest::newRow("dangling link") << dangling << nowhere << nowhere;
        const QString proc = QStringLiteral("/proc/hsm-admin-test-out");
        const QString procReason =
            QStringLiteral("Cannot write %1: cannot create a file in /proc (").arg(proc);
        QTest::newRow("read-only location") << proc << procReason << procReason;
        // A copy of /dev/full's node in our own folder: a regression could only replace it.
        const QString node = path(QStringLiteral("full"));
        if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0600, makedev(1, 7)) == 0)
            QTest::newRow("device node")
                << node
                << QStringLiteral("%1 is a character device, not a fragments file; give a "
                                  "regular file.")
                       .arg(node)
                << QStringLiteral("Cannot write %1: it is a character device, not a regular "
                                  "file; it is left alone.")
                       .arg(node);
        if (geteuid() != 0) {
            const QString locked = path(QStringLiteral("locked"));
            QDir().mkpath(locked);
            QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            const QString target = locked + QStringLiteral("/out");
            const QString reason =
                QStringLiteral("Cannot write %1: cannot create a file in %2 (").arg(target, locked);
            QTest::newRow("folder without write permission") << target << reason << reason;
        }
    }

    void outputTargetRefusals() {
        QFETCH(QString, target);
        QFETCH(QString, genReason);
        QFETCH(QString, randomReason);
        const QString before = diskState(m_dir.path()).join(QLatin1Char('\n'));
        const QString typeBefore = entryType(target);
        const QList<QPair<QStringList, QString>> runs = {
            {genStandard(target), genReason},
            {{QStringLiteral("random"), QStringLiteral("--source"), QStringLiteral("os"),
              QStringLiteral("--bytes"), QStringLiteral("32"), QStringLiteral("--out"), target},
             randomReason}};
        for (const auto &[args, reason] : runs) {
            const RunResult r = cli(args);
            QCOMPARE(r.status, 1);
            if (reason.endsWith(QLatin1Char('('))) // the system's words follow
                QVERIFY2(r.err.startsWith(QStringLiteral("error: ") + reason) &&
                             r.err.endsWith(QStringLiteral("); nothing was changed.\n")),
                         qPrintable(r.err));
            else
                QCOMPARE(r.err, QStringLiteral("error: ") + reason + QLatin1Char('\n'));
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
            QCOMPARE(diskState(m_dir.path()).join(QLatin1Char('\n')), before);
            QCOMPARE(entryType(target), typeBefore);
        }
        // The call trace: refused up front, or, when only the write itself fails, a warning
        // at the end of a run that did its work.
        const RunResult r = cli({QStringLiteral("--trace"), target, QStringLiteral("modules")});
        if (randomReason.endsWith(QLatin1Char('('))) {
            QCOMPARE(r.status, 0);
            QVERIFY2(r.err.startsWith(QStringLiteral("warning: the call trace was not written: ") +
                                      randomReason) &&
                         r.err.endsWith(QStringLiteral("); nothing was changed.\n")),
                     qPrintable(r.err));
        } else {
            QCOMPARE(r.status, 1);
            QCOMPARE(r.err, QStringLiteral("error: ") + randomReason + QLatin1Char('\n'));
        }
        QCOMPARE(diskState(m_dir.path()).join(QLatin1Char('\n')), before);
        QCOMPARE(entryType(target), typeBefore);
    }

    // A full disk, as a file size limit on the CLI: every writer fails cleanly.
    void outputOnFullDisk() {
        const QString folder = path(QStringLiteral("full-disk"));
        QDir().mkpath(folder);
        const QString file = folder + QStringLiteral("/customer_fragments.json");
        for (const char *name : {"one", "two"}) // two saves: the file and its .bak
            QVERIFY(cli(genStandard(file, QLatin1String(name))).status == 0);
        QTest::qSleep(20);
        const QStringList before = diskState(folder);

        Limits full;
        full.fileSizeLimit = 8192;
        RunResult r =
            cliProcess(genStandard(file, QStringLiteral("three"))
                           << QStringLiteral("--description") << QString(20000, QLatin1Char('d')),
                       {}, full);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err,
                 QStringLiteral("error: Cannot write %1: File too large; nothing was changed.\n")
                     .arg(file));
        QCOMPARE(diskState(folder), before);

        const QString random = folder + QStringLiteral("/random.bin");
        r = cliProcess({QStringLiteral("random"), QStringLiteral("--source"), QStringLiteral("os"),
                        QStringLiteral("--bytes"), QStringLiteral("100000"),
                        QStringLiteral("--out"), random},
                       {}, full);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err,
                 QStringLiteral("error: Cannot write %1: File too large; nothing was changed.\n")
                     .arg(random));
        QCOMPARE(diskState(folder), before);

        // export-config writes to standard output: a full disk there is an error too.
        Limits fullStdout;
        fullStdout.fileSizeLimit = 64;
        fullStdout.stdoutFile = folder + QStringLiteral("/gateway.env");
        r = cliProcess(
            {QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("env")},
            {QStringLiteral("PKCS11_LIB_PATH=/opt/v/lib.so"), QStringLiteral("HSM_SLOT=1")},
            fullStdout);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: The output could not be written to standard "
                                       "output: File too large.\n"));
        QFile::remove(fullStdout.stdoutFile);
    }

    // A symbolic link at an output path is refused, not followed to replace its target
    // (one planted by another user could point at any file the operator may write).
    void outputThroughSymlinkIsRefused() {
        const QString folder = path(QStringLiteral("linked"));
        QDir().mkpath(folder + QStringLiteral("/real"));
        const QString real = folder + QStringLiteral("/real/customer_fragments.json");
        const QString link = folder + QStringLiteral("/customer_fragments.json");
        QVERIFY(cli(genStandard(real, QStringLiteral("one"))).status == 0);
        QVERIFY(QFile::link(real, link));
        const QString randomReal = folder + QStringLiteral("/real/random.bin");
        QVERIFY(writeFile(randomReal, "old"));
        const QString randomLink = folder + QStringLiteral("/random.bin");
        QVERIFY(QFile::link(randomReal, randomLink));
        const QString traceLink = folder + QStringLiteral("/trace.log");
        QVERIFY(QFile::link(randomReal, traceLink));
        const QStringList before = diskState(folder);
        const QStringList beforeReal = diskState(folder + QStringLiteral("/real"));
        auto refusal = [](const QString &at, const QString &target) {
            return QStringLiteral("error: Cannot write %1: it is a symbolic link to %2, and a "
                                  "link is not followed to replace its target; give %2 itself.\n")
                .arg(at, target);
        };

        RunResult r = cli(genStandard(link, QStringLiteral("two")));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, refusal(link, real));
        r = cli({QStringLiteral("random"), QStringLiteral("--source"), QStringLiteral("os"),
                 QStringLiteral("--bytes"), QStringLiteral("48"), QStringLiteral("--out"),
                 randomLink});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, refusal(randomLink, randomReal));
        r = cli({QStringLiteral("--trace"), traceLink, QStringLiteral("modules")});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, refusal(traceLink, randomReal));
        QCOMPARE(diskState(folder), before);
        QCOMPARE(diskState(folder + QStringLiteral("/real")), beforeReal);
        QCOMPARE(readFile(randomReal), QByteArray("old"));
    }

    // An output naming a file the same run reads (or writes as another output) would
    // destroy it: refused before anything is read or written.
    void outputNamingAnInputIsRefused() {
        const QString folder = path(QStringLiteral("same"));
        QDir().mkpath(folder);
        const QString fragments = folder + QStringLiteral("/customer_fragments.json");
        QVERIFY(cli(genStandard(fragments, QStringLiteral("one"))).status == 0);
        const QString pin = folder + QStringLiteral("/pin");
        QVERIFY(writeFile(pin, QByteArray(SoftHsmFixture::kUserPin) + "\n"));
        const QString link = folder + QStringLiteral("/also-fragments.json");
        QVERIFY(QFile::link(fragments, link));
        const QStringList before = diskState(folder);

        RunResult r = cli(genStandard(fragments, QStringLiteral("two"))
                          << QStringLiteral("--trace") << fragments);
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err, QStringLiteral("error: --trace names %1, which is also the file of "
                                       "--output; nothing was written. Give --trace a file of "
                                       "its own.\n")
                            .arg(fragments));
        // Through a link, and for the PIN file and the library too.
        r = cli({QStringLiteral("--trace"), link, QStringLiteral("fragments"),
                 QStringLiteral("--fragments"), fragments});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QStringLiteral("which is also the file of --fragments")),
                 qPrintable(r.err));
        r = cli({QStringLiteral("random"), QStringLiteral("--source"), QStringLiteral("os"),
                 QStringLiteral("--bytes"), QStringLiteral("8"), QStringLiteral("--out"), pin,
                 QStringLiteral("--pin-file"), pin});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QStringLiteral("which is also the file of --pin-file")),
                 qPrintable(r.err));
        r = cli(
            {QStringLiteral("--trace"), SoftHsmFixture::modulePath(), QStringLiteral("modules")},
            gatewayEnv());
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QStringLiteral("which is also the file of --module")),
                 qPrintable(r.err));
        QCOMPARE(diskState(folder), before);
    }

    // --- PIN files ----------------------------------------------------------------------

    // Only a regular file is read as a PIN file: a named pipe used to block the run for
    // ever waiting for a writer. An exposed one is read with a warning; an empty first line
    // is named as such.
    void pinFileRefusalsAndWarnings() {
        const QStringList env = {QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                                 QStringLiteral("HSM_TOKEN_LABEL=gateway")};
        const QString fifo = path(QStringLiteral("pin-fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        ProcessOptions options;
        options.environment = environment(env);
        options.workingDirectory = m_dir.path();
        options.timeoutMs = 60000; // a run that waits for a writer never ends by itself
        RunResult r =
            cliRun::process({QStringLiteral("--pin-file"), fifo, QStringLiteral("login-check")},
                            environment(env), m_dir.path(), options);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.endsWith(QStringLiteral("error: The PIN file %1 is a named pipe, not a "
                                               "regular file; give a file that holds the PIN on "
                                               "its first line.\n")
                                    .arg(fifo)),
                 qPrintable(r.err));
        QCOMPARE(entryType(fifo), QStringLiteral("fifo"));

        const QString pin = path(QStringLiteral("pin"));
        QVERIFY(writeFile(pin, QByteArray(SoftHsmFixture::kUserPin) + "\n"));
        QVERIFY(QFile::setPermissions(pin, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QString warning =
            QStringLiteral("warning: every user of this system can read the PIN file %1 (mode "
                           "0644); restrict it with chmod 600.")
                .arg(pin);
        r = cli({QStringLiteral("--pin-file"), pin, QStringLiteral("login-check")}, env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(warning), qPrintable(r.err));
        QVERIFY(QFile::setPermissions(pin, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        r = cli({QStringLiteral("--pin-file"), pin, QStringLiteral("login-check")}, env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("warning:")), qPrintable(r.err));

        QVERIFY(writeFile(pin, "\n" + QByteArray(SoftHsmFixture::kUserPin) + "\n"));
        r = cli({QStringLiteral("--pin-file"), pin, QStringLiteral("login-check")}, env);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.endsWith(QStringLiteral("error: The first line of the PIN file %1 is "
                                               "empty; the PIN must be on the first line.\n")
                                    .arg(pin)),
                 qPrintable(r.err));
    }

    // --- Env files and docker run commands through export-config ---------------------

    void envFilesAndDockerRunCommands() {
        // docker takes values literally: quotes are part of them.
        const QByteArray lf = "# gateway\nPKCS11_LIB_PATH=/opt/HSM Lib/libv.so\n"
                              "HSM_TOKEN_LABEL='my \"token\"'\nHSM_USE_RAND=true\n";
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        const QString lfFile = path(QStringLiteral("lf.env"));
        const QString crlfFile = path(QStringLiteral("crlf.env"));
        QVERIFY(writeFile(lfFile, lf));
        QVERIFY(writeFile(crlfFile, crlf));
        auto exportFrom = [this](const QString &option, const QString &file) {
            return cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                        QStringLiteral("env"), option, file});
        };
        const RunResult fromLf = exportFrom(QStringLiteral("--env-file"), lfFile);
        const RunResult fromCrlf = exportFrom(QStringLiteral("--env-file"), crlfFile);
        QVERIFY2(fromLf.status == 0, qPrintable(fromLf.err));
        QCOMPARE(fromCrlf.status, 0);
        QCOMPARE(fromCrlf.out, fromLf.out);
        QVERIFY(fromLf.out.contains("HSM_TOKEN_LABEL='my \"token\"'\n"));
        QVERIFY(fromLf.out.contains("PKCS11_LIB_PATH=/opt/HSM Lib/libv.so\n"));

        // A quoted path is a relative one to the gateway, so the export refuses it.
        const QString quoted = path(QStringLiteral("quoted.env"));
        QVERIFY(writeFile(quoted, "PKCS11_LIB_PATH=\"/opt/v/lib.so\"\nHSM_SLOT=1\n"));
        RunResult q = exportFrom(QStringLiteral("--env-file"), quoted);
        QCOMPARE(q.status, 1);
        QCOMPARE(q.err, QStringLiteral("error: PKCS11_LIB_PATH must be an absolute path inside "
                                       "the container, not '\"/opt/v/lib.so\"'.\n"));

        const QString repeated = path(QStringLiteral("repeated.env"));
        QVERIFY(writeFile(repeated, crlf + "HSM_TOKEN_LABEL=other\r\n"));
        RunResult r = exportFrom(QStringLiteral("--env-file"), repeated);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: %1, line 5: HSM_TOKEN_LABEL is set again (first "
                                       "on line 3); docker would silently use the last one, so "
                                       "keep only the one you mean.\n")
                            .arg(repeated));

        const QString docker = path(QStringLiteral("docker-run.txt"));
        QVERIFY(writeFile(docker, "docker run -d \\\r\n  -e PKCS11_LIB_PATH=/x.so \\\r\n"
                                  "  -e 'HSM_SLOT=1 \\\r\n  akeyless/base\r\n"));
        r = exportFrom(QStringLiteral("--docker-run"), docker);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: The single quote opened on line 3 is never "
                                       "closed.\n"));

        // Endless or blocking "files" are refused unread.
        r = exportFrom(QStringLiteral("--env-file"), QStringLiteral("/dev/zero"));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: /dev/zero is a character device, not an env file; "
                                       "give a regular file.\n"));
        r = cli({QStringLiteral("--slot"), QStringLiteral("1"), QStringLiteral("export-config"),
                 QStringLiteral("--format"), QStringLiteral("env"), QStringLiteral("--fragments"),
                 QStringLiteral("/dev/zero"), QStringLiteral("--inline-fragments")},
                {{QStringLiteral("PKCS11_LIB_PATH=/opt/v/lib.so")}});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: /dev/zero is a character device, not a fragments "
                                       "file; give a regular file.\n"));
        QVERIFY(r.ms < 10000);
    }

private:
    QString folderPath() const { return m_dir.path(); }
};

QTEST_GUILESS_MAIN(TestCliHostileInput)
#include "TestCliHostileInput.moc"
