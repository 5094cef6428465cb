// SPDX-License-Identifier: Apache-2.0
// The main window and the customer fragment wizard in English and in German, with the
// translations installed the way hsm-admin installs them for --lang (language::install).
// The test functions run in order: English first (C locale, then --lang en), German last,
// since an installed translation stays for the rest of the process.
#include "core/client/Application.h"
#include "core/client/Language.h"
#include "tests/ui/DemoWindow.h"
#include "tests/ui/UiTestHome.h"
#include "ui/wizard/FragmentWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>

using namespace hsm;
using namespace hsm::ui;

namespace {

constexpr int kTimeout = 60000;

// What a user reads first: menu titles, menu entries, the browser's tabs.
struct WindowTexts {
    QStringList menus;
    QStringList actions;
    QStringList tabs;
};

WindowTexts textsOf(MainWindow *window) {
    WindowTexts texts;
    for (QAction *menu : window->menuBar()->actions()) {
        texts.menus << menu->text();
        if (!menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (!action->isSeparator())
                texts.actions << action->text();
        }
    }
    if (auto *tabs = window->findChild<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts.tabs << tabs->tabText(i);
    }
    return texts;
}

struct WizardTexts {
    QString windowTitle;
    QStringList pageTitles;
    QString next;
    QString cancel;
};

WizardTexts textsOf(FragmentWizard &wizard) {
    WizardTexts texts;
    texts.windowTitle = wizard.windowTitle();
    for (int id : wizard.pageIds())
        texts.pageTitles << wizard.page(id)->title();
    texts.next = wizard.button(QWizard::NextButton)->text();
    texts.cancel = wizard.button(QWizard::CancelButton)->text();
    return texts;
}

} // namespace

class TestLanguageUi : public QObject {
    Q_OBJECT
    WindowTexts m_english;
    WizardTexts m_englishWizard;

    // Opens the main window on the demo HSM and the wizard beside it, and reads both.
    void readTexts(WindowTexts *window, WizardTexts *wizard, QString *demoBanner) {
        DemoWindow demo;
        const QString problem = demo.open(kTimeout);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        *window = textsOf(demo.window());
        *demoBanner = demo.child<QLabel>("demoBanner")->text();
        FragmentWizard fragmentWizard(demo.client());
        fragmentWizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fragmentWizard));
        *wizard = textsOf(fragmentWizard);
    }

private Q_SLOTS:
    void englishInTheCLocale();
    void englishWithLangEn();
    void unknownLanguageIsReported();
    void germanWithLangDe();
};

// The ctest environment is a C locale: no translation is installed.
void TestLanguageUi::englishInTheCLocale() {
    QCOMPARE(language::install(QString()), QString());
    QString banner;
    readTexts(&m_english, &m_englishWizard, &banner);
    QVERIFY2((m_english.menus.mid(0, 2) ==
              QStringList{QStringLiteral("&File"), QStringLiteral("&View")}),
             qPrintable(m_english.menus.join(QLatin1Char(' '))));
    QVERIFY(m_english.actions.contains(QStringLiteral("&Open Library…")));
    QVERIFY(m_english.tabs.contains(QStringLiteral("&Objects")));
    QVERIFY2(banner.startsWith(QStringLiteral("Demo HSM (SoftHSMv2) – not for production")),
             qPrintable(banner));
    QCOMPARE(m_englishWizard.windowTitle, QStringLiteral("New Customer Fragment"));
    QCOMPARE(m_englishWizard.pageTitles.first(), QStringLiteral("HSM and Token"));
    QCOMPARE(m_englishWizard.cancel, QStringLiteral("Cancel"));
}

void TestLanguageUi::englishWithLangEn() {
    QCOMPARE(language::install(QStringLiteral("en")), QString());
    WindowTexts window;
    WizardTexts wizard;
    QString banner;
    readTexts(&window, &wizard, &banner);
    QCOMPARE(window.menus, m_english.menus);
    QCOMPARE(window.actions, m_english.actions);
    QCOMPARE(wizard.pageTitles, m_englishWizard.pageTitles);
    QCOMPARE(wizard.next, m_englishWizard.next);
}

void TestLanguageUi::unknownLanguageIsReported() {
    const QString warning = language::install(QStringLiteral("xx-nonsense"));
    QVERIFY(warning.contains(QStringLiteral("xx-nonsense")));
    QVERIFY(!warning.contains(QLatin1Char('\n')));
    QVERIFY(language::install(QStringLiteral("fr")).contains(QStringLiteral("fr")));
    // Nothing was installed: still English.
    QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&File"));
}

void TestLanguageUi::germanWithLangDe() {
    QCOMPARE(language::install(QStringLiteral("de")), QString());
    WindowTexts window;
    WizardTexts wizard;
    QString banner;
    readTexts(&window, &wizard, &banner);

    QVERIFY2((window.menus.mid(0, 2) ==
              QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht")}),
             qPrintable(window.menus.join(QLatin1Char(' '))));
    QVERIFY(window.actions.contains(QStringLiteral("Bibliothek ö&ffnen …")));
    QVERIFY(window.actions.contains(QStringLiteral("&Neues Kundenfragment …")));
    QVERIFY(window.tabs.contains(QStringLiteral("&Objekte")));
    QVERIFY2(
        banner.startsWith(QStringLiteral("Demo-HSM (SoftHSMv2) – nicht für den Produktivbetrieb")),
        qPrintable(banner));
    // No English left in the menus and tabs, except names that are the same in German.
    const QSet<QString> same = {QStringLiteral("&HSM"), QStringLiteral("&Gateway"),
                                QStringLiteral("&Slot"), QStringLiteral("&Token"),
                                QStringLiteral("Gate&way")};
    QCOMPARE(window.actions.size(), m_english.actions.size());
    const QStringList german = window.menus + window.actions + window.tabs;
    const QStringList english = m_english.menus + m_english.actions + m_english.tabs;
    QCOMPARE(german.size(), english.size());
    for (qsizetype i = 0; i < german.size(); ++i) {
        if (!same.contains(english[i]))
            QVERIFY2(german[i] != english[i],
                     qPrintable(english[i] + QStringLiteral(" is not translated")));
    }

    QCOMPARE(wizard.windowTitle, QStringLiteral("Neues Kundenfragment"));
    QCOMPARE(
        wizard.pageTitles,
        (QStringList{QStringLiteral("HSM und Token"), QStringLiteral("HSM-Schlüssel"),
                     QStringLiteral("Kundenfragment"), QStringLiteral("Erzeugen und verifizieren"),
                     QStringLiteral("Speichern und bereitstellen")}));
    // Qt's own button texts come from qtbase_de (qt6-translations-l10n).
    QCOMPARE(wizard.cancel, QStringLiteral("Abbrechen"));
    QVERIFY2(wizard.next.contains(QStringLiteral("Weiter")), qPrintable(wizard.next));
}

int main(int argc, char **argv) {
    UiTestHome home; // before QApplication
    if (!home.isValid())
        return 1;
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestLanguageUi test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestLanguageUi.moc"
