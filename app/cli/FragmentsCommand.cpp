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
            array.append(o);
        }
        context.printJson(array);
        return 0;
    }
    TextTable table({tr("ID"), tr("NAME"), tr("TYPE"), tr("KEY"), tr("DESCRIPTION")});
    for (const CustomerFragment &f : file->fragments()) {
        QString type = f.typeName();
        if (f.type() == FragmentType::Unknown)
            type = tr("%1 (not derivable here)").arg(f.typeName());
        else if (f.type() == FragmentType::HsmWrapEncrypt)
            type = QStringLiteral("%1 (%2)").arg(f.typeName(), f.wrapAlgorithmName());
        table.addRow({f.id(), TextTable::elide(f.name()), type, TextTable::elide(f.keyLabel()),
                      TextTable::elide(f.description())});
    }
    table.print(context.out());
    return 0;
}

} // namespace hsm::cli
