// SPDX-License-Identifier: Apache-2.0
// hsm-bench-floor: what PKCS#11 itself costs, with nothing of ours in the way. A bare
// dlopen + C_GetFunctionList and plain loops over the function list:
//   list          find every object, then one C_GetAttributeValue each for CKA_CLASS,
//                 CKA_KEY_TYPE, CKA_LABEL and CKA_ID; one line per object on stdout
//   first-rows N  after login: the same search, then the first N rows read; prints the
//                 milliseconds (the GUI's first rows without the GUI)
//   hmac N        N x (C_SignInit(CKM_SHA256_HMAC) + C_Sign) of a 64-byte message with the
//                 key labelled $BENCH_KEY_LABEL; prints operations per second
//   random BYTES  C_GenerateRandom in 1 MiB chunks, each written to stdout as it comes
// The library is $PKCS11_LIB_PATH, the token $HSM_TOKEN_LABEL, the PIN $HSM_PIN.
#include <p11-kit/pkcs11.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <vector>

namespace {

CK_FUNCTION_LIST *f = nullptr;

[[noreturn]] void die(const char *what, CK_RV rv = CKR_OK) {
    std::fprintf(stderr, "hsm-bench-floor: %s (0x%lx)\n", what, static_cast<unsigned long>(rv));
    std::exit(1);
}

void check(CK_RV rv, const char *what) {
    if (rv != CKR_OK)
        die(what, rv);
}

const char *env(const char *name) {
    const char *value = std::getenv(name);
    if (!value || !*value) {
        std::fprintf(stderr, "hsm-bench-floor: set %s\n", name);
        std::exit(2);
    }
    return value;
}

// A session on the $HSM_TOKEN_LABEL token, logged in with $HSM_PIN when `logIn`.
CK_SESSION_HANDLE openSession(bool logIn) {
    void *lib = dlopen(env("PKCS11_LIB_PATH"), RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        die("dlopen");
    auto get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(lib, "C_GetFunctionList"));
    if (!get)
        die("no C_GetFunctionList");
    check(get(&f), "C_GetFunctionList");
    CK_C_INITIALIZE_ARGS args{};
    args.flags = CKF_OS_LOCKING_OK;
    check(f->C_Initialize(&args), "C_Initialize");

    std::string wanted = env("HSM_TOKEN_LABEL");
    wanted.resize(32, ' ');
    CK_ULONG count = 0;
    check(f->C_GetSlotList(CK_TRUE, nullptr, &count), "C_GetSlotList");
    std::vector<CK_SLOT_ID> slots(count);
    check(f->C_GetSlotList(CK_TRUE, slots.data(), &count), "C_GetSlotList");
    for (CK_ULONG i = 0; i < count; ++i) {
        CK_TOKEN_INFO info{};
        if (f->C_GetTokenInfo(slots[i], &info) != CKR_OK ||
            std::memcmp(info.label, wanted.data(), 32) != 0)
            continue;
        CK_SESSION_HANDLE session = 0;
        check(f->C_OpenSession(slots[i], CKF_SERIAL_SESSION, nullptr, nullptr, &session),
              "C_OpenSession");
        if (!logIn)
            return session;
        const char *pin = env("HSM_PIN");
        check(f->C_Login(session, CKU_USER,
                         reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(pin)),
                         std::strlen(pin)),
              "C_Login");
        return session;
    }
    die("no token with that label");
}

void finish(CK_SESSION_HANDLE session) {
    f->C_CloseSession(session);
    f->C_Finalize(nullptr);
}

std::vector<CK_OBJECT_HANDLE> findAll(CK_SESSION_HANDLE session, CK_ATTRIBUTE *query,
                                      CK_ULONG queryCount) {
    std::vector<CK_OBJECT_HANDLE> all;
    check(f->C_FindObjectsInit(session, query, queryCount), "C_FindObjectsInit");
    CK_OBJECT_HANDLE batch[1024];
    CK_ULONG found = 0;
    do {
        check(f->C_FindObjects(session, batch, 1024, &found), "C_FindObjects");
        all.insert(all.end(), batch, batch + found);
    } while (found > 0);
    check(f->C_FindObjectsFinal(session), "C_FindObjectsFinal");
    return all;
}

// One object's row: CKA_CLASS, CKA_KEY_TYPE, CKA_LABEL and CKA_ID, one call each.
void printRow(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE h, FILE *out) {
    CK_OBJECT_CLASS cls = CK_UNAVAILABLE_INFORMATION;
    CK_KEY_TYPE type = CK_UNAVAILABLE_INFORMATION;
    char label[256];
    unsigned char id[256];
    CK_ATTRIBUTE a{CKA_CLASS, &cls, sizeof cls};
    f->C_GetAttributeValue(session, h, &a, 1);
    a = {CKA_KEY_TYPE, &type, sizeof type};
    f->C_GetAttributeValue(session, h, &a, 1);
    a = {CKA_LABEL, label, sizeof label};
    const CK_ULONG labelLength =
        f->C_GetAttributeValue(session, h, &a, 1) == CKR_OK ? a.ulValueLen : 0;
    a = {CKA_ID, id, sizeof id};
    const CK_ULONG idLength =
        f->C_GetAttributeValue(session, h, &a, 1) == CKR_OK ? a.ulValueLen : 0;
    char idHex[2 * sizeof id + 1];
    for (CK_ULONG i = 0; i < idLength; ++i)
        std::snprintf(idHex + 2 * i, 3, "%02x", id[i]);
    idHex[2 * idLength] = '\0';
    std::fprintf(out, "%lu\t%lu\t%.*s\t%s\n", static_cast<unsigned long>(cls),
                 static_cast<unsigned long>(type), static_cast<int>(labelLength), label, idHex);
}

int list() {
    const CK_SESSION_HANDLE session = openSession(true);
    for (CK_OBJECT_HANDLE h : findAll(session, nullptr, 0))
        printRow(session, h, stdout);
    finish(session);
    return 0;
}

// The GUI's first rows without the GUI: from login done to the first `count` rows read.
int firstRows(long count) {
    const CK_SESSION_HANDLE session = openSession(true);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<CK_OBJECT_HANDLE> objects = findAll(session, nullptr, 0);
    const auto searched = std::chrono::steady_clock::now();
    FILE *sink = std::fopen("/dev/null", "w");
    if (!sink)
        die("opening /dev/null");
    for (size_t i = 0; i < objects.size() && i < static_cast<size_t>(count); ++i)
        printRow(session, objects[i], sink);
    std::fclose(sink);
    const auto done = std::chrono::steady_clock::now();
    std::printf("first_rows_ms=%.1f\nsearch_ms=%.1f\n",
                std::chrono::duration<double, std::milli>(done - start).count(),
                std::chrono::duration<double, std::milli>(searched - start).count());
    finish(session);
    return 0;
}

int hmac(long count) {
    const CK_SESSION_HANDLE session = openSession(true);
    CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
    const char *label = env("BENCH_KEY_LABEL");
    CK_ATTRIBUTE query[] = {{CKA_CLASS, &cls, sizeof cls},
                            {CKA_LABEL, const_cast<char *>(label), std::strlen(label)}};
    const std::vector<CK_OBJECT_HANDLE> keys = findAll(session, query, 2);
    if (keys.size() != 1)
        die("want exactly one key with BENCH_KEY_LABEL");
    CK_MECHANISM mechanism{CKM_SHA256_HMAC, nullptr, 0};
    unsigned char message[64];
    std::memset(message, 0x5a, sizeof message);
    unsigned char mac[32];
    const auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < count; ++i) {
        check(f->C_SignInit(session, &mechanism, keys[0]), "C_SignInit");
        CK_ULONG macLength = sizeof mac;
        check(f->C_Sign(session, message, sizeof message, mac, &macLength), "C_Sign");
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%.1f\n", count / seconds);
    finish(session);
    return 0;
}

int random(long long bytes) {
    // Random numbers need no login; `hsm-admin-cli random` does not log in either.
    const CK_SESSION_HANDLE session = openSession(false);
    constexpr CK_ULONG kChunk = 1 << 20;
    // One chunk, reused and written out as it comes: the least a caller can do.
    std::vector<unsigned char> buffer(static_cast<size_t>(std::min<long long>(kChunk, bytes)));
    for (long long done = 0; done < bytes;) {
        const CK_ULONG n = static_cast<CK_ULONG>(std::min<long long>(kChunk, bytes - done));
        check(f->C_GenerateRandom(session, buffer.data(), n), "C_GenerateRandom");
        if (std::fwrite(buffer.data(), 1, n, stdout) != n)
            die("writing stdout");
        done += n;
    }
    finish(session);
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    const std::string job = argc > 1 ? argv[1] : "";
    if (job == "list" && argc == 2)
        return list();
    if (job == "first-rows" && argc == 3)
        return firstRows(std::atol(argv[2]));
    if (job == "hmac" && argc == 3)
        return hmac(std::atol(argv[2]));
    if (job == "random" && argc == 3)
        return random(std::atoll(argv[2]));
    std::fprintf(stderr, "usage: hsm-bench-floor list | first-rows N | hmac N | random BYTES\n");
    return 2;
}
