// SPDX-License-Identifier: Apache-2.0
// The deployment settings widget on its own, driven with the keyboard: the Helm chart is
// asked only for Helm values and decides their paths, slot 0 warns, and a library in a
// system folder is refused for the formats that mount it, with the reason shown.
#include "tests/ui/UiTestHome.h"
#include "ui/wizard/GatewayExportWidget.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using hsm::GatewayConfig;
using hsm::GatewayTokenMode;
using hsm::ui::GatewayExportWidget;

namespace {

GatewayConfig vendorConfig() {
    GatewayConfig c;
    c.libraryPath = QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so");
    c.tokenMode = GatewayTokenMode::Serial;
    c.tokenValue = QStringLiteral("4e3ca826da2daf8b");
    c.fragmentsPath = QStringLiteral("/srv/gateway/customer_fragments.json");
    return c;
}

// Chooses the entry whose data is `value` with the arrow keys, as an operator would.
void chooseWithKeys(QComboBox *box, int value) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < box->count() && box->currentData().toInt() != value; ++i)
        QTest::keyClick(box, Qt::Key_Down);
}

} // namespace

class TestGatewayExportWidget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chartIsAskedForHelmOnly() {
        GatewayExportWidget widget;
        widget.setConfig(vendorConfig());
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        auto *format = widget.findChild<QComboBox *>(QStringLiteral("exportFormat"));
        auto *chart = widget.findChild<QComboBox *>(QStringLiteral("helmChart"));
        QVERIFY(format && chart);
        QVERIFY(!chart->isVisible());
        QVERIFY(widget.text().contains(QStringLiteral("-v /opt/cloudhsm:/opt/cloudhsm")));

        chooseWithKeys(format, int(GatewayConfig::Format::Helm));
        QCOMPARE(widget.format(), GatewayConfig::Format::Helm);
        QVERIFY(chart->isVisible());
        QCOMPARE(widget.helmChart(), GatewayConfig::HelmChart::Gateway);
        QVERIFY2(widget.text().contains(QStringLiteral("gateway:\n  hsm:\n    enabled: true\n")),
                 qPrintable(widget.text()));
        QVERIFY(widget.text().contains(QStringLiteral("globalConfig:\n")));

        chooseWithKeys(chart, int(GatewayConfig::HelmChart::ApiGateway));
        QCOMPARE(widget.helmChart(), GatewayConfig::HelmChart::ApiGateway);
        QVERIFY2(widget.text().startsWith(
                     QStringLiteral("# values.yaml for the akeyless-api-gateway chart")),
                 qPrintable(widget.text()));
        QVERIFY(widget.text().contains(QStringLiteral("\nhsm:\n  enabled: true\n")));
        QVERIFY(widget.text().contains(QStringLiteral("\ncustomerFragmentsExistingSecret: ")));
        QVERIFY(!widget.text().contains(QStringLiteral("globalConfig")));

        chooseWithKeys(format, int(GatewayConfig::Format::Kubernetes));
        QVERIFY(!chart->isVisible());
        QVERIFY(!widget.text().contains(QStringLiteral("--from-literal")));
    }

    void slotZeroWarns() {
        GatewayExportWidget widget;
        GatewayConfig c = vendorConfig();
        c.tokenMode = GatewayTokenMode::Slot;
        c.tokenValue = QStringLiteral("0");
        widget.setConfig(c);
        widget.setFormat(GatewayConfig::Format::Helm);
        widget.show();
        auto *message = widget.findChild<QLabel *>(QStringLiteral("exportMessage"));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("label or serial")),
                 qPrintable(message->text()));
        QVERIFY(widget.text().contains(QStringLiteral("slot: \"0\"")));
        QVERIFY(widget.findChild<QPushButton *>(QStringLiteral("copyExport"))->isEnabled());
        widget.setFormat(GatewayConfig::Format::Docker);
        QVERIFY(!message->text().contains(QStringLiteral("label or serial")));
    }

    // The page names every placeholder still to be filled in, per format.
    void placeholdersToFill() {
        GatewayExportWidget widget;
        widget.setConfig(vendorConfig());
        widget.show();
        auto *message = widget.findChild<QLabel *>(QStringLiteral("exportMessage"));
        widget.setFormat(GatewayConfig::Format::Env);
        QVERIFY(widget.text().contains(QStringLiteral("HSM_PIN=<HSM PIN>\n")));
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("Fill in before use: <access id>, <HSM PIN>."));
        widget.setFormat(GatewayConfig::Format::Kubernetes);
        QCOMPARE(message->text(), QStringLiteral("Fill in before use: <gateway chart>."));
        GatewayConfig c = vendorConfig();
        c.accessId = QStringLiteral("p-abc123");
        widget.setConfig(c);
        widget.setFormat(GatewayConfig::Format::Compose);
        QCOMPARE(message->text(), QStringLiteral("Fill in before use: <HSM PIN>."));
    }

    void systemFolderLibraryIsRefusedWhereMounted() {
        GatewayExportWidget widget;
        GatewayConfig c = vendorConfig();
        c.libraryPath = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
        widget.setConfig(c);
        widget.show();
        auto *message = widget.findChild<QLabel *>(QStringLiteral("exportMessage"));
        auto *save = widget.findChild<QPushButton *>(QStringLiteral("saveExport"));
        for (auto f : {GatewayConfig::Format::Docker, GatewayConfig::Format::Compose,
                       GatewayConfig::Format::Helm}) {
            widget.setFormat(f);
            QVERIFY(widget.text().isEmpty());
            QVERIFY(!save->isEnabled());
            QVERIFY2(
                message->text().contains(QStringLiteral("copy the vendor's folder under /opt")),
                qPrintable(message->text()));
        }
        for (auto f : {GatewayConfig::Format::Env, GatewayConfig::Format::Kubernetes}) {
            widget.setFormat(f);
            QVERIFY(!widget.text().isEmpty());
            QVERIFY(save->isEnabled());
        }
    }
};

int main(int argc, char *argv[]) {
    UiTestHome home;
    QApplication app(argc, argv);
    TestGatewayExportWidget test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestGatewayExportWidget.moc"
