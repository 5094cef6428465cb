// SPDX-License-Identifier: Apache-2.0
#include "app/cli/GenCustomerFragmentCommand.h"

#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> GenCustomerFragmentCommand::options() const {
    return {
        QCommandLineOption({QStringLiteral("n"), QStringLiteral("name")},
                           tr("The fragment's name (unique in the file)."), QStringLiteral("name")),
        QCommandLineOption({QStringLiteral("t"), QStringLiteral("type")},
                           tr("standard (default), hsm_wrap_hmac (older name: hsm_wrapped), "
                              "hsm_wrap_encrypt or hsm_secured."),
                           QStringLiteral("type"), QStringLiteral("standard")),
        QCommandLineOption({QStringLiteral("k"), QStringLiteral("hsm-key-label")},
                           tr("Label of the HSM key: the HMAC key, or for hsm_wrap_encrypt the "
                              "key-encryption key (required for the HSM types)."),
                           QStringLiteral("label")),
        QCommandLineOption(QStringLiteral("hsm-wrap-alg"),
                           tr("For hsm_wrap_encrypt: rsa-oaep-sha256 (default), aes-gcm, aes-cbc "
                              "or aes-cbc-pad."),
                           QStringLiteral("alg")),
        QCommandLineOption(QStringLiteral("description"), tr("A description."),
                           QStringLiteral("text")),
        QCommandLineOption(QStringLiteral("entropy"),
                           tr("Seed source: hsm, os or mixed (default: mixed when the "
                              "token has an RNG, else os)."),
                           QStringLiteral("source")),
        QCommandLineOption(QStringLiteral("output"),
                           tr("The fragments file (default: customer_fragments.json)."),
                           QStringLiteral("file"), QStringLiteral("customer_fragments.json")),
        QCommandLineOption(QStringLiteral("replace"), tr("Replace a fragment of the same name.")),
    };
}

std::optional<int> GenCustomerFragmentCommand::prepare(CommandContext &context) {
    m_request = FragmentRequest();
    m_request.name = context.value(QStringLiteral("name")).trimmed();
    m_request.description = context.value(QStringLiteral("description"));
    m_request.keyLabel = context.value(QStringLiteral("hsm-key-label")).trimmed();
    m_request.hsmUseRand = qEnvironmentVariable("HSM_USE_RAND")
                               .trimmed()
                               .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    const QString typeName = context.value(QStringLiteral("type"));
    if (!CustomerFragment::parseType(typeName, &m_request.type))
        return context.usage(tr("--type must be standard, hsm_wrap_hmac, hsm_wrapped, "
                                "hsm_wrap_encrypt or hsm_secured, not '%1'.")
                                 .arg(typeName));
    m_request.typeName = typeName; // hsm_wrapped stays hsm_wrapped in the file
    if (context.isSet(QStringLiteral("hsm-wrap-alg"))) {
        const QString alg = context.value(QStringLiteral("hsm-wrap-alg"));
        if (m_request.type != FragmentType::HsmWrapEncrypt)
            return context.usage(tr("--hsm-wrap-alg is for hsm_wrap_encrypt fragments only."));
        if (!keyEncryption::parseAlgorithm(alg, &m_request.wrapAlgorithm))
            return context.usage(
                tr("--hsm-wrap-alg must be rsa-oaep-sha256, aes-gcm, aes-cbc or aes-cbc-pad, "
                   "not '%1'.")
                    .arg(alg));
    }
    if (context.isSet(QStringLiteral("entropy"))) {
        EntropySource source;
        if (!entropy::parseSource(context.value(QStringLiteral("entropy")), &source))
            return context.usage(tr("--entropy must be hsm, os or mixed."));
        m_request.entropy = source;
    }
    if (Status valid = fragmentGenerator::validate(m_request); !valid)
        return context.usage(valid.error().message);

    // The file first: a malformed one or a taken name stops us before any HSM work.
    const QString path = context.value(QStringLiteral("output"));
    Result<FragmentFile> file = FragmentFile::loadOrCreate(path);
    if (!file)
        return context.fail(file.error());
    m_file = std::move(file.value());
    m_replace = context.isSet(QStringLiteral("replace"));
    if (const CustomerFragment *existing = m_file.findByName(m_request.name);
        existing && !m_replace)
        return context.fail(tr("%1 already has a fragment named '%2' (%3); choose "
                               "another name or add --replace.")
                                .arg(path, m_request.name, existing->id()));
    // A target that can never be written (a folder, a device, a missing folder) stops us
    // here too, not after the HSM has made a fragment that is then thrown away.
    if (Status writable = m_file.checkWritable(); !writable)
        return context.fail(writable.error());
    return std::nullopt;
}

bool GenCustomerFragmentCommand::needsToken(const CommandContext &) const {
    return hsmType() || m_request.hsmUseRand ||
           (m_request.entropy && *m_request.entropy != EntropySource::Os);
}

TokenCommand::Login GenCustomerFragmentCommand::needsLogin(const CommandContext &) const {
    return hsmType() ? Login::Required : Login::None;
}

int GenCustomerFragmentCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    return generate(context, token.slot.id);
}

int GenCustomerFragmentCommand::runWithoutToken(CommandContext &context) {
    if (!m_request.entropy)
        m_request.entropy = EntropySource::Os;
    return generate(context, std::nullopt);
}

int GenCustomerFragmentCommand::generate(CommandContext &context, std::optional<CK_SLOT_ID> slot) {
    QSet<QString> ids;
    for (const CustomerFragment &f : m_file.fragments())
        ids.insert(f.id());
    Result<CustomerFragment> fragment =
        await(context.client().generateFragment(slot, m_request, ids));
    if (!fragment)
        return context.fail(fragment.error());
    // Read again under the file's lock: another run may have added its entry since prepare().
    const Result<FragmentFile> saved =
        FragmentFile::update(m_file.path(), true, [&](FragmentFile &file) {
            return file.add(fragment.value(), m_replace);
        });
    if (!saved)
        return context.fail(saved.error());
    m_file = saved.value();
    context.printJson(fragment->json());
    return 0;
}

} // namespace hsm::cli
