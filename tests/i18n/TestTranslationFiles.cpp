// SPDX-License-Identifier: Apache-2.0
// The committed translations (translations/hsm-admin_<lang>.ts): every message translated,
// with the same placeholders and accelerators as its source, and the files up to date with
// the sources: lupdate run on core/, ui/ and app/ finds no text the files lack.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // of the <translation>: unfinished, vanished, obsolete or empty
    QStringList translations; // one, or one per numerus form
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString &path) {
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ts.messages << message;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{};
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            message.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// %1 … %99 and %n (also %L1, %Ln), as a sorted list: each must appear as often.
QStringList placeholders(const QString &text) {
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << QLatin1Char('%') + it.next().captured(1);
    found.sort();
    return found;
}

// Accelerator marks: a single '&' (a doubled one is a literal ampersand).
int accelerators(const QString &text) {
    QString t = text;
    t.remove(QStringLiteral("&&"));
    return int(t.count(QLatin1Char('&')));
}

QString describe(const Message &m) {
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
}

QStringList tsFiles() {
    const QDir dir(QStringLiteral(HSM_TRANSLATIONS_DIR));
    QStringList files;
    for (const QString &name :
         dir.entryList({QStringLiteral("hsm-admin_*.ts")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

} // namespace

class TestTranslationFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void germanIsThere();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void filesAreCurrent_data();
    void filesAreCurrent();
};

void TestTranslationFiles::germanIsThere() {
    QVERIFY(tsFiles().contains(QStringLiteral(HSM_TRANSLATIONS_DIR "/hsm-admin_de.ts")));
}

void TestTranslationFiles::everyMessageIsTranslated_data() {
    QTest::addColumn<QString>("path");
    for (const QString &path : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslationFiles::everyMessageIsTranslated() {
    QFETCH(QString, path);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.language.isEmpty());
    QVERIFY(!ts.messages.isEmpty());
    QStringList problems;
    for (const Message &m : ts.messages) {
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(describe(m), m.type);
            continue;
        }
        if (m.translations.isEmpty())
            problems << QStringLiteral("%1 has no translation").arg(describe(m));
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems << QStringLiteral("%1 has an empty translation").arg(describe(m));
                continue;
            }
            QStringList expected = placeholders(m.source);
            QStringList got = placeholders(t);
            // A plural form may leave the number out ("ein Aufruf"), never add another.
            if (m.numerus && !got.contains(QStringLiteral("%n")))
                expected.removeAll(QStringLiteral("%n"));
            if (expected != got)
                problems << QStringLiteral("%1: placeholders %2 in \"%3\", %4 in the source")
                                .arg(describe(m), got.join(QLatin1Char(' ')), t,
                                     expected.join(QLatin1Char(' ')));
            if (accelerators(m.source) != accelerators(t))
                problems << QStringLiteral("%1: %2 accelerator marks in \"%3\", %4 in the source")
                                .arg(describe(m))
                                .arg(accelerators(t))
                                .arg(t)
                                .arg(accelerators(m.source));
        }
    }
    // One line each (QVERIFY2 would cut a long list short).
    for (const QString &p : problems)
        qWarning().noquote() << p;
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2, listed above")
                                                .arg(problems.size())
                                                .arg(QFileInfo(path).fileName())));
}

void TestTranslationFiles::filesAreCurrent_data() {
    everyMessageIsTranslated_data();
}

// What lupdate finds in the sources today must all be in the committed file; a new text
// without a translation fails here until "cmake --build <dir> --target translations" and a
// translator have been at it.
void TestTranslationFiles::filesAreCurrent() {
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    const QDir sources(QStringLiteral(HSM_SOURCE_DIR));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(HSM_LUPDATE),
                  {sources.filePath(QStringLiteral("core")), sources.filePath(QStringLiteral("ui")),
                   sources.filePath(QStringLiteral("app")), QStringLiteral("-I"), sources.path(),
                   QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    const QString log = QString::fromUtf8(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             qPrintable(log));

    const TsFile found = readTs(fresh);
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    // Sanity: the scan saw the CLI and the widgets.
    QVERIFY2(found.messages.size() > 100, qPrintable(log));

    const TsFile committed = readTs(path);
    QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));
    QSet<QString> known;
    for (const Message &m : committed.messages)
        known.insert(m.context + QChar(0) + m.source + QChar(0) + m.comment);
    QStringList missing;
    for (const Message &m : found.messages) {
        if (!known.contains(m.context + QChar(0) + m.source + QChar(0) + m.comment))
            missing << describe(m);
    }
    for (const QString &m : missing)
        qWarning().noquote() << "not in the .ts:" << m;
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 text(s) in the sources, listed above, are not in %2; "
                                       "run the translations target and translate them")
                            .arg(missing.size())
                            .arg(QFileInfo(path).fileName())));
}

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "TestTranslationFiles.moc"
