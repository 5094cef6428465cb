// SPDX-License-Identifier: Apache-2.0
#include "app/cli/FragmentsCommand.h"

#include "app/cli/TextTable.h"
#include "core/fragment/FragmentFile.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> FragmentsCommand::options() const {
    return {QCommandLineOption(QStringLiteral("fragments"), tr("The fragments file."),
                               QStringLiteral("file"), QStringLiteral("customer_fragments.json"))};
}

int FragmentsCommand::run(CommandContext &context) {
    Result<FragmentFile> file = FragmentFile::load(context.value(QStringLiteral("fragments")));
    if (!file)
        return context.fail(file.error());
    if (context.format() == OutputFormat::Json) {
        QJsonArray array;
        for (const CustomerFragment &f : file->fragments()) {
            QJsonObject o{{QStringLiteral("id"), f.id()},
                          {QStringLiteral("name"), f.name()},
                          {QStringLiteral("description"), f.description()},
                          {QStringLiteral("fragment_type"), f.typeName()},
                          {QStringLiteral("derivable"), f.type() != FragmentType::Unknown}};
            if (f.isHsmType())
                o.insert(QStringLiteral("key_label"), f.keyLabel());
            if (f.type() == FragmentType::HsmWrapEncrypt)
                o.insert(QStringLiteral("wrap_alg"), f.wrapAlgorithmName());
            o.insert(QStringLiteral("problems"),
                     QJsonArray::fromStringList(file->problems(array.size())));
            array.append(o);
        }
        context.printJson(array);
        return 0;
    }
    TextTable table({tr("ID"), tr("NAME"), tr("TYPE"), tr("KEY"), tr("DESCRIPTION")});
    QStringList problemLines;
    for (qsizetype i = 0; i < file->fragments().size(); ++i) {
        const CustomerFragment &f = file->fragments().at(i);
        // A marked entry: "!" before its id, and its problems below the table.
        const QStringList problems = file->problems(i);
        for (const QString &problem : problems)
            problemLines << tr("! %1: %2").arg(TextTable::printable(f.id()), problem);
        QString type = f.typeName();
        if (f.type() == FragmentType::Unknown)
            type = tr("%1 (not derivable here)").arg(f.typeName());
        else if (f.type() == FragmentType::HsmWrapEncrypt)
            type = QStringLiteral("%1 (%2)").arg(f.typeName(), f.wrapAlgorithmName());
        table.addRow({(problems.isEmpty() ? QString() : QStringLiteral("!")) + f.id(),
                      TextTable::elide(f.name()), type, TextTable::elide(f.keyLabel()),
                      TextTable::elide(f.description())});
    }
    table.print(context.out());
    for (const QString &line : problemLines)
        context.out() << line << '\n';
    context.out().flush();
    return 0;
}

} // namespace hsm::cli
