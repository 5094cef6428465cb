// SPDX-License-Identifier: Apache-2.0
// The icons compiled into hsmui: every SVG of resources/icons is in the resources and
// draws, sharp at a pixel ratio of 2, at 16 and 64 px; each reads on a light and on a dark
// window background; and the browser tree, the objects table and the mechanisms table
// show them.
#include "core/client/Application.h"
#include "tests/ui/UiTestHome.h"
#include "ui/Icons.h"
#include "ui/browser/MechanismTableModel.h"
#include "ui/browser/ModuleTreeModel.h"
#include "ui/objects/ObjectTableModel.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <QTest>

using namespace hsm;
using namespace hsm::ui;

namespace {

// The share of an icon's drawn pixels whose lightness differs from `background` by at
// least `margin` (0–255): how much of it stands out there.
double standsOut(const QImage &icon, const QColor &background, int margin) {
    int drawn = 0;
    int distinct = 0;
    for (int y = 0; y < icon.height(); ++y) {
        for (int x = 0; x < icon.width(); ++x) {
            const QColor pixel = icon.pixelColor(x, y);
            if (pixel.alpha() < 128)
                continue;
            ++drawn;
            distinct += qAbs(pixel.lightness() - background.lightness()) >= margin ? 1 : 0;
        }
    }
    return drawn == 0 ? 0.0 : double(distinct) / drawn;
}

QStringList svgFilesIn(const QString &folder) {
    QStringList names = QDir(folder).entryList({QStringLiteral("*.svg")}, QDir::Files);
    names.sort();
    return names;
}

} // namespace

class TestIcons : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everySourceIconIsCompiledIn();
    void everyIconDraws_data();
    void everyIconDraws();
    void readsOnLightAndDarkBackgrounds_data();
    void readsOnLightAndDarkBackgrounds();
    void objectClassesLookDifferent();
    void modelsShowIcons();
    void windowIcon();
};

void TestIcons::everySourceIconIsCompiledIn() {
    // ui/CMakeLists.txt names each file: one added to resources/icons but not there, or
    // named in Icons.cpp but not there, is caught here.
    const QStringList inSource = svgFilesIn(QStringLiteral(HSM_ADMIN_ICONS_DIR));
    const QStringList compiledIn = svgFilesIn(QStringLiteral(":/icons"));
    QVERIFY(inSource.size() >= 11);
    QCOMPARE(compiledIn, inSource);
    QStringList used;
    for (const QString &path : icons::resourcePaths())
        used << QFileInfo(path).fileName();
    used.sort();
    QCOMPARE(used, compiledIn);
}

void TestIcons::everyIconDraws_data() {
    QTest::addColumn<QString>("path");
    for (const QString &path : icons::resourcePaths())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestIcons::everyIconDraws() {
    QFETCH(QString, path);
    QVERIFY(QFile::exists(path));
    const QIcon icon(path);
    QVERIFY(!icon.isNull());
    for (int size : {16, 64}) {
        // As on a high-DPI screen: twice the pixels, drawn from the SVG, not scaled up.
        const QPixmap pixmap = icon.pixmap(QSize(size, size), 2.0);
        QVERIFY2(!pixmap.isNull(), qPrintable(QStringLiteral("%1 px").arg(size)));
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
        QCOMPARE(pixmap.size(), QSize(2 * size, 2 * size));
        const QImage image = pixmap.toImage();
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                opaque += image.pixelColor(x, y).alpha() > 128 ? 1 : 0;
        }
        // Not blank, and not a filled square either.
        QVERIFY2(opaque > image.width() * image.height() / 10, qPrintable(QString::number(opaque)));
        QVERIFY2(opaque < image.width() * image.height(), qPrintable(QString::number(opaque)));
    }
}

void TestIcons::readsOnLightAndDarkBackgrounds_data() {
    everyIconDraws_data();
}

void TestIcons::readsOnLightAndDarkBackgrounds() {
    QFETCH(QString, path);
    const QImage image = QIcon(path).pixmap(QSize(32, 32), 1.0).toImage();
    // Fusion's light window and a typical dark theme's (Breeze Dark, Adwaita dark).
    for (const QColor &background : {QColor(0xef, 0xef, 0xef), QColor(0x2a, 0x2e, 0x32)}) {
        const double share = standsOut(image, background, 40);
        QVERIFY2(share >= 0.5, qPrintable(QStringLiteral("%1 of the icon stands out on %2")
                                              .arg(share, 0, 'f', 2)
                                              .arg(background.name())));
    }
}

void TestIcons::objectClassesLookDifferent() {
    QSet<qint64> keys;
    for (CK_OBJECT_CLASS objectClass :
         {CKO_SECRET_KEY, CKO_PUBLIC_KEY, CKO_PRIVATE_KEY, CKO_CERTIFICATE, CKO_DATA})
        keys.insert(icons::objectClass(objectClass).cacheKey());
    QCOMPARE(keys.size(), 5);
    // Any other class looks like a data object.
    QCOMPARE(icons::objectClass(CKO_DOMAIN_PARAMETERS).cacheKey(),
             icons::objectClass(CKO_DATA).cacheKey());
    QVERIFY(icons::token(true).cacheKey() != icons::token(false).cacheKey());
}

void TestIcons::modelsShowIcons() {
    ModuleInfo module;
    module.path = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
    module.manufacturer = QStringLiteral("SoftHSM");
    SlotInfo empty;
    empty.id = 1;
    SlotInfo withToken;
    withToken.id = 2;
    withToken.token = TokenInfo();
    withToken.token->label = QStringLiteral("demo");
    withToken.token->flagBits = CKF_TOKEN_INITIALIZED;
    ModuleTreeModel tree;
    tree.setInventory(module, {empty, withToken});
    const auto decoration = [](const QModelIndex &index) {
        return index.data(Qt::DecorationRole).value<QIcon>().cacheKey();
    };
    QCOMPARE(decoration(tree.index(0, 0)), icons::module().cacheKey());
    QCOMPARE(decoration(tree.indexOf(1, ModuleTreeModel::Kind::Slot)), icons::slot().cacheKey());
    QCOMPARE(decoration(tree.indexOf(2, ModuleTreeModel::Kind::Token)),
             icons::token(true).cacheKey());

    ObjectTableModel objects;
    ObjectInfo key;
    key.objectClass = CKO_SECRET_KEY;
    ObjectInfo certificate;
    certificate.objectClass = CKO_CERTIFICATE;
    objects.append({key, certificate});
    QCOMPARE(decoration(objects.index(0, ObjectTableModel::ClassColumn)),
             icons::objectClass(CKO_SECRET_KEY).cacheKey());
    QCOMPARE(decoration(objects.index(1, ObjectTableModel::ClassColumn)),
             icons::objectClass(CKO_CERTIFICATE).cacheKey());
    QVERIFY(objects.index(0, ObjectTableModel::LabelColumn).data(Qt::DecorationRole).isNull());

    MechanismTableModel mechanisms;
    MechanismInfo sha;
    sha.name = QStringLiteral("CKM_SHA256_HMAC");
    mechanisms.setMechanisms({sha});
    QCOMPARE(decoration(mechanisms.index(0, MechanismTableModel::NameColumn)),
             icons::mechanism().cacheKey());
}

void TestIcons::windowIcon() {
    // Ours, drawn from the resources (the SVG engine is there), not the theme's fallback.
    const QImage drawn = icons::application().pixmap(QSize(64, 64), 2.0).toImage();
    QVERIFY(!drawn.isNull());
    QCOMPARE(drawn,
             QIcon(QStringLiteral(":/icons/hsm-admin.svg")).pixmap(QSize(64, 64), 2.0).toImage());
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid())
        return 1;
    QApplication app(argc, argv);
    hsm::setApplicationIdentity();
    TestIcons test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestIcons.moc"
