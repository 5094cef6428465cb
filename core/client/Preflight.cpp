// SPDX-License-Identifier: Apache-2.0
#include "core/client/Preflight.h"

#include "core/base/Placeholders.h"
#include "core/fragment/FragmentFile.h"
#include "core/token/TokenLogin.h"
#include "core/token/TokenSelector.h"

#include <QCoreApplication>
#include <QFile>

namespace hsm {
namespace {

PreflightCheck pass(const QString &subject, const QString &detail) {
    return {true, subject, detail};
}
PreflightCheck fail(const QString &subject, const QString &detail) {
    return {false, subject, detail};
}

} // namespace

bool Preflight::allPassed(const QList<PreflightCheck> &checks) {
    for (const PreflightCheck &c : checks) {
        if (!c.passed)
            return false;
    }
    return !checks.isEmpty();
}

QList<PreflightCheck> Preflight::run(HsmClient &client, const GatewayEnvironment &env,
                                     const QString &fragmentsPath) {
    QList<PreflightCheck> out;
    const QString library = QStringLiteral("library");
    const QString token = QStringLiteral("token");
    const QString login = QStringLiteral("login");
    const QString random = QStringLiteral("random numbers");
    const QString fragments = QStringLiteral("fragments file");

    // The fragments file does not need the HSM; read it first so its errors always show.
    Result<FragmentFile> file = FragmentFile::load(fragmentsPath);
    const PreflightCheck fileCheck =
        file ? pass(fragments, QStringLiteral("%1 holds %2 fragment(s).")
                                   .arg(fragmentsPath)
                                   .arg(file->fragments().size()))
             : fail(fragments, file.error().toString());

    std::optional<SlotInfo> slot;
    bool loggedIn = false;
    // The library reads what the gateway's environment gives it, and nothing else.
    libraryEnvironment::Values libraryEnvironment;
    if (!env.softHsmConf.isEmpty())
        libraryEnvironment.insert(QByteArrayLiteral("SOFTHSM2_CONF"),
                                  QFile::encodeName(env.softHsmConf));
    if (env.libraryPath.isEmpty()) {
        out << fail(library, QStringLiteral("PKCS11_LIB_PATH is not set in %1.").arg(env.source));
    } else if (Result<ModuleInfo> info = await(client.load(env.libraryPath, libraryEnvironment));
               !info) {
        out << fail(library, info.error().toString());
    } else {
        out << pass(library, QStringLiteral("%1 loads: %2.").arg(env.libraryPath, info->summary()));
        if (!env.softHsmConf.isEmpty())
            out.last().detail += QStringLiteral(" SOFTHSM2_CONF is %1.").arg(env.softHsmConf);
    }
    const bool libraryLoaded = out.last().passed;

    // The token.
    int identifiers = 0;
    for (const auto *id : {&env.token.slot, &env.token.label, &env.token.serial})
        identifiers += id->isSet() ? 1 : 0;
    if (!libraryLoaded) {
        out << fail(token, QStringLiteral("not checked: the library did not load."));
    } else if (identifiers == 0) {
        out << fail(token, QStringLiteral("none of HSM_SLOT, HSM_TOKEN_LABEL or HSM_TOKEN_SERIAL "
                                          "is set in %1; set one.")
                               .arg(env.source));
    } else if (Result<SlotInfo> r = await(client.selectToken(env.token)); !r) {
        out << fail(token, r.error().toString());
    } else {
        slot = r.value();
        QString detail = QStringLiteral("%1 selects %2.")
                             .arg(env.token.serial.isSet()  ? QStringLiteral("HSM_TOKEN_SERIAL")
                                  : env.token.label.isSet() ? QStringLiteral("HSM_TOKEN_LABEL")
                                                            : QStringLiteral("HSM_SLOT"),
                                  TokenSelector::describe(r.value()));
        if (identifiers > 1)
            detail +=
                QStringLiteral(" %1 identifiers are set and agree; the gateway needs only one.")
                    .arg(identifiers);
        out << pass(token, detail);
    }

    // Login.
    if (!slot) {
        out << fail(login, QStringLiteral("not checked: no token was selected."));
    } else if (!env.pin || env.pin->isAbsent()) {
        out << fail(login, QStringLiteral("HSM_PIN is not set in %1.").arg(env.source));
    } else if (placeholders::isPlaceholder(*env.pin)) {
        // Never reaches C_Login: a pasted template must not cost a PIN attempt.
        out << fail(login, QCoreApplication::translate("hsm::Preflight", "HSM_PIN in %1: %2")
                               .arg(env.source, tokenLogin::placeholderPinMessage()));
    } else {
        SecretBytes pin =
            SecretBytes::fromRaw(reinterpret_cast<const char *>(env.pin->data()), env.pin->size());
        Result<LoginReport> r = await(client.login(slot->id, std::move(pin)));
        if (!r) {
            out << fail(login, r.error().toString());
        } else {
            loggedIn = true;
            out << pass(login, r->warnings.isEmpty() ? QStringLiteral("the PIN is accepted.")
                                                     : QStringLiteral("the PIN is accepted; ") +
                                                           r->warnings.join(QLatin1Char(' ')));
        }
    }

    // Random numbers, when the gateway is to take them from the HSM.
    if (!env.useRandIsTrue()) {
        out << pass(random, QStringLiteral("HSM_USE_RAND is not true; the gateway uses its own "
                                           "random numbers."));
    } else if (!slot) {
        out << fail(random, QStringLiteral("not checked: no token was selected."));
    } else if (!slot->token->has(CKF_RNG)) {
        out << fail(random, QStringLiteral("HSM_USE_RAND=true, but the token has no random number "
                                           "generator (CKF_RNG is not set)."));
    } else {
        const CK_SLOT_ID id = slot->id;
        Result<int> r = await(client.submit<int>([id](Module &m, RequestContext &) -> Result<int> {
            Result<Session> s = Session::shared(m, id);
            if (!s)
                return s.error();
            unsigned char probe[1024];
            if (Status st = entropy::hsmRandom(s.value(), probe, sizeof probe); !st)
                return st.error();
            return static_cast<int>(sizeof probe);
        }));
        out << (r ? pass(random, QStringLiteral("C_GenerateRandom gave %1 bytes.").arg(r.value()))
                  : fail(random, r.error().toString()));
    }

    out << fileCheck;
    if (file) {
        for (qsizetype i = 0; i < file->fragments().size(); ++i) {
            const CustomerFragment &f = file->fragments().at(i);
            const QString subject = QStringLiteral("fragment %1").arg(f.id());
            const QString name = f.name().isEmpty() ? QStringLiteral("unnamed") : f.name();
            if (const QStringList problems = file->problems(i); !problems.isEmpty()) {
                out << fail(subject,
                            QStringLiteral("%1: %2").arg(name, problems.join(QLatin1Char(' '))));
                continue;
            }
            if (f.type() == FragmentType::Unknown) {
                out << fail(subject,
                            QStringLiteral("%1 has fragment_type '%2', which is none of "
                                           "%3; the gateway cannot use it.")
                                .arg(name, f.typeName(),
                                     CustomerFragment::typeNames().join(QStringLiteral(", "))));
                continue;
            }
            if (f.isHsmType() && !loggedIn) {
                out << fail(subject, QStringLiteral("not checked: no login."));
                continue;
            }
            const std::optional<CK_SLOT_ID> where =
                f.isHsmType() ? std::optional<CK_SLOT_ID>(slot->id) : std::nullopt;
            Result<HsmClient::Derived> d = await(client.deriveFragment(where, f, false));
            if (!d) {
                out << fail(subject, d.error().toString());
                continue;
            }
            QString how;
            switch (f.type()) {
            case FragmentType::Standard:
                how = QStringLiteral("is used as it is");
                break;
            case FragmentType::HsmWrapEncrypt:
                how = QStringLiteral("decrypts in the HSM with KEK '%1' (%2)")
                          .arg(f.keyLabel(), f.wrapAlgorithmName());
                break;
            default:
                how = QStringLiteral("derives with key '%1'").arg(f.keyLabel());
                break;
            }
            out << pass(subject, QStringLiteral("%1 (%2) %3, fingerprint %4.")
                                     .arg(name, f.typeName(), how, d->fingerprint));
        }
    }
    return out;
}

} // namespace hsm
