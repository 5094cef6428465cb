// SPDX-License-Identifier: Apache-2.0
#include "core/base/ReturnValues.h"

#include <QCoreApplication>

namespace hsm {

// The sentences reach the user (GUI and CLI), so they are translated.
QString returnValueSentence(CK_RV rv) {
    if (rv >= CKR_VENDOR_DEFINED)
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The module returned a vendor-specific error; the vendor's "
                                 "documentation explains what it means.");

    switch (rv) {
    case CKR_OK:
        return QCoreApplication::translate("hsm::ReturnValues",
                                           "The operation completed successfully.");
    case CKR_CANCEL:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The operation was cancelled by the application before it finished.");
    case CKR_HOST_MEMORY:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The computer running this tool ran out of memory while the module "
            "was working; close other programs and try again.");
    case CKR_SLOT_ID_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The slot no longer exists; refresh the slot list and choose the slot again.");
    case CKR_GENERAL_ERROR:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module hit an unrecoverable error; close all sessions, reload "
            "the module and check its logs.");
    case CKR_FUNCTION_FAILED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module could not complete the request; try again, and check the "
            "module's logs if it keeps failing.");
    case CKR_ARGUMENTS_BAD:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module rejected the arguments it was given; this is probably a "
            "bug in this tool, so please report it.");
    case CKR_NO_EVENT:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "No slot or token event has happened since the last check.");
    case CKR_NEED_TO_CREATE_THREADS:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module needs to start its own threads but was initialised "
            "without permission to do so; it cannot run in this configuration.");
    case CKR_CANT_LOCK:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module cannot provide the thread locking it was asked for; it has to be loaded "
            "with different locking settings or used from one thread only.");
    case CKR_ATTRIBUTE_READ_ONLY:
        return QCoreApplication::translate("hsm::ReturnValues",
                                           "This attribute cannot be set or changed, "
                                           "either at all or on this particular object.");
    case CKR_ATTRIBUTE_SENSITIVE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The attribute's value is sensitive or the object is unextractable, "
            "so the token will not reveal it.");
    case CKR_ATTRIBUTE_TYPE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The token does not recognise one of the attributes, or the "
                                 "attribute does not apply to this kind of object.");
    case CKR_ATTRIBUTE_VALUE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "One of the attribute values is not acceptable to the token; check "
            "the values, sizes and flags given.");
    case CKR_ACTION_PROHIBITED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The token's policy does not allow this action on this object.");
    case CKR_DATA_INVALID:
        return QCoreApplication::translate("hsm::ReturnValues",
                                           "The input data is not valid for this operation.");
    case CKR_DATA_LEN_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The input data has the wrong length for this operation; for example, block ciphers "
            "without padding need a whole number of blocks.");
    case CKR_DEVICE_ERROR:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The token or its reader reported a hardware or communication "
                                 "problem; check the connection and the device's status.");
    case CKR_DEVICE_MEMORY:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token has run out of memory or storage; delete objects you no "
            "longer need and try again.");
    case CKR_DEVICE_REMOVED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The token was removed or disconnected during the operation; "
                                 "reconnect it, refresh the slot list and open a new session.");
    case CKR_ENCRYPTED_DATA_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The encrypted data is not valid for this key and mechanism; it may "
            "be corrupted or encrypted with a different key.");
    case CKR_ENCRYPTED_DATA_LEN_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The encrypted data has the wrong length for this mechanism, so it "
            "cannot be decrypted.");
    case CKR_FUNCTION_CANCELED:
        return QCoreApplication::translate("hsm::ReturnValues",
                                           "The operation was cancelled before it finished.");
    case CKR_FUNCTION_NOT_PARALLEL:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "No function is running in parallel in this session, so there is "
                                 "nothing to query or cancel.");
    case CKR_FUNCTION_NOT_SUPPORTED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module does not implement this function, so this feature is not "
            "available with this module.");
    case CKR_KEY_HANDLE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The key no longer exists or its handle is not valid in this "
                                 "session; refresh the object list and select the key again.");
    case CKR_KEY_SIZE_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The key size is outside the range the token supports for this mechanism; check the "
            "mechanism's minimum and maximum key size and choose a size in between.");
    case CKR_KEY_TYPE_INCONSISTENT:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The key's type does not fit this mechanism; for HMAC-SHA256 many "
                                 "HSMs (SoftHSM among them) need a generic secret key.");
    case CKR_KEY_NOT_NEEDED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "A key was supplied for an operation that does not use one.");
    case CKR_KEY_CHANGED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "A key given to restore a saved operation is not the key that was in "
            "use when the operation was saved.");
    case CKR_KEY_NEEDED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "Restoring the saved operation needs its keys to be supplied again.");
    case CKR_KEY_INDIGESTIBLE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token cannot feed this key's value into the digest, for example "
            "because of the key's type or length.");
    case CKR_KEY_FUNCTION_NOT_PERMITTED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The key's attributes do not allow this use (for example CKA_SIGN, CKA_ENCRYPT, "
            "CKA_WRAP or CKA_DERIVE is false); use a key created for this purpose.");
    case CKR_KEY_NOT_WRAPPABLE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token cannot or will not wrap this key with the chosen wrapping "
            "key and mechanism.");
    case CKR_KEY_UNEXTRACTABLE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The key is marked unextractable (CKA_EXTRACTABLE is false), so it "
            "cannot be wrapped or exported.");
    case CKR_MECHANISM_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token does not support this mechanism, or not for this operation; check the "
            "token's mechanism list and choose one it offers.");
    case CKR_MECHANISM_PARAM_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The mechanism's parameters are wrong, for example an initialisation "
            "vector (IV) of the wrong length.");
    case CKR_OBJECT_HANDLE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The object no longer exists or its handle is not valid in this "
                                 "session; refresh the object list.");
    case CKR_OPERATION_ACTIVE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "Another operation of this kind is already running in this session; "
            "finish or cancel it first, or use a separate session.");
    case CKR_OPERATION_NOT_INITIALIZED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "No operation of this kind is running in this session, or it has "
                                 "already ended; start the operation again.");
    case CKR_PIN_INCORRECT:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The PIN is wrong; each failed attempt may count towards locking the token.");
    case CKR_PIN_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The new PIN contains characters the token does not accept.");
    case CKR_PIN_LEN_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The PIN is too short or too long for this token; check the token's "
            "minimum and maximum PIN length.");
    case CKR_PIN_EXPIRED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The PIN has expired; set a new PIN before doing anything else.");
    case CKR_PIN_LOCKED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The user PIN is locked after too many wrong attempts; the security "
            "officer (SO) must unlock or reset it.");
    case CKR_SESSION_CLOSED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The session was closed during the operation; open a new session and try again.");
    case CKR_SESSION_COUNT:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The token has too many sessions open; close sessions here or in "
                                 "other applications and try again.");
    case CKR_SESSION_HANDLE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The session no longer exists, for example because the token was removed or the module "
            "was reloaded; open a new session and log in again.");
    case CKR_SESSION_PARALLEL_NOT_SUPPORTED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module refused to open a parallel session, which every PKCS #11 module is "
            "required to accept; the module may be outdated or faulty.");
    case CKR_SESSION_READ_ONLY:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "This session is read-only; open a read/write session to create, "
                                 "change or delete objects.");
    case CKR_SESSION_EXISTS:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "Sessions to the token are still open; close all of them, including "
            "those in other applications, before initialising the token.");
    case CKR_SESSION_READ_ONLY_EXISTS:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The security officer (SO) cannot log in while a read-only session "
            "is open; close the read-only sessions first.");
    case CKR_SESSION_READ_WRITE_SO_EXISTS:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "A read-only session cannot be opened while the security officer "
                                 "(SO) is logged in; log the SO out first.");
    case CKR_SIGNATURE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The signature does not match the data and key; the data may have "
                                 "changed or a different key was used.");
    case CKR_SIGNATURE_LEN_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The signature has the wrong length for this key and mechanism, so it is not valid.");
    case CKR_TEMPLATE_INCOMPLETE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "Attributes that this kind of object requires are missing; add them and try again.");
    case CKR_TEMPLATE_INCONSISTENT:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "Some of the attributes given contradict each other; check the "
                                 "combination of values and flags.");
    case CKR_TOKEN_NOT_PRESENT:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "There is no token in this slot; insert or initialise one.");
    case CKR_TOKEN_NOT_RECOGNIZED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The module does not recognise the token in this slot; it may be "
                                 "damaged or meant for a different module.");
    case CKR_TOKEN_WRITE_PROTECTED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token is write-protected, so objects on it cannot be created, "
            "changed or deleted.");
    case CKR_UNWRAPPING_KEY_HANDLE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The unwrapping key no longer exists or its handle is not valid; "
                                 "select the unwrapping key again.");
    case CKR_UNWRAPPING_KEY_SIZE_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The unwrapping key's size is outside the range this mechanism supports.");
    case CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The unwrapping key's type does not fit the unwrapping mechanism.");
    case CKR_USER_ALREADY_LOGGED_IN:
        return QCoreApplication::translate("hsm::ReturnValues",
                                           "This user is already logged in to the token.");
    case CKR_USER_NOT_LOGGED_IN:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "This action needs a login; log in as the user, or as the security "
            "officer (SO) for administrative tasks, and try again.");
    case CKR_USER_PIN_NOT_INITIALIZED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The user PIN has not been set yet; the security officer (SO) must "
            "log in and initialise it.");
    case CKR_USER_TYPE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The user type is not valid; PKCS #11 only knows the security "
                                 "officer (SO), the normal user and the context-specific user.");
    case CKR_USER_ANOTHER_ALREADY_LOGGED_IN:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "A different user is already logged in to this token; log that user out first.");
    case CKR_USER_TOO_MANY_TYPES:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token does not allow this many different users to be logged in "
            "at once; log one of them out first.");
    case CKR_WRAPPED_KEY_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The wrapped key is not valid; it may be corrupted, or wrapped with "
            "a different key or mechanism.");
    case CKR_WRAPPED_KEY_LEN_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The wrapped key has the wrong length for this unwrapping mechanism.");
    case CKR_WRAPPING_KEY_HANDLE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The wrapping key no longer exists or its handle is not valid; "
                                 "select the wrapping key again.");
    case CKR_WRAPPING_KEY_SIZE_RANGE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The wrapping key's size is outside the range this mechanism supports.");
    case CKR_WRAPPING_KEY_TYPE_INCONSISTENT:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The wrapping key's type does not fit the wrapping mechanism.");
    case CKR_RANDOM_SEED_NOT_SUPPORTED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The token's random number generator does not accept seed data.");
    case CKR_RANDOM_NO_RNG:
        return QCoreApplication::translate("hsm::ReturnValues",
                                           "The token has no random number generator.");
    case CKR_DOMAIN_PARAMS_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The domain parameters, such as the curve or DSA/DH parameters, are "
            "invalid or not supported by the token.");
    case CKR_CURVE_NOT_SUPPORTED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token does not support this elliptic curve; choose a different curve.");
    case CKR_BUFFER_TOO_SMALL:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The result did not fit in the space this tool set aside for it; try "
            "again, and report it as a bug if it keeps happening.");
    case CKR_SAVED_STATE_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The saved operation state is invalid or belongs to a different "
                                 "session or token, so it cannot be restored.");
    case CKR_INFORMATION_SENSITIVE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The token will not reveal this information because it is sensitive.");
    case CKR_STATE_UNSAVEABLE:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The token cannot save the state of the current operation.");
    case CKR_CRYPTOKI_NOT_INITIALIZED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module has not been initialised, or has already been shut down; "
            "reload the module and try again.");
    case CKR_CRYPTOKI_ALREADY_INITIALIZED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The module is already initialised in this process, possibly by "
                                 "another component that loaded the same library.");
    case CKR_MUTEX_BAD:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module was handed an invalid lock object, an internal threading "
            "error; reload the module.");
    case CKR_MUTEX_NOT_LOCKED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module tried to release a lock that was not held, an internal "
            "threading error; reload the module.");
    case CKR_NEW_PIN_MODE:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The one-time password was not accepted and the token asks for a new "
            "PIN; set a new PIN, then use a fresh one-time password.");
    case CKR_NEXT_OTP:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The one-time password was not accepted; the token asks for the next "
            "one-time password to confirm the login.");
    case CKR_EXCEEDED_MAX_ITERATIONS:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "Generating the key or parameters hit the algorithm's iteration "
                                 "limit without success; try again.");
    case CKR_FIPS_SELF_TEST_FAILED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The module failed its FIPS self-test and will not perform cryptographic operations; "
            "restart the HSM or reload the module and check the device's health.");
    case CKR_LIBRARY_LOAD_FAILED:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The module could not load a library it depends on; check the "
                                 "module's installation and configuration.");
    case CKR_PIN_TOO_WEAK:
        return QCoreApplication::translate("hsm::ReturnValues",
                                           "The new PIN is too weak for the token's "
                                           "policy; choose a longer or more complex PIN.");
    case CKR_PUBLIC_KEY_INVALID:
        return QCoreApplication::translate(
            "hsm::ReturnValues", "The public key is not valid, for example an elliptic-curve point "
                                 "that is not on the curve.");
    case CKR_FUNCTION_REJECTED:
        return QCoreApplication::translate(
            "hsm::ReturnValues",
            "The request was rejected, for example by the user at a confirmation "
            "prompt on the device.");
    default:
        break;
    }
    return QCoreApplication::translate("hsm::ReturnValues",
                                       "The module returned an unknown error code.");
}

} // namespace hsm
