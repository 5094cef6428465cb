// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CheckKeyCommand.h"

#include "app/cli/JsonOutput.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> CheckKeyCommand::options() const {
    return {QCommandLineOption(QStringLiteral("label"),
                               tr("The key's label (default: akeyless_hsm)."),
                               QStringLiteral("label"), QStringLiteral("akeyless_hsm"))};
}

int CheckKeyCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    const QString label = context.value(QStringLiteral("label"));
    Result<bool> kek = await(context.client().isKek(token.slot.id, label));
    if (!kek)
        return context.fail(kek.error());
    if (kek.value())
        return checkKek(context, token, label);
    Result<KeyCheckReport> report = await(context.client().checkSecretKey(token.slot.id, label));
    if (!report) {
        const int status = context.fail(report.error());
        // The module refused this key type for HMAC (an AES key, typically).
        if (report.error().rv == CKR_KEY_TYPE_INCONSISTENT)
            context.note(hmacKeyAdvice());
        return status;
    }
    if (context.format() == OutputFormat::Json)
        context.printJson(QJsonObject{{QStringLiteral("ok"), true},
                                      {QStringLiteral("key"), objectJson(report->key)},
                                      {QStringLiteral("verdict"), report->verdict}});
    else
        context.out() << report->verdict << Qt::endl;
    return 0;
}

// A key-encryption key: a round trip with each algorithm its kind allows.
int CheckKeyCommand::checkKek(CommandContext &context, const SelectedToken &token,
                              const QString &label) {
    Result<KekCheckReport> report = await(context.client().checkKek(token.slot.id, label));
    if (!report)
        return context.fail(report.error());
    // An AES key is often what an HSM team makes when asked for "the gateway's key": say
    // whether this module computes HMAC-SHA256 with it too, rather than assume either way.
    std::optional<Status> hmac;
    if (report->key.keyType == CKK_AES) {
        Result<KeyCheckReport> signing =
            await(context.client().checkSecretKey(token.slot.id, label));
        hmac = signing ? Status(Done{}) : Status(signing.error());
    }
    if (context.format() == OutputFormat::Json) {
        QJsonObject o{{QStringLiteral("ok"), true},
                      {QStringLiteral("key"), objectJson(report->key)},
                      {QStringLiteral("kek"), true},
                      {QStringLiteral("algorithms"), QJsonArray::fromStringList(report->works)},
                      {QStringLiteral("refused"), QJsonArray::fromStringList(report->refused)},
                      {QStringLiteral("verdict"), report->verdict}};
        if (hmac)
            o.insert(QStringLiteral("hmac"), bool(*hmac));
        context.printJson(o);
        return 0;
    }
    context.out() << report->verdict << '\n';
    for (const QString &line : report->refused)
        context.out() << tr("  not on this module: %1").arg(line) << '\n';
    if (hmac && *hmac) {
        context.out()
            << tr("Key type: AES. This module also computes HMAC-SHA256 with it, so it can "
                  "be the HMAC key of hsm_wrap_hmac and hsm_secured fragments too.")
            << '\n';
    } else if (hmac) {
        context.out() << tr("Key type: AES. It can be the KEK of hsm_wrap_encrypt fragments, but "
                            "not the HMAC key of hsm_wrap_hmac or hsm_secured ones here. %1")
                             .arg(hmac->error().message)
                      << '\n';
        // The key type, not a missing CKA_SIGN, is what an HSM team needs explained.
        if (hmac->error().rv == CKR_KEY_TYPE_INCONSISTENT)
            context.out() << hmacKeyAdvice() << '\n';
    }
    context.out().flush();
    return 0;
}

QString CheckKeyCommand::hmacKeyAdvice() {
    return tr("Why: PKCS#11 defines HMAC-SHA256 (CKM_SHA256_HMAC) for generic secret "
              "(CKK_GENERIC_SECRET) and SHA256-HMAC (CKK_SHA256_HMAC) keys; SoftHSM and most "
              "HSMs keep to that and refuse AES keys. Ask the HSM team for a generic secret key "
              "of at least 32 bytes that may sign (CKA_SIGN), sensitive and not extractable, or "
              "make one with create-key.");
}

} // namespace hsm::cli
