// SPDX-License-Identifier: Apache-2.0
// hsm-bench-populate: fills a token with N secret keys (labels "<prefix>00000", ids the
// number as 4 bytes big endian) through the core's call wrapper, in one logged-in session.
// Each key is made with one C_GenerateKey (secretKeys::generate: the attributes of
// create() without its per-key label search), so N keys cost N calls.
//   HSM_PIN=... hsm-bench-populate --module LIB --token-label LABEL --count N [--first F]
//               [--prefix P]
#include "core/pkcs11/Module.h"
#include "core/pkcs11/Session.h"
#include "core/token/Inventory.h"
#include "core/token/SecretKeys.h"
#include "core/token/TokenSelector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace hsm;

namespace {

int fail(const QString &message) {
    std::fprintf(stderr, "hsm-bench-populate: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fills a token with secret keys."));
    parser.addHelpOption();
    const QCommandLineOption moduleOption(
        QStringLiteral("module"), QStringLiteral("PKCS#11 library."), QStringLiteral("path"));
    const QCommandLineOption labelOption(QStringLiteral("token-label"),
                                         QStringLiteral("Token label."), QStringLiteral("label"));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("How many keys."),
                                         QStringLiteral("n"));
    const QCommandLineOption firstOption(QStringLiteral("first"),
                                         QStringLiteral("Number of the first key (default 0)."),
                                         QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption prefixOption(QStringLiteral("prefix"),
                                          QStringLiteral("Label prefix (default bench-key-)."),
                                          QStringLiteral("prefix"), QStringLiteral("bench-key-"));
    parser.addOptions({moduleOption, labelOption, countOption, firstOption, prefixOption});
    parser.process(app);

    bool ok = false;
    const int count = parser.value(countOption).toInt(&ok);
    if (!ok || count < 0)
        return fail(QStringLiteral("--count needs a number"));
    const int first = parser.value(firstOption).toInt(&ok);
    if (!ok || first < 0)
        return fail(QStringLiteral("--first needs a number"));
    if (qEnvironmentVariableIsEmpty("HSM_PIN"))
        return fail(QStringLiteral("set HSM_PIN"));

    Result<std::unique_ptr<Module>> module =
        Module::load(parser.value(moduleOption), std::make_shared<CallTrace>());
    if (!module)
        return fail(module.error().toString());
    Module &m = *module.value();
    Result<QList<SlotInfo>> slots = inventory::slots(m);
    if (!slots)
        return fail(slots.error().toString());
    TokenSelection selection;
    selection.label = {parser.value(labelOption), QStringLiteral("--token-label")};
    Result<SlotInfo> slot = TokenSelector(slots.value()).select(selection);
    if (!slot)
        return fail(slot.error().toString());
    Result<Session> session = Session::open(m, slot->id, true);
    if (!session)
        return fail(session.error().toString());
    QByteArray pin = qgetenv("HSM_PIN");
    if (Status s = session->login(CKU_USER, SecretBytes::take(pin)); !s)
        return fail(s.error().toString());

    const QString prefix = parser.value(prefixOption);
    QElapsedTimer timer;
    timer.start();
    for (int i = first; i < first + count; ++i) {
        SecretKeySpec spec;
        spec.label = prefix + QStringLiteral("%1").arg(i, 5, 10, QLatin1Char('0'));
        const char id[] = {char(i >> 24), char(i >> 16), char(i >> 8), char(i)};
        spec.id = QByteArray(id, sizeof id);
        if (Result<CK_OBJECT_HANDLE> key = secretKeys::generate(session.value(), spec); !key)
            return fail(key.error().toString());
    }
    std::printf("created %d keys in %.2f s\n", count, timer.elapsed() / 1000.0);
    return 0;
}
