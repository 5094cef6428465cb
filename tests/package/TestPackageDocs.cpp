// SPDX-License-Identifier: Apache-2.0
// The man pages and the bash completion against the built programs: every command of
// 'hsm-admin-cli --help' and every option of 'hsm-admin-cli COMMAND --help' must be in
// the man page and the completion, and neither may name a command or option the CLI does
// not have; hsm-admin(1) lists the options of 'hsm-admin --help'.
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

struct Help {
    QStringList commands;       // in the order of --help
    QSet<QString> options;      // "--module", "-h", ...
    QSet<QString> valueOptions; // the options shown with a <value>
};

QString run(const QString &program, const QStringList &args, int *status = nullptr,
            const QString &input = {}) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (status)
        *status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

// Qt's help text: "Options:" and "Commands:" sections, two-space indented entries.
Help parseHelp(const QString &text) {
    Help help;
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z][a-z0-9-]*)  "));
    static const QRegularExpression optionLine(
        QStringLiteral("^  (-[A-Za-z0-9], )?(--[a-z0-9-]+)( <[^>]+>)?"));
    QString section;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char(' ')) && line.endsWith(QLatin1Char(':'))) {
            section = line;
            continue;
        }
        if (section == QLatin1String("Commands:")) {
            if (const auto m = commandLine.match(line); m.hasMatch())
                help.commands << m.captured(1);
        } else if (section == QLatin1String("Options:")) {
            const auto m = optionLine.match(line);
            if (!m.hasMatch())
                continue;
            QStringList names{m.captured(2)};
            if (m.hasCaptured(1) && !m.captured(1).isEmpty())
                names << m.captured(1).chopped(2);
            for (const QString &n : names) {
                help.options << n;
                if (!m.captured(3).isEmpty())
                    help.valueOptions << n;
            }
        }
    }
    return help;
}

QString cli() {
    return QStringLiteral(HSM_ADMIN_CLI_PATH);
}

QString sorted(const QSet<QString> &set) {
    QStringList list = set.values();
    list.sort();
    return list.join(QLatin1Char(' '));
}

// The man page as plain text lines: font escapes dropped, "\-" as "-".
QStringList manLines(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression font(QStringLiteral(R"(\\f[BIRP])"));
    text.remove(font);
    text.replace(QLatin1String("\\-"), QLatin1String("-"));
    text.remove(QLatin1String("\\%"));
    return text.split(QLatin1Char('\n'));
}

QSet<QString> optionsIn(const QStringList &lines) {
    static const QRegularExpression option(QStringLiteral(R"((?<![\w-])(--?[a-zA-Z][a-z0-9-]*))"));
    QSet<QString> found;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String(".\\\"")))
            continue; // a comment
        for (auto it = option.globalMatch(line); it.hasNext();)
            found << it.next().captured(1);
    }
    return found;
}

// The sections of the man page: ".SH NAME" and, under COMMANDS, ".SS name", with their lines.
QMap<QString, QStringList> manSections(const QStringList &lines, bool subsections) {
    QMap<QString, QStringList> sections;
    QString current;
    bool inCommands = false;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String(".SH "))) {
            const QString name = line.mid(4).remove(QLatin1Char('"')).trimmed();
            inCommands = name == QLatin1String("COMMANDS");
            current = subsections ? QString() : name;
            continue;
        }
        if (subsections && inCommands && line.startsWith(QLatin1String(".SS "))) {
            current = line.mid(4).remove(QLatin1Char('"')).trimmed();
            sections[current]; // a command without options still has its section
            continue;
        }
        if (!current.isEmpty())
            sections[current] << line;
    }
    return sections;
}

} // namespace

class TestPackageDocs : public QObject {
    Q_OBJECT

    Help m_top;
    QSet<QString> m_global; // accepted before and after the command name
    QMap<QString, Help> m_commands;

    // What the completion offers for `hsm-admin-cli words...` (the last word is the one
    // being completed), in plain bash without the bash-completion package.
    QSet<QString> complete(const QStringList &words) {
        QString script =
            QStringLiteral("source '%1' || exit 3\nCOMP_WORDS=(hsm-admin-cli")
                .arg(QStringLiteral(HSM_PACKAGING_SOURCE_DIR "/hsm-admin-cli.bash-completion"));
        for (const QString &w : words)
            script += QStringLiteral(" '%1'").arg(w);
        script += QStringLiteral(")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_hsm_admin_cli\n"
                                 "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        int status = -1;
        const QString out =
            run(QStringLiteral("bash"), {QStringLiteral("--norc")}, &status, script);
        if (status != 0)
            qWarning("bash exited with %d: %s", status, qPrintable(out));
        QSet<QString> result;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            result << line;
        return result;
    }

private Q_SLOTS:
    void initTestCase() {
        int status = -1;
        m_top = parseHelp(run(cli(), {QStringLiteral("--help")}, &status));
        QCOMPARE(status, 0);
        QVERIFY2(m_top.commands.size() > 10, qPrintable(m_top.commands.join(QLatin1Char(' '))));
        QVERIFY(m_top.options.contains(QStringLiteral("--module")));
        for (const QString &command : std::as_const(m_top.commands)) {
            Help own = parseHelp(run(cli(), {command, QStringLiteral("--help")}, &status));
            QVERIFY2(status == 0, qPrintable(command));
            QVERIFY2(own.options.contains(QStringLiteral("--module")), qPrintable(command));
            m_commands.insert(command, own);
        }
        // The global options are those every command accepts too; the rest of the top
        // level's (--version) only stand before the command name.
        m_global = m_top.options;
        for (const Help &own : std::as_const(m_commands))
            m_global &= own.options;
        QVERIFY(m_global.contains(QStringLiteral("--format")));
        QVERIFY(!m_global.contains(QStringLiteral("--version")));
    }

    void manPageHasEveryCommand() {
        const QStringList lines = manLines(QStringLiteral(HSM_ADMIN_CLI_MAN_PAGE));
        QVERIFY(!lines.isEmpty());
        const auto commands = manSections(lines, true);
        QCOMPARE(sorted(QSet<QString>(commands.keyBegin(), commands.keyEnd())),
                 sorted(QSet<QString>(m_top.commands.begin(), m_top.commands.end())));
    }

    void manPageHasEveryOption() {
        const QStringList lines = manLines(QStringLiteral(HSM_ADMIN_CLI_MAN_PAGE));
        const auto sections = manSections(lines, false);
        // OPTIONS: exactly the top level's options.
        QCOMPARE(sorted(optionsIn(sections.value(QStringLiteral("OPTIONS")))),
                 sorted(m_top.options));
        // Each command: all its own options, and no option it does not have.
        const auto commands = manSections(lines, true);
        for (auto it = m_commands.cbegin(); it != m_commands.cend(); ++it) {
            const QSet<QString> own = it->options - m_global;
            const QSet<QString> mentioned = optionsIn(commands.value(it.key()));
            QVERIFY2((own - mentioned).isEmpty(),
                     qPrintable(QStringLiteral("%1: not in the man page: %2")
                                    .arg(it.key(), sorted(own - mentioned))));
            QVERIFY2((mentioned - it->options).isEmpty(),
                     qPrintable(QStringLiteral("%1: the man page names options it lacks: %2")
                                    .arg(it.key(), sorted(mentioned - it->options))));
        }
    }

    // hsm-admin(1) has exactly the GUI's options.
    void guiManPageHasEveryOption() {
        int status = -1;
        const Help gui =
            parseHelp(run(QStringLiteral(HSM_ADMIN_GUI_PATH), {QStringLiteral("--help")}, &status));
        QCOMPARE(status, 0);
        QVERIFY(gui.options.contains(QStringLiteral("--module")));
        const auto sections = manSections(manLines(QStringLiteral(HSM_ADMIN_MAN_PAGE)), false);
        QCOMPARE(sorted(optionsIn(sections.value(QStringLiteral("OPTIONS")))), sorted(gui.options));
    }

    // groff reads both pages without a warning.
    void manPagesFormat() {
        for (const char *page : {HSM_ADMIN_CLI_MAN_PAGE, HSM_ADMIN_MAN_PAGE}) {
            int status = -1;
            const QString out =
                run(QStringLiteral(HSM_GROFF),
                    {QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z"),
                     QStringLiteral("-Tutf8"), QLatin1String(page)},
                    &status);
            QVERIFY2(status == 0 && out.isEmpty(), qPrintable(QLatin1String(page) + out));
        }
    }

    void completionOffersEveryCommand() {
        QCOMPARE(sorted(complete({QString()})),
                 sorted(QSet<QString>(m_top.commands.begin(), m_top.commands.end())));
        QCOMPARE(sorted(complete({QStringLiteral("-")})), sorted(m_top.options));
        // After an option's value, the command is still to come.
        QCOMPARE(sorted(complete(
                     {QStringLiteral("--module"), QStringLiteral("lib.so"), QStringLiteral("sl")})),
                 QStringLiteral("slots"));
    }

    void completionOffersEveryOption() {
        for (auto it = m_commands.cbegin(); it != m_commands.cend(); ++it)
            QCOMPARE(sorted(complete({it.key(), QStringLiteral("-")})), sorted(it->options));
    }

    // The completion knows which options take a value, so it finds the command after them.
    void completionSkipsOptionValues() {
        QSet<QString> all = m_top.options;
        QSet<QString> takesValue = m_top.valueOptions;
        for (const Help &own : std::as_const(m_commands)) {
            all |= own.options;
            takesValue |= own.valueOptions;
        }
        const QString commands =
            sorted(QSet<QString>(m_top.commands.begin(), m_top.commands.end()));
        for (const QString &option : std::as_const(all)) {
            if (option == QLatin1String("-h") || option.startsWith(QLatin1String("--help")) ||
                option == QLatin1String("-v") || option == QLatin1String("--version"))
                continue;
            const QString offered = sorted(complete({option, QStringLiteral("value"), QString()}));
            if (takesValue.contains(option))
                QVERIFY2(offered == commands, qPrintable(option + QStringLiteral(": ") + offered));
            else
                QVERIFY2(offered.isEmpty(), qPrintable(option + QStringLiteral(": ") + offered));
        }
    }

    void completionOffersValues() {
        QCOMPARE(sorted(complete({QStringLiteral("--format"), QString()})),
                 QStringLiteral("json text"));
        QCOMPARE(sorted(complete(
                     {QStringLiteral("export-config"), QStringLiteral("--format"), QString()})),
                 QStringLiteral("compose docker env helm k8s"));
        QCOMPARE(sorted(complete(
                     {QStringLiteral("create-key"), QStringLiteral("--key-type"), QString()})),
                 QStringLiteral("aes generic rsa sha256-hmac"));
        QCOMPARE(sorted(complete(
                     {QStringLiteral("gen-customer-fragment"), QStringLiteral("-t"), QString()})),
                 QStringLiteral("hsm_secured hsm_wrap_encrypt hsm_wrap_hmac hsm_wrapped standard"));
    }
};

QTEST_GUILESS_MAIN(TestPackageDocs)
#include "TestPackageDocs.moc"
