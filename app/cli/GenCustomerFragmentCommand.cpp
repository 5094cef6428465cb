#include "app/cli/GenCustomerFragmentCommand.h"

#include "core/fragment/FragmentFile.h"

#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> GenCustomerFragmentCommand::options() const {
    return {
        QCommandLineOption({QStringLiteral("n"), QStringLiteral("name")},
                           tr("The fragment's name (unique in the file)."), QStringLiteral("name")),
        QCommandLineOption({QStringLiteral("t"), QStringLiteral("type")},
                           tr("standard, hsm_wrapped or hsm_secured."), QStringLiteral("type")),
        QCommandLineOption({QStringLiteral("k"), QStringLiteral("hsm-key-label")},
                           tr("Label of the HSM key (required for the HSM types)."),
                           QStringLiteral("label")),
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

int GenCustomerFragmentCommand::run(CommandContext &context) {
    FragmentRequest request;
    request.name = context.value(QStringLiteral("name")).trimmed();
    request.description = context.value(QStringLiteral("description"));
    request.keyLabel = context.value(QStringLiteral("hsm-key-label")).trimmed();
    request.hsmUseRand = qEnvironmentVariable("HSM_USE_RAND")
                             .trimmed()
                             .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    const QString typeName = context.value(QStringLiteral("type"));
    if (typeName.isEmpty())
        return context.usage(tr("gen-customer-fragment needs --type "
                                "standard|hsm_wrapped|hsm_secured."));
    if (!CustomerFragment::parseType(typeName, &request.type))
        return context.usage(
            tr("--type must be standard, hsm_wrapped or hsm_secured, not '%1'.").arg(typeName));
    if (context.isSet(QStringLiteral("entropy"))) {
        EntropySource source;
        if (!entropy::parseSource(context.value(QStringLiteral("entropy")), &source))
            return context.usage(tr("--entropy must be hsm, os or mixed."));
        request.entropy = source;
    }
    if (Status valid = fragmentGenerator::validate(request); !valid)
        return context.usage(valid.error().message);

    // The file first: a malformed one or a taken name stops us before any HSM work.
    const QString path = context.value(QStringLiteral("output"));
    Result<FragmentFile> file = FragmentFile::loadOrCreate(path);
    if (!file)
        return context.fail(file.error());
    const bool replace = context.isSet(QStringLiteral("replace"));
    if (const CustomerFragment *existing = file->findByName(request.name); existing && !replace)
        return context.fail(tr("%1 already has a fragment named '%2' (%3); choose "
                               "another name or add --replace.")
                                .arg(path, request.name, existing->id()));
    // A target that can never be written (a folder, a device, a missing folder) stops us
    // here too, not after the HSM has made a fragment that is then thrown away.
    if (Status writable = file->checkWritable(); !writable)
        return context.fail(writable.error());

    const bool hsmType = request.type != FragmentType::Standard;
    const bool needsHsm =
        hsmType || request.hsmUseRand || (request.entropy && *request.entropy != EntropySource::Os);
    std::optional<CK_SLOT_ID> slot;
    if (needsHsm) {
        if (Status loaded = context.loadModule(); !loaded)
            return context.fail(loaded.error());
        Result<SlotInfo> selected = context.selectToken();
        if (!selected)
            return context.fail(selected.error());
        if (hsmType) {
            Result<bool> loggedIn = context.logIn(selected.value(), true);
            if (!loggedIn)
                return context.fail(loggedIn.error());
        }
        slot = selected->id;
    } else if (!request.entropy) {
        request.entropy = EntropySource::Os;
    }

    QSet<QString> ids;
    for (const CustomerFragment &f : file->fragments())
        ids.insert(f.id());
    Result<CustomerFragment> fragment =
        await(context.client().generateFragment(slot, request, ids));
    if (!fragment)
        return context.fail(fragment.error());
    if (Status added = file->add(fragment.value(), replace); !added)
        return context.fail(added.error());
    if (Status saved = file->save(); !saved)
        return context.fail(saved.error());
    context.printJson(fragment->json());
    return 0;
}

} // namespace hsm::cli
