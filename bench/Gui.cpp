// SPDX-License-Identifier: Apache-2.0
// hsm-bench-gui: the GUI's numbers, timed in-process on the offscreen platform.
//   start_to_window_ms  main() entered -> the main window exposed
//   first_rows_ms       login done -> the objects table painted with rows in it
//   search_ms           of which C_FindObjectsInit (the module's pass over the token)
//   all_rows_ms         login done -> every object in the table
//   longest_stall_ms    the longest gap between ticks of a 5 ms heartbeat timer while the
//                       objects load (5 ms when the event loop never waits)
//   peak_rss_kb         VmHWM at the end
// The library is $PKCS11_LIB_PATH, the token $HSM_TOKEN_LABEL, the PIN $HSM_PIN.
#include "core/client/HsmClient.h"
#include "core/pkcs11/ProcessProtection.h"
#include "ui/MainWindow.h"
#include "ui/objects/ObjectsPage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace hsm;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "hsm-bench-gui: %s\n", qPrintable(message));
    std::exit(1);
}

QString peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed().split(' ').value(0));
    }
    return QStringLiteral("?");
}

// Notes when the table's viewport first paints while it has rows.
class FirstRowsPaint : public QObject {
public:
    FirstRowsPaint(QTableView *table, const QElapsedTimer &clock)
        : m_table(table)
        , m_clock(clock) {
        table->viewport()->installEventFilter(this);
    }
    qint64 atNs() const { return m_atNs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && m_table->model()->rowCount() > 0) {
            // The time is taken once this paint (and the flush it is part of) is done.
            m_table->viewport()->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] { m_atNs = m_clock.nsecsElapsed(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_table;
    const QElapsedTimer &m_clock;
    qint64 m_atNs = -1;
};

} // namespace

int main(int argc, char *argv[]) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    protectProcess();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    HsmClient client;

    // Start to the first window, as app/gui/main.cpp shows it (before any library loads).
    ui::MainWindow window(client);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        die(QStringLiteral("the main window was never exposed"));
    const double startToWindowMs = sinceStart.nsecsElapsed() / 1e6;

    if (Result<ModuleInfo> loaded = await(client.load(qEnvironmentVariable("PKCS11_LIB_PATH")));
        !loaded)
        die(loaded.error().toString());
    TokenSelection selection;
    selection.label = {qEnvironmentVariable("HSM_TOKEN_LABEL"), QStringLiteral("HSM_TOKEN_LABEL")};
    Result<SlotInfo> slot = await(client.selectToken(selection));
    if (!slot)
        die(slot.error().toString());

    ui::ObjectsPage page(client);
    page.resize(1000, 650);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        die(QStringLiteral("the objects page was never exposed"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("objectTable"));
    if (!table)
        die(QStringLiteral("no objectTable"));

    QByteArray pin = qgetenv("HSM_PIN");
    if (Result<LoginReport> in = await(client.login(slot->id, SecretBytes::take(pin))); !in)
        die(in.error().toString());

    QElapsedTimer clock;
    clock.start(); // login done
    FirstRowsPaint firstRows(table, clock);
    qint64 lastTickNs = 0, longestGapNs = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longestGapNs = std::max(longestGapNs, now - lastTickNs);
        lastTickNs = now;
    });
    qint64 allRowsNs = -1;
    QObject::connect(&page, &ui::ObjectsPage::loadingFinished, [&] {
        allRowsNs = clock.nsecsElapsed();
        heartbeat.stop();
        // One more turn of the loop so the last rows are painted too.
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    heartbeat.start();
    page.showSlot(slot->id, slot->token ? slot->token->label : QString());
    QTimer::singleShot(120000, &app,
                       [] { die(QStringLiteral("the objects did not load in 120 s")); });
    app.exec();

    const int rows = table->model()->rowCount();
    // The module's own share of the first rows: its search over the whole token.
    qint64 searchNs = 0;
    for (const CallRecord &r : client.trace()->snapshot()) {
        if (qstrcmp(r.function, "C_FindObjectsInit") == 0)
            searchNs += r.durationNs;
    }
    std::printf("start_to_window_ms=%.1f\n", startToWindowMs);
    std::printf("first_rows_ms=%.1f\n", firstRows.atNs() / 1e6);
    std::printf("search_ms=%.1f\n", searchNs / 1e6);
    std::printf("all_rows_ms=%.1f\n", allRowsNs / 1e6);
    std::printf("longest_stall_ms=%.1f\n", longestGapNs / 1e6);
    std::printf("rows=%d\n", rows);
    std::printf("peak_rss_kb=%s\n", qPrintable(peakRssKb()));
    return 0;
}
