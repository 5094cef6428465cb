// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace hsm {

struct DiscoveredModule {
    QString name;   // p11-kit's module name or the vendor's product name
    QString path;   // absolute path of the library
    QString source; // "p11-kit" or "well-known path"
};

// The modules registered with p11-kit plus the well-known vendor paths that exist on this
// machine, one entry per library file. p11-kit loads the registered libraries to name
// them (without initializing them), so call this off the GUI thread.
QList<DiscoveredModule> discoverModules();

} // namespace hsm
