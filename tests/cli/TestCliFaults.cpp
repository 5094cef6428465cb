// SPDX-License-Identifier: Apache-2.0
// The CLI against a misbehaving HSM (the fault module in front of SoftHSM): the message
// names the function and its CKR_ value, the exit status says failure, nothing on disk
// changes, and the same command works once the fault is cleared.
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm::test;

class TestCliFaults : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;

    QString fragmentsPath() const {
        return m_dir.filePath(QStringLiteral("customer_fragments.json"));
    }

    // In a process of their own: the fault module counts calls from its loading, and a call
    // it hangs is abandoned, not ended.
    RunResult cli(const QStringList &args, const QByteArray &faults) {
        return cliRun::process(
            args,
            m_fixture->environment() +
                QStringList{QStringLiteral("PKCS11_LIB_PATH=") + QLatin1String(HSM_TEST_FAULTS),
                            QStringLiteral("HSM_TOKEN_LABEL=cli-faults"),
                            QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin),
                            QStringLiteral("HSM_FAULTS=") + QString::fromLatin1(faults)},
            m_dir.path());
    }
    RunResult generate(const QString &name, const QByteArray &faults) {
        return cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"), name,
                    QStringLiteral("-t"), QStringLiteral("hsm_secured"), QStringLiteral("-k"),
                    QStringLiteral("akeyless_hsm"), QStringLiteral("--output"), fragmentsPath()},
                   faults);
    }
    QByteArray fileBytes(const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Every file in the working folder, with its bytes: nothing may appear or change.
    QMap<QString, QByteArray> folder() {
        QMap<QString, QByteArray> files;
        const QDir dir(m_dir.path());
        for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
            files.insert(name, fileBytes(dir.filePath(name)));
        return files;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("cli-faults")}));
        QVERIFY(m_fixture->importSecret(QStringLiteral("cli-faults"),
                                        QStringLiteral("akeyless_hsm"), QByteArray(32, 'f')));
        // One fragment written before the faults, so there is a file to protect.
        const RunResult first = generate(QStringLiteral("first"), QByteArray());
        QVERIFY2(first.status == 0, qPrintable(first.err));
        QFile::remove(fragmentsPath() + QStringLiteral(".bak"));
    }

    void signFailureWritesNothing() {
        const auto before = folder();
        const QDateTime modified = QFileInfo(fragmentsPath()).lastModified();
        const RunResult r = generate(QStringLiteral("second"), "C_Sign rv=CKR_DEVICE_ERROR");
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("C_Sign returned CKR_DEVICE_ERROR")),
                 qPrintable(r.err));
        QCOMPARE(folder(), before); // byte-identical, and no .bak appeared
        QCOMPARE(QFileInfo(fragmentsPath()).lastModified(), modified);

        const RunResult cleared = generate(QStringLiteral("second"), QByteArray());
        QVERIFY2(cleared.status == 0, qPrintable(cleared.err));
        const QJsonArray fragments = QJsonDocument::fromJson(fileBytes(fragmentsPath()))
                                         .object()
                                         .value(QStringLiteral("customer_fragments"))
                                         .toArray();
        QCOMPARE(fragments.size(), 2);
        QVERIFY(QFile::exists(fragmentsPath() + QStringLiteral(".bak")));
    }

    void constantRandomWritesNothing() {
        const auto before = folder();
        const RunResult r =
            cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                 QStringLiteral("third"), QStringLiteral("-t"), QStringLiteral("hsm_wrapped"),
                 QStringLiteral("-k"), QStringLiteral("akeyless_hsm"), QStringLiteral("--entropy"),
                 QStringLiteral("hsm"), QStringLiteral("--output"), fragmentsPath()},
                "C_GenerateRandom constant=0x5a");
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("failed a health test")), qPrintable(r.err));
        QCOMPARE(folder(), before);
    }

    void hungCallTimesOut() {
        const RunResult r =
            cli({QStringLiteral("--timeout"), QStringLiteral("0.3"), QStringLiteral("slots")},
                "C_GetTokenInfo sleep=1500 call=1");
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("C_GetTokenInfo has not answered in")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const RunResult cleared = cli({QStringLiteral("slots")}, QByteArray());
        QVERIFY2(cleared.status == 0, qPrintable(cleared.err));
        QVERIFY(cleared.out.contains("cli-faults"));
    }

    void badTimeoutIsAUsageError() {
        const RunResult r =
            cli({QStringLiteral("--timeout"), QStringLiteral("soon"), QStringLiteral("slots")},
                QByteArray());
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--timeout must be a number of seconds")),
                 qPrintable(r.err));
    }

    void initializeFails() {
        const RunResult r = cli({QStringLiteral("slots")}, "C_Initialize rv=CKR_DEVICE_ERROR");
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("C_Initialize returned CKR_DEVICE_ERROR")),
                 qPrintable(r.err));
    }

    void removedTokenCannotBeSelected() {
        const RunResult r = cli({QStringLiteral("login-check")}, "token removed");
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cli-faults")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("\n")) || r.err.count(QLatin1Char('\n')) <= 2,
                 qPrintable(r.err));
        const RunResult cleared = cli({QStringLiteral("login-check")}, QByteArray());
        QVERIFY2(cleared.status == 0, qPrintable(cleared.err));
    }

    void finalTryNeedsTheFlag() {
        const RunResult refused = cli({QStringLiteral("login-check")}, "token flags=final-try");
        QCOMPARE(refused.status, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("--allow-final-try")),
                 qPrintable(refused.err));
        const RunResult allowed =
            cli({QStringLiteral("--allow-final-try"), QStringLiteral("login-check")},
                "token flags=final-try");
        QVERIFY2(allowed.status == 0, qPrintable(allowed.err));
    }

    void deviceErrorWhileListingObjects() {
        const RunResult r = cli({QStringLiteral("objects")}, "C_FindObjects rv=CKR_DEVICE_ERROR");
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("C_FindObjects returned CKR_DEVICE_ERROR")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "TestCliFaults.moc"
