// SPDX-License-Identifier: Apache-2.0
// The PIN and the derived values stay secret: after a session of CLI commands with a
// distinctive PIN, neither the PIN nor a fragment's derived value appears in any output,
// setting or file, except where the operator explicitly asked for it (--reveal,
// --include-pin). Also checks the process protections the applications switch on.
#include "core/client/HsmClient.h"
#include "core/pkcs11/ProcessProtection.h"
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/crypto.h>

#include <sys/prctl.h>
#include <sys/resource.h>

using namespace hsm;
using namespace hsm::test;

class TestCliSecrets : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;     // the operator's working folder and home
    QTemporaryDir m_private; // what the operator handed in (the PIN file)
    QList<QByteArray> m_outputs;

    QStringList environment() const {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        return m_fixture->environment() +
               QStringList{QStringLiteral("HOME=") + home,
                           QStringLiteral("XDG_CONFIG_HOME=") + home + QStringLiteral("/.config"),
                           QStringLiteral("XDG_DATA_HOME=") + home +
                               QStringLiteral("/.local/share"),
                           QStringLiteral("XDG_CACHE_HOME=") + home + QStringLiteral("/.cache"),
                           QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                           QStringLiteral("HSM_TOKEN_LABEL=secrets"),
                           QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin)};
    }
    // Runs a command whose output must hold no secret, and keeps its output for the search.
    RunResult cli(const QStringList &args) {
        RunResult r = cliRun::inProcess(args, environment(), m_dir.path());
        m_outputs << r.out << r.err.toUtf8();
        return r;
    }

    // Every form a secret could be written in.
    static QList<QByteArray> forms(const QByteArray &secret) {
        return {secret, secret.toHex(), secret.toHex().toUpper(), secret.toBase64(),
                secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)};
    }
    // Where any form of `secret` occurs: "stdout/stderr #n" or a file path.
    QStringList occurrences(const QByteArray &secret, const QStringList &roots) {
        QStringList found;
        const QList<QByteArray> all = forms(secret);
        auto search = [&](const QByteArray &haystack, const QString &where) {
            for (const QByteArray &form : all) {
                if (haystack.contains(form))
                    found << where;
            }
        };
        for (int i = 0; i < m_outputs.size(); ++i)
            search(m_outputs[i], QStringLiteral("output #%1").arg(i));
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                if (f.open(QIODevice::ReadOnly))
                    search(f.readAll(), path);
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid() && m_private.isValid());
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("secrets")}));
        QVERIFY(m_fixture->importSecret(QStringLiteral("secrets"), QStringLiteral("akeyless_hsm"),
                                        QByteArray(32, 's')));
    }

    // An explicit --pin-file is what the operator asked for on this run: it wins over an
    // HSM_PIN left in the environment (here a wrong one that would burn an attempt).
    void pinFileWinsOverTheEnvironment() {
        const QString pinFile = m_private.filePath(QStringLiteral("pin-over-env"));
        {
            QFile f(pinFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(SoftHsmFixture::kUserPin) + '\n');
        }
        const RunResult r = cliRun::inProcess(
            {QStringLiteral("--pin-file"), pinFile, QStringLiteral("login-check")},
            environment() + QStringList{QStringLiteral("HSM_PIN=wrong-pin-from-env")},
            m_dir.path());
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("CKR_PIN_INCORRECT")));
    }

    void pinAndDerivedValuesAppearNowhereUnasked() {
        const QString pinFile = m_private.filePath(QStringLiteral("pin"));
        {
            QFile f(pinFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(SoftHsmFixture::kUserPin) + '\n');
        }
        const QString fragments = m_dir.filePath(QStringLiteral("customer_fragments.json"));
        auto ok = [](const RunResult &r) {
            return r.status == 0;
        };
        QVERIFY(ok(cli({QStringLiteral("login-check")})));
        QVERIFY(ok(cli({QStringLiteral("--pin-file"), pinFile, QStringLiteral("login-check")})));
        for (const char *type : {"hsm_secured", "hsm_wrapped", "standard"}) {
            QStringList args{QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                             QLatin1String(type), QStringLiteral("-t"), QLatin1String(type)};
            if (QLatin1String(type) != QLatin1String("standard"))
                args << QStringLiteral("-k") << QStringLiteral("akeyless_hsm");
            const RunResult r = cli(args);
            QVERIFY2(ok(r), qPrintable(r.err));
        }
        QVERIFY(ok(cli({QStringLiteral("fragments")})));
        QVERIFY(ok(cli(
            {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("fragments")})));
        for (const char *name : {"hsm_secured", "hsm_wrapped", "standard"}) {
            QVERIFY(
                ok(cli({QStringLiteral("derive"), QStringLiteral("--name"), QLatin1String(name)})));
            QVERIFY(
                ok(cli({QStringLiteral("--format"), QStringLiteral("json"),
                        QStringLiteral("derive"), QStringLiteral("--name"), QLatin1String(name)})));
        }
        // The support engineer's trace of a whole run, C_Initialize to C_Finalize.
        const QString trace = m_dir.filePath(QStringLiteral("calls.txt"));
        QVERIFY(ok(cli({QStringLiteral("--trace"), trace, QStringLiteral("derive"),
                        QStringLiteral("--name"), QStringLiteral("hsm_secured")})));
        {
            QFile f(trace);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray calls = f.readAll();
            for (const char *expected : {"C_Initialize", "C_Login", "C_SignInit", "C_Sign ",
                                         "C_Finalize", "CKR_OK", " ms\n"})
                QVERIFY2(calls.contains(expected), expected);
            QVERIFY(
                QRegularExpression(QStringLiteral("C_Sign +session \\d+ +CKR_OK +\\d+\\.\\d{3} ms"))
                    .match(QString::fromLatin1(calls))
                    .hasMatch());
        }
        QVERIFY(ok(cli({QStringLiteral("check-key"), QStringLiteral("--label"),
                        QStringLiteral("akeyless_hsm")})));
        QVERIFY(ok(cli({QStringLiteral("objects")})));
        QVERIFY(ok(cli({QStringLiteral("preflight")})));
        // The library as a gateway container would hold it: SoftHSM's own folder, /usr/lib,
        // cannot be mounted (export-config needs only the path, not the file).
        for (const char *format : {"docker", "env", "compose", "k8s", "helm"}) {
            const RunResult r =
                cli({QStringLiteral("export-config"), QStringLiteral("--output-format"),
                     QLatin1String(format), QStringLiteral("--fragments"), fragments,
                     QStringLiteral("--module"), QStringLiteral("/opt/softhsm/libsofthsm2.so")});
            QVERIFY2(ok(r), qPrintable(r.err));
        }
        QVERIFY(QFile::exists(fragments));

        // The values, asked for explicitly; these outputs are not searched. A standard
        // fragment's value is its seed, stored in the file by design, so it shows that the
        // search finds what is there.
        QList<QByteArray> values;
        for (const char *name : {"hsm_secured", "hsm_wrapped", "standard"}) {
            const RunResult r =
                cliRun::inProcess({QStringLiteral("derive"), QStringLiteral("--reveal"),
                                   QStringLiteral("--name"), QLatin1String(name)},
                                  environment(), m_dir.path());
            QVERIFY2(ok(r), qPrintable(r.err));
            const auto m = QRegularExpression(QStringLiteral("value: (\\S+)"))
                               .match(QString::fromLatin1(r.out));
            QVERIFY(m.hasMatch());
            values << QByteArray::fromBase64(m.captured(1).toLatin1());
            QVERIFY(values.last().size() >= 32);
        }
        // The PIN, asked for explicitly, is where it was asked to be and nowhere else.
        const RunResult withPin =
            cliRun::inProcess({QStringLiteral("export-config"), QStringLiteral("--output-format"),
                               QStringLiteral("env"), QStringLiteral("--include-pin"),
                               QStringLiteral("--fragments"), fragments},
                              environment(), m_dir.path());
        QVERIFY2(ok(withPin), qPrintable(withPin.err));
        QVERIFY(withPin.out.contains(SoftHsmFixture::kUserPin));
        QVERIFY(!withPin.err.contains(QLatin1String(SoftHsmFixture::kUserPin)));

        const QStringList roots{m_dir.path()};
        const QStringList pinFound = occurrences(SoftHsmFixture::kUserPin, roots);
        QVERIFY2(pinFound.isEmpty(), qPrintable(pinFound.join(QLatin1Char(','))));
        for (const QByteArray &value : values.mid(0, 2)) {
            const QStringList valueFound = occurrences(value, roots);
            QVERIFY2(valueFound.isEmpty(), qPrintable(valueFound.join(QLatin1Char(','))));
        }
        QVERIFY(occurrences(values.last(), roots).contains(fragments));
    }

    void traceHoldsNoArguments() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        const CK_SLOT_ID slot = m_fixture->token(QStringLiteral("secrets")).slot;
        QVERIFY(
            await(client.login(slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                          std::strlen(SoftHsmFixture::kUserPin)))));
        const CustomerFragment fragment = CustomerFragment::make(
            QStringLiteral("trace"), QByteArray(32, 't'), QStringLiteral("trace"), QString(),
            FragmentType::HsmSecured, QStringLiteral("akeyless_hsm"));
        auto derived = await(client.deriveFragment(slot, fragment, true));
        QVERIFY(derived && derived->value);
        const QByteArray value(reinterpret_cast<const char *>(derived->value->data()),
                               qsizetype(derived->value->size()));
        QByteArray trace;
        for (const CallRecord &r : client.trace()->snapshot())
            trace += QByteArray(r.function) + ' ' + describeHandle(r).toUtf8() + '\n';
        QVERIFY(trace.contains("C_Login"));
        QVERIFY(trace.contains("C_Sign"));
        for (const QByteArray &form : forms(SoftHsmFixture::kUserPin) + forms(value))
            QVERIFY(!trace.contains(form));
    }

    void processKeepsSecretsOutOfDumps() {
        const ProcessProtection p = protectProcess();
        QVERIFY(p.notDumpable);
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        QVERIFY(p.noCoreFiles);
        rlimit core{};
        QCOMPARE(getrlimit(RLIMIT_CORE, &core), 0);
        QCOMPARE(core.rlim_cur, rlim_t(0));
        QVERIFY(p.secureHeap);
        // A PIN now lives on OpenSSL's locked heap; large random output does not need to.
        SecretBytes pin = SecretBytes::fromRaw("1234", 4);
        QVERIFY(CRYPTO_secure_allocated(pin.data()));
        SecretBytes big = SecretBytes::fromRaw(QByteArray(1 << 20, 'r').constData(), 1 << 20);
        QVERIFY(!CRYPTO_secure_allocated(big.data()));
        QCOMPARE(big.size(), size_t(1 << 20));
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "TestCliSecrets.moc"
