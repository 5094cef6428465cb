// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/EnvFile.h"

#include "core/files/InputFile.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace hsm {
namespace {

Error lineError(const QString &name, int line, const QString &what) {
    return Error::make(Error::Kind::Input,
                       QCoreApplication::translate("hsm::EnvFile", "%1, line %2: %3")
                           .arg(name)
                           .arg(line)
                           .arg(what));
}

// docker trims what Go's unicode.IsSpace calls space from the start of every line.
QString withoutLeadingSpace(const QString &line) {
    qsizetype i = 0;
    while (i < line.size() && line[i].isSpace())
        ++i;
    return line.mid(i);
}

} // namespace

Result<EnvFile> EnvFile::parse(const QByteArray &content, const QString &name) {
    EnvFile out;
    // Editors on Windows write a byte order mark before the first name.
    const QByteArray text = content.startsWith("\xEF\xBB\xBF") ? content.mid(3) : content;
    // docker splits at LF and drops one CR before it; nothing else ends a line.
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        QByteArray raw = lines[i];
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (const qsizetype cr = raw.indexOf('\r'); cr >= 0) {
            // A file with CR-only line ends is one long line to docker: the next "line"
            // (HSM_PIN=… perhaps) would become part of this value. Refused, naming only the
            // name, so no value ends up in the message.
            const QByteArray before = raw.left(cr);
            const qsizetype eq = before.indexOf('=');
            const QString whose =
                eq > 0 ? QCoreApplication::translate("hsm::EnvFile", "the value of %1")
                             .arg(withoutLeadingSpace(QString::fromUtf8(before.left(eq))))
                       : QCoreApplication::translate("hsm::EnvFile", "this line");
            return lineError(name, number,
                             QCoreApplication::translate(
                                 "hsm::EnvFile",
                                 "a carriage return ends the line alone (old Mac line ends); "
                                 "docker ends lines only at LF or CR LF and would read the next "
                                 "line into %1. Save the file with LF line ends.")
                                 .arg(whose));
        }
        if (!QByteArrayView(raw).isValidUtf8())
            return lineError(name, number,
                             QCoreApplication::translate("hsm::EnvFile",
                                                         "the line is not valid UTF-8, which "
                                                         "docker refuses; save the file as "
                                                         "UTF-8."));
        const QString line = withoutLeadingSpace(QString::fromUtf8(raw));
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? line : line.left(eq);
        if (key.isEmpty())
            return lineError(
                name, number,
                QCoreApplication::translate("hsm::EnvFile", "there is no name before the '='."));
        if (key.contains(QLatin1Char(' ')) || key.contains(QLatin1Char('\t'))) {
            // Without '=' the whole line is the "name": it may hold a value, so it is not shown.
            if (eq < 0)
                return lineError(name, number,
                                 QCoreApplication::translate(
                                     "hsm::EnvFile",
                                     "the line has no '=' and holds whitespace, which docker "
                                     "refuses; write NAME=VALUE."));
            if (key.startsWith(QLatin1String("export ")) ||
                key.startsWith(QLatin1String("export\t")))
                return lineError(name, number,
                                 QCoreApplication::translate(
                                     "hsm::EnvFile",
                                     "docker takes '%1' as the name and refuses it for its "
                                     "whitespace (an env file is not a shell script); write "
                                     "%2=… without 'export'.")
                                     .arg(key, key.mid(7).trimmed()));
            return lineError(name, number,
                             QCoreApplication::translate(
                                 "hsm::EnvFile",
                                 "the name '%1' holds whitespace, which docker refuses; write "
                                 "NAME=VALUE with nothing around the name.")
                                 .arg(key));
        }
        if (const int first = out.m_lines.value(key); first > 0)
            return lineError(name, number,
                             QCoreApplication::translate(
                                 "hsm::EnvFile",
                                 "%1 is set again (first on line %2); docker would silently use "
                                 "the last one, so keep only the one you mean.")
                                 .arg(key)
                                 .arg(first));
        out.m_lines.insert(key, number);
        if (eq < 0)
            out.m_inherited.append(key);
        else
            out.m_entries.append({key, line.mid(eq + 1)});
    }
    return out;
}

Result<EnvFile> EnvFile::load(const QString &path) {
    const Result<QByteArray> content =
        inputFile::read(path, kMaxFileSize, QStringLiteral("an env file"));
    if (!content)
        return content.error();
    return parse(content.value(), path);
}

int EnvFile::line(const QString &key) const {
    return m_lines.value(key, 0);
}

bool EnvFile::contains(const QString &key) const {
    for (const auto &e : m_entries) {
        if (e.first == key)
            return true;
    }
    return false;
}

QString EnvFile::value(const QString &key) const {
    for (const auto &e : m_entries) {
        if (e.first == key)
            return e.second;
    }
    return QString();
}

std::optional<QString> EnvFile::valueForContainer(const QString &key) const {
    if (contains(key))
        return value(key);
    if (m_inherited.contains(key) && qEnvironmentVariableIsSet(key.toLocal8Bit().constData()))
        return qEnvironmentVariable(key.toLocal8Bit().constData());
    return std::nullopt;
}

} // namespace hsm
