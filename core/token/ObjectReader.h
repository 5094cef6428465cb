// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/Session.h"
#include "core/token/ObjectInfo.h"

#include <QList>

#include <functional>

namespace hsm {

class RequestContext;

// Reads the objects a session can see, a row each (the details view's attributes are
// attributeDetails'). Runs on the worker.
namespace objectReader {

// Lists every object, handing rows to `deliver` in chunks as they are read: the first
// chunk small, so that a view shows rows early, the rest of `chunkSize` rows. Objects are
// found in one search (C_FindObjects in large batches), and each row is one
// C_GetAttributeValue with the attributes its class has (see list() for how).
Status list(Session &session, RequestContext *context,
            const std::function<void(QList<ObjectInfo> &&)> &deliver, int chunkSize = 500,
            int firstChunkSize = 100);

// The row of one object.
Result<ObjectInfo> read(Session &session, CK_OBJECT_HANDLE object,
                        CK_OBJECT_CLASS knownClass = CK_UNAVAILABLE_INFORMATION);

// Secret keys whose CKA_LABEL is exactly `label`.
Result<QList<CK_OBJECT_HANDLE>> secretKeysLabelled(Session &session, const QString &label);

} // namespace objectReader
} // namespace hsm
