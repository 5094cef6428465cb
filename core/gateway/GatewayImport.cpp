// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/GatewayImport.h"

#include "core/gateway/EnvFile.h"
#include "core/gateway/ShellWords.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace hsm {
namespace {

Error configError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

// Where the selection keeps the identifier the gateway reads for `mode`.
TokenSelection::Identifier TokenSelection::*identifierFor(GatewayTokenMode mode) {
    switch (mode) {
    case GatewayTokenMode::Slot:
        return &TokenSelection::slot;
    case GatewayTokenMode::Label:
        return &TokenSelection::label;
    case GatewayTokenMode::Serial:
        break;
    }
    return &TokenSelection::serial;
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

QStringList GatewayImport::tokenAssignments() const {
    QStringList assignments;
    for (GatewayTokenMode mode : m_tokenOrder) {
        const TokenSelection::Identifier &id = token.*identifierFor(mode);
        assignments << id.source + QLatin1Char('=') + id.value;
    }
    return assignments;
}

Status GatewayImport::takeVariable(const QString &key, const QString &value,
                                   const QString &asWritten, const QString &where) {
    static const QStringList needValue{
        QStringLiteral("PKCS11_LIB_PATH"),   QStringLiteral("HSM_SLOT"),
        QStringLiteral("HSM_TOKEN_LABEL"),   QStringLiteral("HSM_TOKEN_SERIAL"),
        QStringLiteral("HSM_USE_RAND"),      QStringLiteral("ADMIN_ACCESS_ID"),
        QStringLiteral("CUSTOMER_FRAGMENTS")};
    if (needValue.contains(key) && value.trimmed().isEmpty())
        return configError(
            QStringLiteral("%1: %2 is empty; give it a value or remove it.").arg(where, key));
    GatewayConfig &c = config;
    if (key == QLatin1String("PKCS11_LIB_PATH")) {
        c.libraryPath = value;
    } else if (key == QLatin1String("HSM_USE_RAND")) {
        useRandSet = true;
        c.useRand = value.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    } else if (key == QLatin1String("ADMIN_ACCESS_ID")) {
        c.accessId = value;
    } else if (key == QLatin1String("HSM_PIN")) {
        unused << QStringLiteral(
            "HSM_PIN (a PIN is never imported; the exports use a placeholder)");
    } else if (key == QLatin1String("CUSTOMER_FRAGMENTS")) {
        c.fragmentsInline = true;
        c.fragmentsJson = value;
    } else if (key == QLatin1String("HSM_SLOT") || key == QLatin1String("HSM_TOKEN_LABEL") ||
               key == QLatin1String("HSM_TOKEN_SERIAL")) {
        const GatewayTokenMode mode = key == QLatin1String("HSM_SLOT") ? GatewayTokenMode::Slot
                                      : key == QLatin1String("HSM_TOKEN_LABEL")
                                          ? GatewayTokenMode::Label
                                          : GatewayTokenMode::Serial;
        token.*identifierFor(mode) = TokenSelection::Identifier{value, key};
        m_tokenOrder << mode;
        // The most stable identifier wins: serial, then label, then slot.
        auto rank = [](GatewayTokenMode m) {
            return m == GatewayTokenMode::Serial ? 3 : m == GatewayTokenMode::Label ? 2 : 1;
        };
        if (c.tokenValue.isEmpty() || rank(mode) > rank(c.tokenMode)) {
            c.tokenMode = mode;
            c.tokenValue = value;
        }
    } else {
        unused << asWritten;
    }
    return Done{};
}

Result<GatewayImport> GatewayImport::fromDockerRun(const QString &command) {
    QList<int> lines;
    Result<QStringList> words = shellWords::split(command, &lines);
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
            else if (Status s = import.takeVariable(key, value.mid(at + 1), asWritten, where(i));
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
    // The mount that holds the library is kept as it was read (host and container folder),
    // not listed as unused; the exports write it again.
    const QString library = QDir::cleanPath(import.config.libraryPath);
    import.unused.removeIf([&library, &import](const QString &u) {
        if (import.config.libraryPath.isEmpty() || !import.config.mountRoot.isEmpty() ||
            (!u.startsWith(QLatin1String("-v ")) && !u.startsWith(QLatin1String("--volume "))))
            return false;
    const QStringList parts = u.section(QLatin1Char(' '), 1).split(QLatin1Char(':'));
    if (parts.size() < 2 || !QDir::isAbsolutePath(parts[0]) || !QDir::isAbsolutePath(parts[1]))
        return false;
    const QString target = QDir::cleanPath(parts[1]);
    if (!library.startsWith(target + QLatin1Char('/')))
        return false;
    import.config.mountRoot = target;
    if (QDir::cleanPath(parts[0]) != target)
        import.config.mountHostFolder = QDir::cleanPath(parts[0]);
    return true;
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
        if (Status s = import.takeVariable(
                key, value,
                key + QLatin1Char('=') +
                    (key == QLatin1String("HSM_PIN") ? QStringLiteral("…") : value),
                where);
            !s)
            return s.error();
    }
    // As with `-e KEY`: docker passes the caller's value on, which is not in the file.
    for (const QString &key : file->inherited())
        import.unused << key + QStringLiteral(" (taken from the host's environment)");
    return import;
}

} // namespace hsm
