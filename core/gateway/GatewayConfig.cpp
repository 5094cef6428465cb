#include "core/gateway/GatewayConfig.h"

#include "core/gateway/EnvFile.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace hsm {
namespace {

Error configError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

// A YAML double-quoted scalar: JSON's string escaping is valid YAML, and a quoted scalar
// stays a string whatever it holds (colons, quotes, leading spaces, "true", "0x10").
QString yamlString(const QString &value) {
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// Compose interpolates $VAR in values; $$ is a literal dollar.
QString composeString(const QString &value) {
    return yamlString(QString(value).replace(QLatin1Char('$'), QStringLiteral("$$")));
}

QString boolText(bool value) {
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

const QString kPinSecret = QStringLiteral("gateway-hsm-pin");
const QString kFragmentsSecret = QStringLiteral("gateway-customer-fragments");

} // namespace

const QList<int> &GatewayConfig::gatewayPorts() {
    static const QList<int> ports{8000, 8200, 18888, 8080, 8081, 5696};
    return ports;
}

QString GatewayConfig::formatName(Format format) {
    switch (format) {
    case Format::Docker:
        return QStringLiteral("docker");
    case Format::Env:
        return QStringLiteral("env");
    case Format::Compose:
        return QStringLiteral("compose");
    case Format::Kubernetes:
        return QStringLiteral("k8s");
    case Format::Helm:
        break;
    }
    return QStringLiteral("helm");
}

bool GatewayConfig::parseFormat(const QString &name, Format *format) {
    for (Format f :
         {Format::Docker, Format::Env, Format::Compose, Format::Kubernetes, Format::Helm}) {
        if (formatName(f) == name) {
            *format = f;
            return true;
        }
    }
    return false;
}

QString GatewayConfig::tokenVariable() const {
    switch (tokenMode) {
    case GatewayTokenMode::Slot:
        return QStringLiteral("HSM_SLOT");
    case GatewayTokenMode::Label:
        return QStringLiteral("HSM_TOKEN_LABEL");
    case GatewayTokenMode::Serial:
        break;
    }
    return QStringLiteral("HSM_TOKEN_SERIAL");
}

Status GatewayConfig::validate() const {
    if (libraryPath.isEmpty())
        return configError(
            QStringLiteral("The PKCS#11 library path (PKCS11_LIB_PATH) is missing."));
    if (!QDir::isAbsolutePath(libraryPath))
        return configError(QStringLiteral("PKCS11_LIB_PATH must be an absolute path inside the "
                                          "container, not '%1'.")
                               .arg(libraryPath));
    if (tokenValue.isEmpty())
        return configError(QStringLiteral("No token identifier: set exactly one of HSM_SLOT, "
                                          "HSM_TOKEN_LABEL or HSM_TOKEN_SERIAL."));
    if (tokenMode == GatewayTokenMode::Slot) {
        bool ok = false;
        tokenValue.toULong(&ok);
        if (!ok)
            return configError(
                QStringLiteral("HSM_SLOT must be a number, not '%1'.").arg(tokenValue));
    }
    for (const QString *v : {&libraryPath, &tokenValue, &fragmentsPath, &accessId, &pin}) {
        if (v->contains(QLatin1Char('\n')) || v->contains(QLatin1Char('\r')))
            return configError(QStringLiteral("Gateway settings cannot contain line breaks."));
    }
    if (!fragmentsPath.isEmpty() && !QDir::isAbsolutePath(fragmentsPath))
        return configError(QStringLiteral("The fragments file must be given as an absolute path, "
                                          "not '%1'.")
                               .arg(fragmentsPath));
    return Done{};
}

Result<QString> GatewayConfig::render(Format format) const {
    if (Status s = validate(); !s)
        return s.error();
    const QString pinValue = includePin ? pin : QLatin1String(kPinPlaceholder);
    const QString libraryFolder = QFileInfo(libraryPath).absolutePath();
    const QString useRandText = boolText(useRand);
    QString out;

    switch (format) {
    case Format::Docker: {
        auto env = [](const QString &key, const QString &value) {
            return QStringLiteral("  -e %1 \\\n").arg(shellQuote(key + QLatin1Char('=') + value));
        };
        out += QStringLiteral("docker run -d");
        for (int port : gatewayPorts())
            out += QStringLiteral(" -p %1:%1").arg(port);
        out += QStringLiteral(" \\\n");
        out += env(QStringLiteral("ADMIN_ACCESS_ID"), accessId);
        out += env(QStringLiteral("HSM_PIN"), pinValue);
        out += env(tokenVariable(), tokenValue);
        out += env(QStringLiteral("HSM_USE_RAND"), useRandText);
        out += env(QStringLiteral("PKCS11_LIB_PATH"), libraryPath);
        // The whole folder: vendors keep their configuration beside the library.
        out += QStringLiteral("  -v %1 \\\n")
                   .arg(shellQuote(libraryFolder + QLatin1Char(':') + libraryFolder));
        if (!fragmentsPath.isEmpty())
            out += QStringLiteral("  -v %1 \\\n")
                       .arg(shellQuote(fragmentsPath + QLatin1Char(':') +
                                       QLatin1String(kFragmentsMount)));
        out += QStringLiteral("  --name akeyless-gw akeyless/base:latest-akeyless\n");
        return out;
    }
    case Format::Env: {
        // docker run --env-file takes every value literally: no quotes, no escapes.
        out +=
            QStringLiteral("# Gateway settings for docker run --env-file, written by HSM Admin.\n");
        out += QStringLiteral("ADMIN_ACCESS_ID=%1\n").arg(accessId);
        out += QStringLiteral("HSM_PIN=%1\n").arg(pinValue);
        out += QStringLiteral("%1=%2\n").arg(tokenVariable(), tokenValue);
        out += QStringLiteral("HSM_USE_RAND=%1\n").arg(useRandText);
        out += QStringLiteral("PKCS11_LIB_PATH=%1\n").arg(libraryPath);
        if (fragmentsInline) {
            const QJsonDocument doc = QJsonDocument::fromJson(fragmentsJson.toUtf8());
            if (doc.isNull())
                return configError(QStringLiteral("The fragments file is not valid JSON."));
            out += QStringLiteral("CUSTOMER_FRAGMENTS=%1\n")
                       .arg(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
        }
        return out;
    }
    case Format::Compose: {
        out += QStringLiteral("# docker-compose.yml for the gateway, written by HSM Admin.\n"
                              "services:\n"
                              "  akeyless-gw:\n"
                              "    image: \"akeyless/base:latest-akeyless\"\n"
                              "    container_name: \"akeyless-gw\"\n"
                              "    ports:\n");
        for (int port : gatewayPorts())
            out += QStringLiteral("      - \"%1:%1\"\n").arg(port);
        out += QStringLiteral("    environment:\n");
        auto env = [&out](const QString &key, const QString &value) {
            out += QStringLiteral("      %1: %2\n").arg(key, composeString(value));
        };
        env(QStringLiteral("ADMIN_ACCESS_ID"), accessId);
        env(QStringLiteral("HSM_PIN"), pinValue);
        env(tokenVariable(), tokenValue);
        env(QStringLiteral("HSM_USE_RAND"), useRandText);
        env(QStringLiteral("PKCS11_LIB_PATH"), libraryPath);
        out += QStringLiteral("    volumes:\n");
        out += QStringLiteral("      - %1\n")
                   .arg(composeString(libraryFolder + QLatin1Char(':') + libraryFolder));
        if (!fragmentsPath.isEmpty())
            out += QStringLiteral("      - %1\n")
                       .arg(composeString(fragmentsPath + QLatin1Char(':') +
                                          QLatin1String(kFragmentsMount)));
        return out;
    }
    case Format::Kubernetes: {
        out += QStringLiteral("# The customer fragments, as the secret the gateway chart reads:\n");
        out +=
            QStringLiteral("kubectl create secret generic %1 --from-file=%2\n")
                .arg(kFragmentsSecret, shellQuote(QStringLiteral("customer-fragments=") +
                                                  (fragmentsPath.isEmpty()
                                                       ? QStringLiteral("./customer_fragments.json")
                                                       : fragmentsPath)));
        out += QStringLiteral("# The HSM PIN under the key \"pin\":\n");
        if (includePin)
            out += QStringLiteral("kubectl create secret generic %1 --from-literal=%2\n")
                       .arg(kPinSecret, shellQuote(QStringLiteral("pin=") + pin));
        else
            out += QStringLiteral("# write the PIN to ./hsm-pin (no trailing newline) first\n"
                                  "kubectl create secret generic %1 --from-file=pin=./hsm-pin\n")
                       .arg(kPinSecret);
        out += QStringLiteral("# Then install the chart with the values from the helm format:\n"
                              "# helm install akeyless-gw <gateway chart> -f values.yaml\n");
        return out;
    }
    case Format::Helm: {
        out += QStringLiteral("# values.yaml for the gateway chart, written by HSM Admin.\n"
                              "# Create the secrets first (see the k8s format).\n");
        out += QStringLiteral("globalConfig:\n  customerFragmentsExistingSecret: %1\n")
                   .arg(yamlString(kFragmentsSecret));
        out += QStringLiteral("hsm:\n");
        out += QStringLiteral("  pkcs11LibPath: %1\n").arg(yamlString(libraryPath));
        out += QStringLiteral("  pinExistingSecret: %1\n").arg(yamlString(kPinSecret));
        switch (tokenMode) {
        case GatewayTokenMode::Slot:
            out += QStringLiteral("  slot: %1\n").arg(tokenValue.toULong());
            break;
        case GatewayTokenMode::Label:
            out += QStringLiteral("  tokenLabel: %1\n").arg(yamlString(tokenValue));
            break;
        case GatewayTokenMode::Serial:
            out += QStringLiteral("  tokenSerial: %1\n").arg(yamlString(tokenValue));
            break;
        }
        out += QStringLiteral("  useRand: %1\n").arg(useRandText);
        return out;
    }
    }
    return out;
}

bool GatewayConfig::operator==(const GatewayConfig &o) const {
    return libraryPath == o.libraryPath && tokenMode == o.tokenMode && tokenValue == o.tokenValue &&
           useRand == o.useRand && fragmentsPath == o.fragmentsPath && accessId == o.accessId;
}

QString shellQuote(const QString &value) {
    // \z, not $: $ also matches before a final newline, which would go out unquoted and
    // end the command there.
    static const QRegularExpression plain(QStringLiteral("\\A[A-Za-z0-9_@%+=:,./-]+\\z"));
    if (plain.match(value).hasMatch())
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    // splitShellWords reads CR LF as LF; an empty '' between them keeps both, in any shell.
    quoted.replace(QStringLiteral("\r\n"), QStringLiteral("\r''\n"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

Result<QStringList> splitShellWords(const QString &text, QList<int> *lines) {
    // CRLF line ends read exactly as LF, inside quotes too.
    QString command = text;
    command.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QStringList words;
    QString word;
    bool inWord = false;
    int wordLine = 1; // where the current word began
    // The line of the character at `pos`; positions only ever move forward.
    int line = 1;
    qsizetype counted = 0;
    auto lineAt = [&](qsizetype pos) {
        for (; counted < pos; ++counted) {
            if (command[counted] == QLatin1Char('\n'))
                ++line;
        }
        return line;
    };
    const qsizetype n = command.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = command[i];
        if (!inWord)
            wordLine = lineAt(i);
        if (c == QLatin1Char('\\')) {
            if (i + 1 < n && command[i + 1] == QLatin1Char('\r') && i + 2 < n &&
                command[i + 2] == QLatin1Char('\n')) {
                i += 2; // continuation with CRLF
                continue;
            }
            if (i + 1 < n && command[i + 1] == QLatin1Char('\n')) {
                ++i; // continuation
                continue;
            }
            if (i + 1 < n) {
                word += command[++i];
                inWord = true;
            }
            continue;
        }
        if (c == QLatin1Char('\'')) {
            const qsizetype end = command.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return configError(
                    QStringLiteral("The single quote opened on line %1 is never closed.")
                        .arg(lineAt(i)));
            word += command.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
            continue;
        }
        if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            bool closed = false;
            for (; j < n; ++j) {
                const QChar d = command[j];
                if (d == QLatin1Char('"')) {
                    closed = true;
                    break;
                }
                if (d == QLatin1Char('\\') && j + 1 < n) {
                    const QChar e = command[j + 1];
                    if (e == QLatin1Char('\n')) {
                        ++j;
                        continue;
                    }
                    if (e == QLatin1Char('$') || e == QLatin1Char('`') || e == QLatin1Char('"') ||
                        e == QLatin1Char('\\')) {
                        word += e;
                        ++j;
                        continue;
                    }
                }
                word += d;
            }
            if (!closed)
                return configError(
                    QStringLiteral("The double quote opened on line %1 is never closed.")
                        .arg(lineAt(i)));
            inWord = true;
            i = j;
            continue;
        }
        if (c == QLatin1Char('#') && !inWord) {
            const qsizetype end = command.indexOf(QLatin1Char('\n'), i);
            i = end < 0 ? n : end;
            continue;
        }
        if (c.isSpace()) {
            if (inWord) {
                words << word;
                if (lines)
                    lines->append(wordLine);
            }
            word.clear();
            inWord = false;
            continue;
        }
        word += c;
        inWord = true;
    }
    if (inWord) {
        words << word;
        if (lines)
            lines->append(wordLine);
    }
    return words;
}

namespace {

// Takes the gateway's variables from KEY=VALUE pairs into `import`; lists the rest.
// `where` ("gw.env, line 3") starts the refusal of a gateway variable left empty, which
// the gateway would read as unset.
Status takeVariable(GatewayImport &import, const QString &key, const QString &value,
                    const QString &asWritten, const QString &where) {
    static const QStringList needValue{
        QStringLiteral("PKCS11_LIB_PATH"),   QStringLiteral("HSM_SLOT"),
        QStringLiteral("HSM_TOKEN_LABEL"),   QStringLiteral("HSM_TOKEN_SERIAL"),
        QStringLiteral("HSM_USE_RAND"),      QStringLiteral("ADMIN_ACCESS_ID"),
        QStringLiteral("CUSTOMER_FRAGMENTS")};
    if (needValue.contains(key) && value.trimmed().isEmpty())
        return configError(
            QStringLiteral("%1: %2 is empty; give it a value or remove it.").arg(where, key));
    GatewayConfig &c = import.config;
    if (key == QLatin1String("PKCS11_LIB_PATH")) {
        c.libraryPath = value;
    } else if (key == QLatin1String("HSM_USE_RAND")) {
        import.useRandSet = true;
        c.useRand = value.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    } else if (key == QLatin1String("ADMIN_ACCESS_ID")) {
        c.accessId = value;
    } else if (key == QLatin1String("HSM_PIN")) {
        import.unused << QStringLiteral(
            "HSM_PIN (a PIN is never imported; the exports use a placeholder)");
    } else if (key == QLatin1String("CUSTOMER_FRAGMENTS")) {
        c.fragmentsInline = true;
        c.fragmentsJson = value;
    } else if (key == QLatin1String("HSM_SLOT") || key == QLatin1String("HSM_TOKEN_LABEL") ||
               key == QLatin1String("HSM_TOKEN_SERIAL")) {
        import.tokenIdentifiers << key + QLatin1Char('=') + value;
        // The most stable identifier wins: serial, then label, then slot.
        const GatewayTokenMode mode = key == QLatin1String("HSM_SLOT") ? GatewayTokenMode::Slot
                                      : key == QLatin1String("HSM_TOKEN_LABEL")
                                          ? GatewayTokenMode::Label
                                          : GatewayTokenMode::Serial;
        auto rank = [](GatewayTokenMode m) {
            return m == GatewayTokenMode::Serial ? 3 : m == GatewayTokenMode::Label ? 2 : 1;
        };
        if (c.tokenValue.isEmpty() || rank(mode) > rank(c.tokenMode)) {
            c.tokenMode = mode;
            c.tokenValue = value;
        }
    } else {
        import.unused << asWritten;
    }
    return Done{};
}

Error setAgain(const QString &where, const QString &key, int firstLine) {
    return configError(QStringLiteral("%1: %2 is set again (first on line %3); docker would "
                                      "silently use the last one, so keep only the one you mean.")
                           .arg(where, key)
                           .arg(firstLine));
}

GatewayImport emptyImport() {
    GatewayImport import;
    import.config.tokenValue.clear();
    import.config.accessId = QStringLiteral("<access id>");
    import.config.useRand = false;
    return import;
}

} // namespace

Result<GatewayImport> GatewayImport::fromDockerRun(const QString &command) {
    QList<int> lines;
    Result<QStringList> words = splitShellWords(command, &lines);
    if (!words)
        return words.error();
    QStringList w = words.value();
    if (!w.isEmpty() && w.first() == QLatin1String("sudo")) {
        w.removeFirst();
        lines.removeFirst();
    }
    QHash<QString, int> firstLine; // of each -e KEY
    auto where = [&lines](qsizetype word) {
        return QStringLiteral("docker run command, line %1").arg(lines.value(word));
    };
    if (w.size() < 2 || QFileInfo(w[0]).fileName() != QLatin1String("docker") ||
        (w[1] != QLatin1String("run") &&
         !(w[1] == QLatin1String("container") && w.size() > 2 && w[2] == QLatin1String("run"))))
        return configError(QStringLiteral("This is not a 'docker run' command."));
    GatewayImport import = emptyImport();
    qsizetype i = w[1] == QLatin1String("run") ? 2 : 3;
    // Options that take a value; anything else starting with '-' is a flag.
    static const QStringList withValue{
        QStringLiteral("-e"),           QStringLiteral("--env"),      QStringLiteral("-v"),
        QStringLiteral("--volume"),     QStringLiteral("-p"),         QStringLiteral("--publish"),
        QStringLiteral("--name"),       QStringLiteral("--env-file"), QStringLiteral("--network"),
        QStringLiteral("--net"),        QStringLiteral("--restart"),  QStringLiteral("-u"),
        QStringLiteral("--user"),       QStringLiteral("-w"),         QStringLiteral("--workdir"),
        QStringLiteral("--mount"),      QStringLiteral("-l"),         QStringLiteral("--label"),
        QStringLiteral("--entrypoint"), QStringLiteral("-h"),         QStringLiteral("--hostname"),
        QStringLiteral("-m"),           QStringLiteral("--memory"),   QStringLiteral("--cpus"),
        QStringLiteral("--log-driver"), QStringLiteral("--log-opt"),  QStringLiteral("--add-host")};
    for (; i < w.size(); ++i) {
        QString option = w[i];
        if (!option.startsWith(QLatin1Char('-')))
            break; // the image
        QString value;
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        if (option.startsWith(QLatin1String("--")) && eq > 0) {
            value = option.mid(eq + 1);
            option = option.left(eq);
        } else if (withValue.contains(option)) {
            if (i + 1 >= w.size())
                return configError(
                    QStringLiteral("%1 at the end of the command has no value.").arg(option));
            value = w[++i];
        } else if (option.size() > 2 && !option.startsWith(QLatin1String("--")) &&
                   withValue.contains(option.left(2))) {
            value = option.mid(2); // -eKEY=VALUE
            option = option.left(2);
        } else {
            if (option != QLatin1String("-d") && option != QLatin1String("--detach"))
                import.unused << option;
            continue;
        }
        const QString asWritten = option + QLatin1Char(' ') + value;
        if (option == QLatin1String("-e") || option == QLatin1String("--env")) {
            const qsizetype at = value.indexOf(QLatin1Char('='));
            const QString key = at < 0 ? value : value.left(at);
            if (firstLine.contains(key))
                return setAgain(where(i), key, firstLine.value(key));
            firstLine.insert(key, lines.value(i));
            if (at < 0)
                import.unused << asWritten + QStringLiteral(" (taken from the host's environment)");
            else if (Status s = takeVariable(import, key, value.mid(at + 1), asWritten, where(i));
                     !s)
                return s.error();
        } else if (option == QLatin1String("-v") || option == QLatin1String("--volume")) {
            const QStringList parts = value.split(QLatin1Char(':'));
            const bool fragmentsMount =
                parts.size() >= 2 && parts[1] == QLatin1String(GatewayConfig::kFragmentsMount);
            if (fragmentsMount && !parts[0].contains(QLatin1Char('$')))
                import.config.fragmentsPath = parts[0];
            else if (fragmentsMount)
                import.unused << asWritten + QStringLiteral(" (the path uses a shell variable; "
                                                            "give the real path)");
            else
                import.unused << asWritten;
        } else if (option == QLatin1String("-p") || option == QLatin1String("--publish") ||
                   option == QLatin1String("--name")) {
            // The exports always publish the gateway's ports and name the container.
            import.unused << asWritten;
        } else {
            import.unused << asWritten;
        }
    }
    if (i < w.size()) {
        const QString image = w[i];
        if (!image.contains(QLatin1String("akeyless")))
            import.unused << QStringLiteral("image %1 (not the gateway's?)").arg(image);
        for (++i; i < w.size(); ++i)
            import.unused << w[i];
    }
    // The library folder mount is implied by PKCS11_LIB_PATH; drop it from the unused list.
    const QString folder = QFileInfo(import.config.libraryPath).absolutePath();
    import.unused.removeIf([&folder, &import](const QString &u) {
        if (!u.startsWith(QLatin1String("-v ")) && !u.startsWith(QLatin1String("--volume ")))
            return false;
    const QStringList parts = u.section(QLatin1Char(' '), 1).split(QLatin1Char(':'));
    return parts.size() >= 2 && parts[0] == parts[1] && !import.config.libraryPath.isEmpty() &&
           (folder == parts[0] || folder.startsWith(parts[0] + QLatin1Char('/')));
});
return import;
} // namespace hsm

Result<GatewayImport> GatewayImport::fromEnvFile(const QByteArray &content, const QString &name) {
    Result<EnvFile> file = EnvFile::parse(content, name);
    if (!file)
        return file.error();
    GatewayImport import = emptyImport();
    for (const auto &[key, value] : file->entries()) {
        const QString where = QStringLiteral("%1, line %2").arg(name).arg(file->line(key));
        if (Status s =
                takeVariable(import, key, value,
                             key + QLatin1Char('=') +
                                 (key == QLatin1String("HSM_PIN") ? QStringLiteral("…") : value),
                             where);
            !s)
            return s.error();
    }
    return import;
}

} // namespace hsm
