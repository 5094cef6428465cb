#include "Command.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> globalOptions() {
    return {
        QCommandLineOption(QStringLiteral("module"),
                           QStringLiteral("PKCS#11 library to use (default: PKCS11_LIB_PATH, "
                                          "else the built-in demo HSM)."),
                           QStringLiteral("path")),
        QCommandLineOption(QStringLiteral("slot"),
                           QStringLiteral("Slot id of the token (default: HSM_SLOT)."),
                           QStringLiteral("id")),
        QCommandLineOption(QStringLiteral("format"),
                           QStringLiteral("Output format: text or json (default: text)."),
                           QStringLiteral("format"), QStringLiteral("text")),
    };
}

CommandContext::CommandContext(const QCommandLineParser &globals, const QCommandLineParser &own,
                               HsmClient &client, QTextStream &out, QTextStream &err)
    : m_globals(globals)
    , m_own(own)
    , m_client(client)
    , m_out(out)
    , m_err(err) {
    if (value(QStringLiteral("format")) == QLatin1String("json"))
        m_format = OutputFormat::Json;
}

bool CommandContext::isSet(const QString &name) const {
    return m_own.isSet(name) || m_globals.isSet(name);
}

QString CommandContext::value(const QString &name) const {
    if (m_own.isSet(name))
        return m_own.value(name);
    if (m_globals.isSet(name))
        return m_globals.value(name);
    return m_own.value(name); // the default, if any
}

int CommandContext::fail(const QString &message) {
    m_err << "error: " << message << Qt::endl;
    return 1;
}

int CommandContext::usage(const QString &message) {
    m_err << "error: " << message << Qt::endl;
    return 2;
}

void CommandContext::printJson(const QJsonValue &value) {
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Indented);
    m_out.flush();
}

std::optional<CK_SLOT_ID> CommandContext::selectedSlot(QString &error) {
    QString text = value(QStringLiteral("slot"));
    if (text.isEmpty())
        text = qEnvironmentVariable("HSM_SLOT");
    if (!text.isEmpty()) {
        bool ok = false;
        const CK_SLOT_ID id = text.trimmed().toULong(&ok, 0);
        if (!ok) {
            error = QStringLiteral("'%1' is not a slot id; give the number that 'slots' shows.")
                        .arg(text);
            return std::nullopt;
        }
        return id;
    }
    Result<QList<SlotInfo>> slots = await(m_client.slotList());
    if (!slots) {
        error = slots.error().toString();
        return std::nullopt;
    }
    QList<const SlotInfo *> withToken;
    for (const SlotInfo &s : slots.value()) {
        if (s.token && s.token->has(CKF_TOKEN_INITIALIZED))
            withToken.append(&s);
    }
    if (withToken.size() == 1)
        return withToken.first()->id;
    if (withToken.isEmpty()) {
        error = QStringLiteral("No slot holds an initialized token.");
        return std::nullopt;
    }
    QStringList names;
    for (const SlotInfo *s : withToken)
        names << QStringLiteral("%1 (%2)").arg(s->id).arg(s->token->displayName());
    error = QStringLiteral("Several tokens are present; choose one with --slot: %1.")
                .arg(names.join(QStringLiteral(", ")));
    return std::nullopt;
}

} // namespace hsm::cli
