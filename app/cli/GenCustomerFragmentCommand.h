#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

// The vendor CLI's gen-customer-fragment, with the same flags, writing the file itself.
class GenCustomerFragmentCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(GenCustomerFragmentCommand)

public:
    QString name() const override { return QStringLiteral("gen-customer-fragment"); }
    QString summary() const override {
        return tr("Generate a customer fragment and add it to customer_fragments.json.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // a standard fragment needs no HSM
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
