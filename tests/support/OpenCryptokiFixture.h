// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <p11-kit/pkcs11.h>

#include <functional>
#include <sys/types.h>

namespace hsm::test {

// openCryptoki's software token as a second real PKCS#11 module beside SoftHSM. Unlike
// SoftHSM its token store is machine-wide (/var/lib/opencryptoki/swtok) and it only works
// while the slot daemon pkcsslotd runs, as root. start() brings the daemon up when it is
// not running and re-initialises the token, so every test begins with an empty token
// labelled kTokenLabel; the destructor stops the daemon only if start() started it.
// Tests using it share the machine: register them with RESOURCE_LOCK opencryptoki. One
// fixture at a time per process; across processes a lock file serialises them.
class OpenCryptokiFixture {
public:
    static constexpr CK_SLOT_ID kSlot = 3;         // the software token in opencryptoki.conf
    static constexpr char kSoPin[] = "87654321";   // openCryptoki's default SO PIN
    static constexpr char kUserPin[] = "ock-1234"; // 4 to 8 characters
    // Only a token with this label (or none) is ever re-initialised.
    static constexpr char kTokenLabel[] = "hsm-admin-test";
    static constexpr char kDaemon[] = "/usr/sbin/pkcsslotd";

    OpenCryptokiFixture();
    ~OpenCryptokiFixture();
    OpenCryptokiFixture(const OpenCryptokiFixture &) = delete;
    OpenCryptokiFixture &operator=(const OpenCryptokiFixture &) = delete;

    static QString modulePath();
    // The pid of a running pkcsslotd, 0 when none runs.
    static pid_t runningDaemonPid();
    // Whether `pid` is a pkcsslotd that has not exited.
    static bool daemonAlive(pid_t pid);

    // Makes the token ready: daemon running, token initialised afresh as kTokenLabel with
    // kSoPin and kUserPin and no objects. False with a one-line reason otherwise; then
    // unavailable() says whether the reason is this machine (skip: not root, not installed,
    // the token is someone else's or its SO PIN changed) or a fault (fail the test).
    // HSM_OPENCRYPTOKI_START_OR_SKIP does both.
    bool start(QString *whyNot);
    bool unavailable() const { return m_unavailable; }
    // The daemon this fixture started and will stop; 0 when it was already running.
    pid_t startedDaemonPid() const { return m_startedPid; }

    // Environment for child processes (pkcs11-tool, the CLI): nothing openCryptoki needs,
    // but without the variables that would point the CLI at another module, and with the
    // CLI's own data inside the fixture.
    QStringList environment() const;

    // Runs `work` in a read/write session logged in as the user, with the library
    // initialised only for that; returns its CK_RV (CKR_OK on success).
    CK_RV withSession(const std::function<CK_RV(CK_FUNCTION_LIST *, CK_SESSION_HANDLE)> &work,
                      QString *error = nullptr);

private:
    bool startDaemon(QString *whyNot);
    bool initToken(QString *whyNot);
    void stopDaemon();
    bool skip(QString *whyNot, const QString &reason);
    bool fail(QString *whyNot, const QString &reason);

    QTemporaryDir m_dir;
    int m_lockFd = -1;
    pid_t m_startedPid = 0;
    bool m_unavailable = false;
    bool m_started = false;
};

} // namespace hsm::test

// In a QtTest function: starts `fixture`, skipping the test when openCryptoki cannot be
// used on this machine and failing it when the fixture itself broke.
#define HSM_OPENCRYPTOKI_START_OR_SKIP(fixture)                                                    \
    do {                                                                                           \
        QString hsmOckWhyNot_;                                                                     \
        if (!(fixture).start(&hsmOckWhyNot_)) {                                                    \
            if ((fixture).unavailable())                                                           \
                QSKIP(qPrintable(hsmOckWhyNot_));                                                  \
            QFAIL(qPrintable(hsmOckWhyNot_));                                                      \
        }                                                                                          \
    } while (false)
