// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace hsm {

// Names the application so the GUI and the CLI share settings and the demo HSM's data
// location. Call right after constructing the Q*Application.
void setApplicationIdentity();

} // namespace hsm
