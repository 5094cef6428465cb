// SPDX-License-Identifier: Apache-2.0
// A PKCS#11 module for tests that forwards every call to a real module (SoftHSM unless
// HSM_FAULTS_TARGET names another) and misbehaves as its rules say. It is loaded like
// any vendor library.
//
// Rules come from HSM_FAULTS (';' or newline separated) or from the file HSM_FAULTS_FILE,
// which is read again whenever it changes, so a test can inject a fault mid-run and clear
// it afterwards. Call counts start again whenever the rules change or the module is loaded
// anew (unloading it forgets them). One rule per line:
//
//   C_Sign rv=CKR_DEVICE_ERROR             every C_Sign fails
//   C_Sign rv=CKR_DEVICE_ERROR call=3      only the 3rd C_Sign fails
//   C_Sign rv=CKR_DEVICE_ERROR from=3      the 3rd and every later C_Sign fails
//   C_FindObjects sleep=3000               answers after 3 s (add call=/from= to pick calls)
//   C_FindObjects hang call=1              answers only once the rules change (at most
//                                          after 60 s): a hung call a test ends at will
//   C_GenerateRandom constant=0x42         random output is one repeated byte
//   C_GenerateRandom cap=1024              longer requests get CKR_DATA_LEN_RANGE
//   token removed                          no token in any slot; sessions report
//                                          CKR_DEVICE_REMOVED
//   token flags=final-try,no-rng           changes C_GetTokenInfo's flags (final-try,
//                                          count-low, locked, pin-pad, no-rng)
//   C_Login pad=1234                       a login without a PIN (a PIN pad) uses this PIN,
//                                          as if it had been typed on the device
//   sessions drop                          at the next call, every real session is closed
//                                          (as after an HSM restart); once per rule change
//
// A failing C_Sign, C_Finalize and the like is still made on the real module first, so its
// state ends up as a real HSM's would (the operation ended, the library finalized).
#include "core/base/Pkcs11Names.h"

#include <p11-kit/pkcs11.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

#define HSM_FAULT_FUNCTIONS(X)                                                                     \
    X(C_Initialize)                                                                                \
    X(C_Finalize)                                                                                  \
    X(C_GetInfo)                                                                                   \
    X(C_GetSlotList)                                                                               \
    X(C_GetSlotInfo)                                                                               \
    X(C_GetTokenInfo)                                                                              \
    X(C_GetMechanismList)                                                                          \
    X(C_GetMechanismInfo)                                                                          \
    X(C_InitToken)                                                                                 \
    X(C_InitPIN)                                                                                   \
    X(C_SetPIN)                                                                                    \
    X(C_OpenSession)                                                                               \
    X(C_CloseSession)                                                                              \
    X(C_CloseAllSessions)                                                                          \
    X(C_GetSessionInfo)                                                                            \
    X(C_GetOperationState)                                                                         \
    X(C_SetOperationState)                                                                         \
    X(C_Login)                                                                                     \
    X(C_Logout)                                                                                    \
    X(C_CreateObject)                                                                              \
    X(C_CopyObject)                                                                                \
    X(C_DestroyObject)                                                                             \
    X(C_GetObjectSize)                                                                             \
    X(C_GetAttributeValue)                                                                         \
    X(C_SetAttributeValue)                                                                         \
    X(C_FindObjectsInit)                                                                           \
    X(C_FindObjects)                                                                               \
    X(C_FindObjectsFinal)                                                                          \
    X(C_EncryptInit)                                                                               \
    X(C_Encrypt)                                                                                   \
    X(C_EncryptUpdate)                                                                             \
    X(C_EncryptFinal)                                                                              \
    X(C_DecryptInit)                                                                               \
    X(C_Decrypt)                                                                                   \
    X(C_DecryptUpdate)                                                                             \
    X(C_DecryptFinal)                                                                              \
    X(C_DigestInit)                                                                                \
    X(C_Digest)                                                                                    \
    X(C_DigestUpdate)                                                                              \
    X(C_DigestKey)                                                                                 \
    X(C_DigestFinal)                                                                               \
    X(C_SignInit)                                                                                  \
    X(C_Sign)                                                                                      \
    X(C_SignUpdate)                                                                                \
    X(C_SignFinal)                                                                                 \
    X(C_SignRecoverInit)                                                                           \
    X(C_SignRecover)                                                                               \
    X(C_VerifyInit)                                                                                \
    X(C_Verify)                                                                                    \
    X(C_VerifyUpdate)                                                                              \
    X(C_VerifyFinal)                                                                               \
    X(C_VerifyRecoverInit)                                                                         \
    X(C_VerifyRecover)                                                                             \
    X(C_DigestEncryptUpdate)                                                                       \
    X(C_DecryptDigestUpdate)                                                                       \
    X(C_SignEncryptUpdate)                                                                         \
    X(C_DecryptVerifyUpdate)                                                                       \
    X(C_GenerateKey)                                                                               \
    X(C_GenerateKeyPair)                                                                           \
    X(C_WrapKey)                                                                                   \
    X(C_UnwrapKey)                                                                                 \
    X(C_DeriveKey)                                                                                 \
    X(C_SeedRandom)                                                                                \
    X(C_GenerateRandom)                                                                            \
    X(C_GetFunctionStatus)                                                                         \
    X(C_CancelFunction)                                                                            \
    X(C_WaitForSlotEvent)

// What a rule does to a call besides failing it.
struct Effects {
    unsigned long sleepMs = 0;
    bool hang = false;
    int constant = -1;
    unsigned long cap = 0;
    bool removed = false;
    CK_FLAGS setFlags = 0;
    CK_FLAGS clearFlags = 0;
    bool drop = false;
    std::string pad;
};

struct Rule {
    std::string function; // a C_ name, or "token" / "sessions"
    CK_RV rv = CKR_OK;
    bool hasRv = false;
    unsigned long call = 0; // only this call (1-based); 0 = any
    unsigned long from = 0; // this call and later; 0 = any
    Effects effects;
};

struct State {
    std::mutex mutex;
    std::string source; // the rules' text, to notice a change
    std::vector<Rule> rules;
    std::map<std::string, unsigned long> counts;
    bool dropPending = false;
};

CK_FUNCTION_LIST g_functions;
CK_FUNCTION_LIST_PTR g_real = nullptr;
State g_state;

CK_RV parseRv(const std::string &word) {
    if (word.rfind("0x", 0) == 0)
        return std::strtoul(word.c_str(), nullptr, 16);
    for (unsigned long v = 0; v < 0x400; ++v) {
        if (const char *name = hsm::knownReturnValueName(v); name && word == name)
            return v;
    }
    return CKR_GENERAL_ERROR;
}

void parseFlags(const std::string &list, Rule &rule) {
    std::stringstream words(list);
    std::string word;
    while (std::getline(words, word, ',')) {
        if (word == "final-try")
            rule.effects.setFlags |= CKF_USER_PIN_FINAL_TRY;
        else if (word == "count-low")
            rule.effects.setFlags |= CKF_USER_PIN_COUNT_LOW;
        else if (word == "locked")
            rule.effects.setFlags |= CKF_USER_PIN_LOCKED;
        else if (word == "pin-pad")
            rule.effects.setFlags |= CKF_PROTECTED_AUTHENTICATION_PATH;
        else if (word == "no-rng")
            rule.effects.clearFlags |= CKF_RNG;
    }
}

std::vector<Rule> parseRules(const std::string &text) {
    std::vector<Rule> rules;
    std::string line;
    std::stringstream lines(text);
    while (std::getline(lines, line)) {
        std::stringstream parts(line);
        std::string part;
        while (std::getline(parts, part, ';')) {
            std::stringstream words(part);
            Rule rule;
            if (!(words >> rule.function) || rule.function[0] == '#')
                continue;
            std::string word;
            while (words >> word) {
                const auto eq = word.find('=');
                const std::string key = word.substr(0, eq);
                const std::string value = eq == std::string::npos ? "" : word.substr(eq + 1);
                if (key == "rv") {
                    rule.rv = parseRv(value);
                    rule.hasRv = true;
                } else if (key == "call") {
                    rule.call = std::strtoul(value.c_str(), nullptr, 10);
                } else if (key == "from") {
                    rule.from = std::strtoul(value.c_str(), nullptr, 10);
                } else if (key == "sleep") {
                    rule.effects.sleepMs = std::strtoul(value.c_str(), nullptr, 10);
                } else if (key == "hang") {
                    rule.effects.hang = true;
                } else if (key == "constant") {
                    rule.effects.constant =
                        static_cast<int>(std::strtol(value.c_str(), nullptr, 0));
                } else if (key == "cap") {
                    rule.effects.cap = std::strtoul(value.c_str(), nullptr, 10);
                } else if (key == "removed") {
                    rule.effects.removed = true;
                } else if (key == "flags") {
                    parseFlags(value, rule);
                } else if (key == "drop") {
                    rule.effects.drop = true;
                } else if (key == "pad") {
                    rule.effects.pad = value;
                }
            }
            rules.push_back(rule);
        }
    }
    return rules;
}

std::string currentSource() {
    if (const char *file = std::getenv("HSM_FAULTS_FILE")) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    const char *inline_ = std::getenv("HSM_FAULTS");
    return inline_ ? inline_ : "";
}

bool applies(const Rule &rule, unsigned long count) {
    if (rule.call && count != rule.call)
        return false;
    if (rule.from && count < rule.from)
        return false;
    return true;
}

// What the rules say about one call of `function`, decided under the lock.
struct Decision {
    bool fail = false;
    CK_RV rv = CKR_OK;
    Effects effects;
    std::string source; // the rules this decision was made under
};

Decision decide(const char *function) {
    std::lock_guard lock(g_state.mutex);
    std::string source = currentSource();
    if (source != g_state.source) {
        g_state.source = std::move(source);
        g_state.rules = parseRules(g_state.source);
        g_state.counts.clear();
        g_state.dropPending = false;
        for (const Rule &rule : g_state.rules)
            g_state.dropPending =
                g_state.dropPending || (rule.function == "sessions" && rule.effects.drop);
    }
    const unsigned long count = ++g_state.counts[function];
    Decision d;
    for (const Rule &rule : g_state.rules) {
        if (rule.function == "token") {
            d.effects.removed = d.effects.removed || rule.effects.removed;
            d.effects.setFlags |= rule.effects.setFlags;
            d.effects.clearFlags |= rule.effects.clearFlags;
            continue;
        }
        if (rule.function != function || !applies(rule, count))
            continue;
        if (rule.hasRv && !d.fail) {
            d.fail = true;
            d.rv = rule.rv;
        }
        d.effects.sleepMs += rule.effects.sleepMs;
        d.effects.hang = d.effects.hang || rule.effects.hang;
        if (rule.effects.constant >= 0)
            d.effects.constant = rule.effects.constant;
        if (rule.effects.cap)
            d.effects.cap = rule.effects.cap;
        if (!rule.effects.pad.empty())
            d.effects.pad = rule.effects.pad;
    }
    d.effects.drop = std::exchange(g_state.dropPending, false);
    if (d.effects.hang)
        d.source = g_state.source;
    return d;
}

// Holds a call until the test changes the rules; bounded so a failed test cannot hang CI.
void hangUntilRulesChange(const std::string &source) {
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + seconds(60);
    while (currentSource() == source && steady_clock::now() < deadline)
        std::this_thread::sleep_for(milliseconds(10));
}

void dropAllSessions() {
    CK_ULONG count = 0;
    if (g_real->C_GetSlotList(CK_TRUE, nullptr, &count) != CKR_OK)
        return;
    std::vector<CK_SLOT_ID> slots(count);
    if (g_real->C_GetSlotList(CK_TRUE, slots.data(), &count) != CKR_OK)
        return;
    for (CK_ULONG i = 0; i < count; ++i)
        g_real->C_CloseAllSessions(slots[i]);
}

bool isOneOf(const char *function, std::initializer_list<const char *> names) {
    for (const char *name : names) {
        if (std::strcmp(function, name) == 0)
            return true;
    }
    return false;
}

// Functions whose failure ends the module's state they work on: a failing C_Sign ends the
// signing operation (PKCS#11 5.2), a failing C_Finalize still finalizes. These are made on
// the real module before the fault is answered, so its state stays what a real HSM's would.
bool endsOperation(const char *function) {
    return isOneOf(function,
                   {"C_Finalize", "C_Sign", "C_SignFinal", "C_Encrypt", "C_EncryptFinal",
                    "C_Decrypt", "C_DecryptFinal", "C_Digest", "C_DigestFinal", "C_Verify",
                    "C_VerifyFinal", "C_SignRecover", "C_VerifyRecover", "C_FindObjectsFinal"});
}

// What a call answers while the token is "removed", or CKR_OK to go ahead.
CK_RV removedAnswer(const char *function) {
    if (isOneOf(function, {"C_Initialize", "C_Finalize", "C_GetInfo", "C_GetSlotList",
                           "C_GetSlotInfo", "C_WaitForSlotEvent"}))
        return CKR_OK;
    if (isOneOf(function, {"C_GetTokenInfo", "C_GetMechanismList", "C_GetMechanismInfo",
                           "C_InitToken", "C_OpenSession", "C_CloseAllSessions"}))
        return CKR_TOKEN_NOT_PRESENT;
    return CKR_DEVICE_REMOVED;
}

// Adjusts the real answer of the few functions whose output the rules change.
template <typename... Args>
void adjust(const char *function, const Decision &d, CK_RV rv, Args... args) {
    if (rv != CKR_OK)
        return;
    if constexpr (sizeof...(Args) == 3) {
        auto tuple = std::make_tuple(args...);
        using Second = std::tuple_element_t<1, decltype(tuple)>;
        using Third = std::tuple_element_t<2, decltype(tuple)>;
        if constexpr (std::is_same_v<Second, CK_BYTE_PTR> && std::is_same_v<Third, CK_ULONG>) {
            // C_GenerateRandom(session, out, length)
            if (d.effects.constant >= 0 && std::strcmp(function, "C_GenerateRandom") == 0)
                std::memset(std::get<1>(tuple), d.effects.constant, std::get<2>(tuple));
        } else if constexpr (std::is_same_v<Second, CK_SLOT_ID_PTR> &&
                             std::is_same_v<Third, CK_ULONG_PTR>) {
            // C_GetSlotList(tokenPresent, list, count): hide every slot while removed
            if (d.effects.removed && std::get<0>(tuple) == CK_TRUE)
                *std::get<2>(tuple) = 0;
        }
    } else if constexpr (sizeof...(Args) == 2) {
        auto tuple = std::make_tuple(args...);
        using Second = std::tuple_element_t<1, decltype(tuple)>;
        if constexpr (std::is_same_v<Second, CK_TOKEN_INFO_PTR>) {
            CK_TOKEN_INFO *info = std::get<1>(tuple);
            info->flags = (info->flags | d.effects.setFlags) & ~d.effects.clearFlags;
        } else if constexpr (std::is_same_v<Second, CK_SLOT_INFO_PTR>) {
            if (d.effects.removed)
                std::get<1>(tuple)->flags &= ~static_cast<CK_FLAGS>(CKF_TOKEN_PRESENT);
        }
    }
}

template <auto Member, const char *Name,
          typename Fn =
              std::remove_reference_t<decltype(std::declval<CK_FUNCTION_LIST &>().*Member)>>
struct Forward;

template <auto Member, const char *Name, typename... Args>
struct Forward<Member, Name, CK_RV (*)(Args...)> {
    static CK_RV call(Args... args) {
        const Decision d = decide(Name);
        if (d.effects.drop)
            dropAllSessions();
        if (d.effects.sleepMs)
            std::this_thread::sleep_for(std::chrono::milliseconds(d.effects.sleepMs));
        if (d.effects.hang)
            hangUntilRulesChange(d.source);
        if (d.effects.removed) {
            if (const CK_RV rv = removedAnswer(Name); rv != CKR_OK)
                return rv;
        }
        if (d.effects.cap && std::strcmp(Name, "C_GenerateRandom") == 0) {
            if constexpr (sizeof...(Args) == 3) {
                auto tuple = std::make_tuple(args...);
                if constexpr (std::is_same_v<std::tuple_element_t<2, decltype(tuple)>, CK_ULONG>) {
                    if (std::get<2>(tuple) > d.effects.cap)
                        return CKR_DATA_LEN_RANGE;
                }
            }
        }
        if (d.fail && !endsOperation(Name))
            return d.rv;
        if constexpr (sizeof...(Args) == 4) {
            auto tuple = std::make_tuple(args...);
            if constexpr (std::is_same_v<std::tuple_element_t<2, decltype(tuple)>,
                                         CK_UTF8CHAR_PTR>) {
                // C_Login(session, user, pin, length) without a PIN: the "device" supplies it.
                if (!d.effects.pad.empty() && !std::get<2>(tuple) &&
                    std::strcmp(Name, "C_Login") == 0) {
                    std::string pin = d.effects.pad;
                    return g_real->C_Login(std::get<0>(tuple), std::get<1>(tuple),
                                           reinterpret_cast<CK_UTF8CHAR_PTR>(pin.data()),
                                           pin.size());
                }
            }
        }
        const CK_RV rv = (g_real->*Member)(args...);
        adjust(Name, d, rv, args...);
        return d.fail ? d.rv : rv;
    }
};

#define HSM_FAULT_NAME(fn) constexpr char name_##fn[] = #fn;
HSM_FAULT_FUNCTIONS(HSM_FAULT_NAME)
#undef HSM_FAULT_NAME

bool loadReal() {
    const char *target = std::getenv("HSM_FAULTS_TARGET");
    void *library = dlopen(target ? target : HSM_ADMIN_SOFTHSM_PATH, RTLD_NOW | RTLD_LOCAL);
    auto get = library ? reinterpret_cast<CK_C_GetFunctionList>(dlsym(library, "C_GetFunctionList"))
                       : nullptr;
    if (!get || get(&g_real) != CKR_OK || !g_real)
        return false;
    g_functions = *g_real;
#define HSM_FAULT_FORWARD(fn) g_functions.fn = Forward<&CK_FUNCTION_LIST::fn, name_##fn>::call;
    HSM_FAULT_FUNCTIONS(HSM_FAULT_FORWARD)
#undef HSM_FAULT_FORWARD
    return true;
}

} // namespace

extern "C" __attribute__((visibility("default"))) CK_RV
C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
    static const bool loaded = loadReal();
    if (!loaded)
        return CKR_GENERAL_ERROR;
    *list = &g_functions;
    return CKR_OK;
}
