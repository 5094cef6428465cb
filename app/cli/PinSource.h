// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/StandardStreams.h"
#include "core/base/Result.h"
#include "core/base/SecretBytes.h"

#include <QCoreApplication>

#include <optional>

namespace hsm::cli {

// Where the CLI takes a PIN from, in this order: the first line of --pin-file (asked for on
// this run, so it wins over a variable left in the environment), HSM_PIN (as the gateway
// does), or a prompt without echo when the run's standard input is a
// terminal (the prompt on its standard error). Never argv.
class PinSource {
    Q_DECLARE_TR_FUNCTIONS(PinSource)

public:
    PinSource(QString pinFile, StandardStreams streams)
        : m_pinFile(std::move(pinFile))
        , m_streams(streams) {}

    // Whether a PIN can be had without a prompt or with one.
    bool available() const;
    // The PIN, or an error naming what is missing or unreadable (never the PIN). Only a
    // regular file is read as the PIN file: a named pipe or a device is refused, never
    // waited on. `warning` receives why a PIN file that was read is exposed (every user
    // may read it), else an empty string.
    Result<std::shared_ptr<SecretBytes>> read(const QString &prompt,
                                              QString *warning = nullptr) const;

private:
    QString m_pinFile;
    StandardStreams m_streams;
};

} // namespace hsm::cli
