// SPDX-License-Identifier: Apache-2.0
// The Debian package made from this build, as scripts/package makes it (cpack -G DEB, no
// compiling: it packages what is built): its contents and fields, and the programs
// extracted from it running on a SoftHSM token with the system's Qt.
#include "tests/support/ProcessRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm::test;

namespace {

const QString kId = QStringLiteral(HSM_ADMIN_APP_ID);

} // namespace

class TestPackage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root; // the package extracted
    QString m_listing;

    // cpack takes its time.
    static RunResult run(const QString &program, const QStringList &args,
                         const QStringList &environment = {},
                         const QString &workingDirectory = {}) {
        ProcessOptions options;
        options.environment = environment;
        options.workingDirectory = workingDirectory;
        options.timeoutMs = 240000;
        return processRun::run(program, args, options);
    }

    QString dpkgDeb() const { return QStringLiteral(HSM_DPKG_DEB); }
    QString field(const QString &name) const {
        const RunResult r = run(dpkgDeb(), {QStringLiteral("-f"), m_deb, name});
        return QString::fromUtf8(r.out.trimmed());
    }
    QString extracted(const QString &path) const { return m_root + QStringLiteral("/usr/") + path; }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString out = m_dir.filePath(QStringLiteral("out"));
        QElapsedTimer timer;
        timer.start();
        const RunResult cpack =
            run(QStringLiteral(HSM_CPACK),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out,
                 QStringLiteral("--config"), QStringLiteral(HSM_CPACK_CONFIG)},
                {}, QStringLiteral(HSM_BUILD_DIR));
        QVERIFY2(cpack.status == 0, qPrintable(QString::fromUtf8(cpack.out) + cpack.err));
        qInfo("cpack took %lld ms", static_cast<long long>(timer.elapsed()));
        const QStringList debs =
            QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files, QDir::Name);
        QCOMPARE(debs.size(), 1);
        m_deb = QDir(out).filePath(debs.first());

        const RunResult list = run(dpkgDeb(), {QStringLiteral("-c"), m_deb});
        QVERIFY2(list.status == 0, qPrintable(list.err));
        m_listing = QString::fromUtf8(list.out);
        m_root = m_dir.filePath(QStringLiteral("root"));
        const RunResult extract = run(dpkgDeb(), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(extract.status == 0, qPrintable(extract.err));
    }

    void fileName() {
        QVERIFY2(QFileInfo(m_deb).fileName().startsWith(
                     QStringLiteral("hsm-admin_" HSM_ADMIN_VERSION "_")),
                 qPrintable(m_deb));
    }

    void contents() {
        // "-rwxr-xr-x root/root 123 2026-01-01 00:00 ./usr/bin/hsm-admin"
        QMap<QString, QString> modes;
        for (const QString &line : m_listing.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(parts.size() >= 6, qPrintable(line));
            QVERIFY2(parts.at(1) == QLatin1String("root/root"), qPrintable(line));
            modes.insert(parts.last(), parts.first());
        }
        const QStringList programs{QStringLiteral("./usr/bin/hsm-admin"),
                                   QStringLiteral("./usr/bin/hsm-admin-cli")};
        for (const QString &p : programs)
            QVERIFY2(modes.value(p) == QLatin1String("-rwxr-xr-x"), qPrintable(m_listing));
        const QStringList files{
            QStringLiteral("./usr/share/applications/%1.desktop").arg(kId),
            QStringLiteral("./usr/share/metainfo/%1.metainfo.xml").arg(kId),
            QStringLiteral("./usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kId),
            QStringLiteral("./usr/share/man/man1/hsm-admin.1.gz"),
            QStringLiteral("./usr/share/man/man1/hsm-admin-cli.1.gz"),
            QStringLiteral("./usr/share/bash-completion/completions/hsm-admin-cli"),
            QStringLiteral("./usr/share/doc/hsm-admin/README.md"),
            QStringLiteral("./usr/share/doc/hsm-admin/copyright"),
        };
        for (const QString &f : files)
            QVERIFY2(modes.value(f) == QLatin1String("-rw-r--r--"),
                     qPrintable(f + QStringLiteral(" in\n") + m_listing));
        // Nothing outside /usr, nothing from the build tree (tests, libraries, headers).
        for (auto it = modes.cbegin(); it != modes.cend(); ++it) {
            QVERIFY2(it.key() == QLatin1String("./") ||
                         it.key().startsWith(QLatin1String("./usr/")),
                     qPrintable(it.key()));
            QVERIFY2(!it.key().contains(QLatin1String("/include/")) &&
                         !it.key().endsWith(QLatin1String(".a")) &&
                         !it.key().contains(QLatin1String("Test")),
                     qPrintable(it.key()));
        }
    }

    void fields() {
        QCOMPARE(field(QStringLiteral("Package")), QStringLiteral("hsm-admin"));
        QCOMPARE(field(QStringLiteral("Version")), QStringLiteral(HSM_ADMIN_VERSION));
        const QString depends = field(QStringLiteral("Depends"));
        for (const char *package : {"libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6network6",
                                    "libssl3", "libp11-kit0", "qt6-qpa-plugins", "libqt6svg6"})
            QVERIFY2(depends.contains(QRegularExpression(
                         QStringLiteral("(^|, )%1( \\(|,|$)").arg(QLatin1String(package)))),
                     qPrintable(QLatin1String(package) + QStringLiteral(" not in ") + depends));
        const QString suggests = field(QStringLiteral("Suggests"));
        QVERIFY2(suggests.contains(QLatin1String("softhsm2")) &&
                     suggests.contains(QLatin1String("opensc")),
                 qPrintable(suggests));
        const QString recommends = field(QStringLiteral("Recommends"));
        QVERIFY2(recommends.contains(QLatin1String("qt6-translations-l10n")),
                 qPrintable(recommends));
    }

    // The desktop entry, its icon and the metainfo name each other by the application id.
    void desktopIntegration() {
        QFile desktop(extracted(QStringLiteral("share/applications/%1.desktop").arg(kId)));
        QVERIFY(desktop.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString entry = QString::fromUtf8(desktop.readAll());
        QVERIFY2(entry.contains(QStringLiteral("\nIcon=%1\n").arg(kId)), qPrintable(entry));
        QVERIFY2(entry.contains(QLatin1String("\nExec=hsm-admin")), qPrintable(entry));
        QFile metainfo(extracted(QStringLiteral("share/metainfo/%1.metainfo.xml").arg(kId)));
        QVERIFY(metainfo.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString xml = QString::fromUtf8(metainfo.readAll());
        QVERIFY(xml.contains(QStringLiteral("<id>%1</id>").arg(kId)));
        QVERIFY(xml.contains(
            QStringLiteral("<launchable type=\"desktop-id\">%1.desktop</launchable>").arg(kId)));
        // The newest release is this version.
        const auto release =
            QRegularExpression(QStringLiteral("<release version=\"([^\"]+)\"")).match(xml);
        QVERIFY(release.hasMatch());
        QCOMPARE(release.captured(1), QStringLiteral(HSM_ADMIN_VERSION));
    }

    // AppStream's own check of the installed tree: the metainfo finds its desktop entry.
    void treeValidates() {
        const RunResult r = run(QStringLiteral(HSM_APPSTREAMCLI),
                                {QStringLiteral("validate-tree"), QStringLiteral("--no-net"),
                                 QStringLiteral("--explain"), m_root});
        QVERIFY2(r.status == 0, qPrintable(QString::fromUtf8(r.out) + r.err));
    }

    void extractedCliRuns() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("packaged")}));
        const QString program = extracted(QStringLiteral("bin/hsm-admin-cli"));
        const RunResult version =
            run(program, {QStringLiteral("--version")}, fixture.environment());
        QVERIFY2(version.status == 0, qPrintable(version.err));
        QCOMPARE(QString::fromUtf8(version.out).trimmed(),
                 QStringLiteral("hsm-admin-cli " HSM_ADMIN_VERSION));

        const RunResult slots =
            run(program,
                {QStringLiteral("--module"), SoftHsmFixture::modulePath(), QStringLiteral("slots"),
                 QStringLiteral("--format"), QStringLiteral("json")},
                fixture.environment());
        QVERIFY2(slots.status == 0, qPrintable(slots.err));
        QStringList labels;
        for (const QJsonValue &slot : QJsonDocument::fromJson(slots.out).array())
            labels << slot[QLatin1String("token")][QLatin1String("label")].toString();
        QVERIFY2(labels.contains(QLatin1String("packaged")), slots.out.constData());
        QCOMPARE(labels.size(), fixture.tokens().size() + 1); // and SoftHSM's free slot

        // The German translation is built into the binary; the package needs no other file.
        const RunResult german =
            run(program, {QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")},
                fixture.environment());
        QVERIFY2(german.status == 0 && german.err.isEmpty(), qPrintable(german.err));
        QVERIFY2(german.out.contains("\nBefehle:\n"), german.out.constData());
    }

    // The GUI binary starts and prints its version (no window needed for that).
    void extractedGuiStarts() {
        const RunResult version =
            run(extracted(QStringLiteral("bin/hsm-admin")), {QStringLiteral("--version")},
                QProcess::systemEnvironment() +
                    QStringList{QStringLiteral("QT_QPA_PLATFORM=offscreen")});
        QVERIFY2(version.status == 0, qPrintable(version.err));
        QVERIFY2(version.out.contains(HSM_ADMIN_VERSION), version.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "TestPackage.moc"
