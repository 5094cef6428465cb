// SPDX-License-Identifier: Apache-2.0
#include "core/client/Language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace hsm::language {
namespace {

// Where CMake's qt_add_translations puts the compiled .qm files among the resources.
constexpr auto kResourceFolder = ":/i18n";

bool load(const QLocale &locale, const QString &name, const QString &folder) {
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QCommandLineOption option() {
    return QCommandLineOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("hsm::language",
                                    "Language of the texts, e.g. de or en (default: the "
                                    "system's language)."),
        QStringLiteral("code"));
}

QString requested(const QStringList &arguments) {
    QCommandLineParser scan;
    const QCommandLineOption lang = option();
    scan.addOption(lang);
    // Every other option is unknown here; parse() still reads --lang wherever it stands.
    scan.parse(arguments);
    return scan.value(lang);
}

QString install(const QString &code) {
    QStringList candidates = QLocale::system().uiLanguages();
    if (!code.isEmpty()) {
        const QLocale asked(code);
        // QLocale falls back to C for a name it does not know.
        if (asked.language() == QLocale::C && code != QLatin1String("C"))
            return QCoreApplication::translate("hsm::language",
                                               "--lang %1 names no language known here; the "
                                               "texts stay in English.")
                .arg(code);
        QLocale::setDefault(asked);
        candidates = QStringList{code};
    }
    // The user's languages in their order of preference; English, the language of the
    // sources, ends the search, so LANGUAGE=en:de stays English.
    for (const QString &name : candidates) {
        const QLocale locale(name);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            return {};
        if (load(locale, QStringLiteral("hsm-admin"), QLatin1String(kResourceFolder))) {
            // Qt's own texts (standard buttons, the command-line parser's help) when the
            // system has them (Debian: qt6-translations-l10n); else only those stay English.
            load(locale, QStringLiteral("qtbase"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath));
            return {};
        }
    }
    if (code.isEmpty())
        return {};
    return QCoreApplication::translate("hsm::language", "There is no %1 translation of HSM "
                                                        "Admin (--lang %2); the texts stay in "
                                                        "English.")
        .arg(QLocale::languageToString(QLocale(code).language()), code);
}

} // namespace hsm::language
