// SPDX-License-Identifier: Apache-2.0
// The built-in demo HSM: created through PKCS#11 on first use, reused afterwards, and kept
// under the (test-local) data location.
#include "core/client/HsmClient.h"
#include "core/token/DemoHsm.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm;

class TestDemoHsm : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.path()));
        qunsetenv("SOFTHSM2_CONF");
        QCoreApplication::setApplicationName(QStringLiteral("hsm-admin"));
        QVERIFY(demoHsm::directory().startsWith(m_home.path()));
    }

    void firstUseCreatesTokenAndKey() {
        HsmClient client;
        auto loaded = await(client.loadDemo());
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        QVERIFY(loaded->demo);
        QVERIFY(client.trace()->countOf("C_InitToken") == 1);
        QVERIFY(client.trace()->countOf("C_GenerateKey") == 1);
        auto slots = await(client.slotList());
        QVERIFY(slots);
        int demoTokens = 0;
        for (const SlotInfo &s : slots.value()) {
            if (s.token && s.token->label == QLatin1String(demoHsm::kTokenLabel)) {
                ++demoTokens;
                QVERIFY(s.token->flags.contains(QStringLiteral("user_pin_initialized")));
                m_serial = s.token->serial;
                m_slot = s.id;
            }
        }
        QCOMPARE(demoTokens, 1);
        QVERIFY(QFile::exists(demoHsm::directory() + QStringLiteral("/softhsm2.conf")));
    }

    void keyIsVisibleToAnotherTool() {
        // pkcs11-tool, logged in with the documented demo PIN, finds the key and computes
        // an HMAC-SHA256 with it.
        QTemporaryDir work;
        QFile message(work.filePath(QStringLiteral("message")));
        QVERIFY(message.open(QIODevice::WriteOnly));
        message.write("demo message");
        message.close();
        const QString mac = work.filePath(QStringLiteral("mac"));
        auto run = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("SOFTHSM2_CONF"),
                       demoHsm::directory() + QStringLiteral("/softhsm2.conf"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(PKCS11_TOOL),
                    QStringList{QStringLiteral("--module"), demoHsm::modulePath(),
                                QStringLiteral("--slot"), QString::number(m_slot),
                                QStringLiteral("--login"), QStringLiteral("--pin"),
                                QLatin1String(demoHsm::kUserPin)} +
                        args);
            p.waitForFinished(60000);
            return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        };
        const QString listing = run({QStringLiteral("--list-objects")});
        QVERIFY2(listing.contains(QStringLiteral("Secret Key Object; Generic secret length 32")),
                 qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("label:      akeyless_hsm")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("never extractable")), qPrintable(listing));
        const QString signing =
            run({QStringLiteral("--sign"), QStringLiteral("-m"), QStringLiteral("SHA256-HMAC"),
                 QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("-i"),
                 message.fileName(), QStringLiteral("-o"), mac});
        QCOMPARE(QFileInfo(mac).size(), 32);
    }

    void secondUseReusesThem() {
        HsmClient client;
        auto loaded = await(client.loadDemo());
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        QCOMPARE(client.trace()->countOf("C_InitToken"), 0);
        QCOMPARE(client.trace()->countOf("C_GenerateKey"), 0);
        auto slots = await(client.slotList());
        QStringList serials;
        for (const SlotInfo &s : slots.value()) {
            if (s.token && s.token->label == QLatin1String(demoHsm::kTokenLabel))
                serials << s.token->serial;
        }
        QCOMPARE(serials, QStringList{m_serial});
    }

private:
    QString m_serial;
    CK_SLOT_ID m_slot = 0;
};

QTEST_GUILESS_MAIN(TestDemoHsm)
#include "TestDemoHsm.moc"
