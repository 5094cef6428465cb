// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace hsm {

// Block-style YAML for the deployment files: nested maps, sequences, comments. Every
// string is written double-quoted with JSON's escaping (valid YAML), so a value stays a
// string whatever it holds ("0", "true", "a: b", "# x"); keys that are not plain words
// are quoted the same way. Callers describe structure, never spell out indentation.
class YamlWriter {
public:
    // "# text" at the current depth, one comment line per line of text.
    void comment(const QString &text);
    // `key:` with a nested map or sequence below it, until end().
    void beginMap(const QString &key);
    void beginSequence(const QString &key);
    // A map as the next item of the current sequence ("- key: value"), until end().
    void beginItemMap();
    void end();

    void string(const QString &key, const QString &value);
    void boolean(const QString &key, bool value);
    // A string item of the current sequence.
    void item(const QString &value);

    QString text() const { return m_text; }

    // `value` as a double-quoted YAML scalar.
    static QString quoted(const QString &value);

private:
    void line(const QString &content);
    static QString key(const QString &name);

    QString m_text;
    int m_depth = 0;
    QList<int> m_open;        // the depth each begin…() opened, for end()
    bool m_itemStart = false; // the next line starts a sequence item with "- "
};

} // namespace hsm
