// hsm-bench-populate: fills a token with N secret keys (labels "<prefix>00000", ids the
// number as 4 bytes big endian) through the core's call wrapper, in one logged-in session.
// Each key is made with one C_GenerateKey; no per-key lookup, so N keys cost N calls.
//   HSM_PIN=... hsm-bench-populate --module LIB --token-label LABEL --count N [--first F]
//               [--prefix P]
#include "pkcs11/Module.h"
#include "pkcs11/Session.h"
#include "token/Inventory.h"
#include "token/TokenSelector.h"

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
        QByteArray label = (prefix + QStringLiteral("%1").arg(i, 5, 10, QLatin1Char('0'))).toUtf8();
        CK_BYTE id[] = {CK_BYTE(i >> 24), CK_BYTE(i >> 16), CK_BYTE(i >> 8), CK_BYTE(i)};
        CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
        CK_KEY_TYPE type = CKK_GENERIC_SECRET;
        CK_ULONG length = 32;
        CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
        CK_ATTRIBUTE tmpl[] = {
            {CKA_CLASS, &cls, sizeof cls},
            {CKA_KEY_TYPE, &type, sizeof type},
            {CKA_VALUE_LEN, &length, sizeof length},
            {CKA_LABEL, label.data(), static_cast<CK_ULONG>(label.size())},
            {CKA_ID, id, sizeof id},
            {CKA_TOKEN, &yes, sizeof yes},
            {CKA_PRIVATE, &yes, sizeof yes},
            {CKA_SENSITIVE, &yes, sizeof yes},
            {CKA_EXTRACTABLE, &no, sizeof no},
            {CKA_SIGN, &yes, sizeof yes},
            {CKA_VERIFY, &yes, sizeof yes},
        };
        CK_MECHANISM mechanism{CKM_GENERIC_SECRET_KEY_GEN, nullptr, 0};
        CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
        const CK_RV rv = HSM_P11(m, C_GenerateKey, session->handle(), &mechanism, tmpl,
                                 CK_ULONG(std::size(tmpl)), &key);
        if (rv != CKR_OK)
            return fail(Error::pkcs11("C_GenerateKey", rv).toString());
    }
    std::printf("created %d keys in %.2f s\n", count, timer.elapsed() / 1000.0);
    return 0;
}
