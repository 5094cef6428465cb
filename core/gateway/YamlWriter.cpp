// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/YamlWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace hsm {

QString YamlWriter::quoted(const QString &value) {
    // JSON's string escaping is a subset of YAML's double-quoted style.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString YamlWriter::key(const QString &name) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return plain.match(name).hasMatch() ? name : quoted(name);
}

void YamlWriter::line(const QString &content) {
    const int indent = 2 * m_depth;
    if (m_itemStart) {
        m_text += QString(indent - 2, QLatin1Char(' ')) + QStringLiteral("- ") + content +
                  QLatin1Char('\n');
        m_itemStart = false;
        return;
    }
    m_text += QString(indent, QLatin1Char(' ')) + content + QLatin1Char('\n');
}

void YamlWriter::comment(const QString &text) {
    // A comment cannot open a sequence item: it goes on its own line before it.
    const bool itemStart = m_itemStart;
    m_itemStart = false;
    const int indent = 2 * (itemStart ? m_depth - 1 : m_depth);
    for (const QString &l : text.split(QLatin1Char('\n')))
        m_text += QString(indent, QLatin1Char(' ')) + QStringLiteral("# ") + l + QLatin1Char('\n');
    m_itemStart = itemStart;
}

void YamlWriter::beginMap(const QString &name) {
    line(key(name) + QLatin1Char(':'));
    m_open << m_depth;
    ++m_depth;
}

void YamlWriter::beginSequence(const QString &name) {
    beginMap(name);
}

void YamlWriter::beginItemMap() {
    m_open << m_depth;
    ++m_depth;
    m_itemStart = true;
}

void YamlWriter::end() {
    m_itemStart = false;
    if (!m_open.isEmpty())
        m_depth = m_open.takeLast();
}

void YamlWriter::string(const QString &name, const QString &value) {
    line(key(name) + QStringLiteral(": ") + quoted(value));
}

void YamlWriter::boolean(const QString &name, bool value) {
    line(key(name) + (value ? QStringLiteral(": true") : QStringLiteral(": false")));
}

void YamlWriter::item(const QString &value) {
    line(QStringLiteral("- ") + quoted(value));
}

} // namespace hsm
