// SPDX-License-Identifier: Apache-2.0
// The probe page against servers this test starts on 127.0.0.1, driven with QTest.
#include "tests/ui/UiTestHome.h"
#include "ui/gateway/ProbePage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>

using hsm::ui::ProbePage;

class TestProbePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void probesFromTheGuiWithoutBlocking() {
        QTcpServer open;
        QVERIFY(open.listen(QHostAddress::LocalHost, 0));
        QTcpServer closing;
        QVERIFY(closing.listen(QHostAddress::LocalHost, 0));
        const quint16 closed = closing.serverPort();
        closing.close();

        ProbePage page;
        page.show();
        auto *host = page.findChild<QLineEdit *>(QStringLiteral("probeHost"));
        auto *ports = page.findChild<QLineEdit *>(QStringLiteral("probePorts"));
        auto *health = page.findChild<QSpinBox *>(QStringLiteral("probeHealthPort"));
        QVERIFY(host && ports && health);
        QCOMPARE(ports->text(), QStringLiteral("8000,8200,18888,8080,8081,5696"));
        QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
        ports->clear();
        QTest::keyClicks(ports, QStringLiteral("%1,%2").arg(open.serverPort()).arg(closed));
        health->setValue(closed);
        QSignalSpy finished(&page, &ProbePage::finished);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("runProbe")),
                          Qt::LeftButton);
        QVERIFY(page.isRunning()); // the click returned before the answers came
        QVERIFY(finished.wait(30000));
        QTreeWidget *results = page.results();
        QCOMPARE(results->topLevelItemCount(), 3);
        QCOMPARE(results->topLevelItem(0)->text(2), QStringLiteral("OK"));
        QCOMPARE(results->topLevelItem(1)->text(3), QStringLiteral("connection refused"));
        QCOMPARE(results->topLevelItem(2)->text(1), QStringLiteral("GET /health"));
        QCOMPARE(results->topLevelItem(2)->text(2), QStringLiteral("FAIL"));

        ports->setText(QStringLiteral("99999"));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("runProbe")),
                          Qt::LeftButton);
        QVERIFY(!page.isRunning());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("probeSummary"))
                    ->text()
                    .contains(QStringLiteral("99999")));
    }
};

int main(int argc, char *argv[]) {
    UiTestHome home;
    QApplication app(argc, argv);
    TestProbePage test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestProbePage.moc"
