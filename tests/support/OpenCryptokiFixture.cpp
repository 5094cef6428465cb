// SPDX-License-Identifier: Apache-2.0
#include "tests/support/OpenCryptokiFixture.h"

#include "core/base/Pkcs11Names.h"
#include "tests/support/RawPkcs11.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QThread>
#include <QtDebug>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef HSM_ADMIN_OPENCRYPTOKI_PATH
#define HSM_ADMIN_OPENCRYPTOKI_PATH "/usr/lib/x86_64-linux-gnu/opencryptoki/libopencryptoki.so.0"
#endif

extern char **environ;

namespace hsm::test {
namespace {

// Bounds on waiting for the daemon, only so that a daemon that never comes up or never
// goes away ends in a clear failure instead of a hung test; nothing is measured.
constexpr int kDaemonWaitMs = 30000;
constexpr int kPollMs = 20;

// The daemon's socket: where 3.8 puts it, and where later releases do.
const char *const kSocketPaths[] = {"/run/pkcsslotd.socket", "/var/run/pkcsslotd.socket",
                                    "/run/opencryptoki/pkcsslotd.socket"};

// One fixture per process: a second would wait forever on the lock the first holds.
bool s_fixtureAlive = false;
// Once the token refused the SO PIN, later fixtures of the process skip without trying it
// again, so a run does not pile up failed attempts on somebody's token.
QString s_soPinRefused;

QString rvText(CK_RV rv) {
    const char *name = knownReturnValueName(rv);
    return name ? QString::fromLatin1(name) : QStringLiteral("0x%1").arg(rv, 0, 16);
}

QString trimmed(const CK_UTF8CHAR *text, size_t size) {
    return QString::fromUtf8(reinterpret_cast<const char *>(text), static_cast<qsizetype>(size))
        .trimmed();
}

CK_UTF8CHAR_PTR pin(const char *text) {
    return reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(text));
}

// The process's state letter from /proc/<pid>/stat, 0 when there is no such process.
char processState(pid_t pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close >= 0 && close + 2 < line.size() ? line.at(close + 2) : 0;
}

// A zombie has exited: its parent has only not reaped it yet.
bool isAlive(pid_t pid) {
    const char state = processState(pid);
    return state != 0 && state != 'Z' && state != 'X';
}

bool isDaemon(pid_t pid) {
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "pkcsslotd" &&
           isAlive(pid);
}

bool socketExists() {
    for (const char *path : kSocketPaths) {
        if (QFileInfo::exists(QString::fromLatin1(path)))
            return true;
    }
    return false;
}

QString lockPath() {
    const QString dir = QFileInfo(QStringLiteral("/run/lock")).isDir() ? QStringLiteral("/run/lock")
                                                                       : QDir::tempPath();
    return dir + QStringLiteral("/hsm-admin-test-opencryptoki.lock");
}

} // namespace

OpenCryptokiFixture::OpenCryptokiFixture() = default;

OpenCryptokiFixture::~OpenCryptokiFixture() {
    stopDaemon();
    if (m_lockFd >= 0) {
        ::close(m_lockFd); // releases the flock
        s_fixtureAlive = false;
    }
}

QString OpenCryptokiFixture::modulePath() {
    return QStringLiteral(HSM_ADMIN_OPENCRYPTOKI_PATH);
}

pid_t OpenCryptokiFixture::runningDaemonPid() {
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool number = false;
        const pid_t pid = static_cast<pid_t>(entry.toInt(&number));
        if (number && isDaemon(pid))
            return pid;
    }
    return 0;
}

bool OpenCryptokiFixture::daemonAlive(pid_t pid) {
    return pid > 0 && isDaemon(pid);
}

bool OpenCryptokiFixture::skip(QString *whyNot, const QString &reason) {
    m_unavailable = true;
    if (whyNot)
        *whyNot = reason;
    return false;
}

bool OpenCryptokiFixture::fail(QString *whyNot, const QString &reason) {
    m_unavailable = false;
    if (whyNot)
        *whyNot = reason;
    return false;
}

bool OpenCryptokiFixture::start(QString *whyNot) {
    if (m_started)
        return true;
    if (::geteuid() != 0)
        return skip(
            whyNot,
            QStringLiteral("needs root to start pkcsslotd (running as uid %1)").arg(::geteuid()));
    if (!QFileInfo(QLatin1String(kDaemon)).isExecutable() || !QFileInfo::exists(modulePath()))
        return skip(whyNot, QStringLiteral("openCryptoki is not installed (no %1 or no %2): "
                                           "apt install opencryptoki")
                                .arg(QLatin1String(kDaemon), modulePath()));
    // libopencryptoki 3.8 and its token libraries use libitm, which does not survive being
    // unloaded and loaded again in one process: a C_Initialize after a dlclose() crashes
    // in _ITM_beginTransaction. Kept loaded from here on, every later dlopen() of the
    // module (RawPkcs11, the core) finds it in place.
    static void *const pinned =
        dlopen(QFile::encodeName(modulePath()).constData(), RTLD_NOW | RTLD_NODELETE);
    if (!pinned)
        return fail(whyNot, QStringLiteral("cannot load %1: %2")
                                .arg(modulePath(), QString::fromLocal8Bit(dlerror())));
    if (m_lockFd < 0) {
        if (s_fixtureAlive)
            return fail(whyNot, QStringLiteral("another OpenCryptokiFixture is alive in this "
                                               "process; use one at a time"));
        // The token store is machine-wide: another test process (another build tree, say)
        // must not re-initialise the token under this one.
        const QByteArray path = QFile::encodeName(lockPath());
        m_lockFd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_lockFd < 0)
            return fail(whyNot, QStringLiteral("cannot open the lock file %1: %2")
                                    .arg(lockPath(), QString::fromLocal8Bit(strerror(errno))));
        int locked = -1;
        do {
            locked = ::flock(m_lockFd, LOCK_EX);
        } while (locked != 0 && errno == EINTR);
        if (locked != 0) {
            const QString error = QString::fromLocal8Bit(strerror(errno));
            ::close(m_lockFd);
            m_lockFd = -1;
            return fail(whyNot, QStringLiteral("cannot lock %1: %2").arg(lockPath(), error));
        }
        s_fixtureAlive = true;
    }
    if (!startDaemon(whyNot) || !initToken(whyNot))
        return false;
    m_started = true;
    return true;
}

bool OpenCryptokiFixture::startDaemon(QString *whyNot) {
    if (runningDaemonPid() != 0)
        return true;

    // Standard streams on /dev/null and every other descriptor closed: the daemon outlives
    // the test and must not hold CI's pipes (or anything else of ours) open.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    // Default signal handling and no blocked signals, whatever this process set up, so
    // the SIGTERM that stops it is delivered.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    char *argv[] = {const_cast<char *>(kDaemon), nullptr};
    pid_t launcher = 0;
    const int spawned = posix_spawn(&launcher, kDaemon, &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0)
        return fail(whyNot,
                    QStringLiteral("cannot run %1: %2")
                        .arg(QLatin1String(kDaemon), QString::fromLocal8Bit(strerror(spawned))));

    // pkcsslotd forks the daemon and its first process exits.
    QDeadlineTimer deadline(kDaemonWaitMs);
    int status = 0;
    pid_t reaped = 0;
    while ((reaped = ::waitpid(launcher, &status, WNOHANG)) == 0 && !deadline.hasExpired())
        QThread::msleep(kPollMs);
    if (reaped == 0) {
        ::kill(launcher, SIGKILL);
        ::waitpid(launcher, &status, 0);
        return fail(whyNot, QStringLiteral("%1 did not detach within %2 s")
                                .arg(QLatin1String(kDaemon))
                                .arg(kDaemonWaitMs / 1000));
    }
    if (reaped < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail(whyNot,
                    QStringLiteral("%1 failed to start (status %2); its reason is in the system "
                                   "log")
                        .arg(QLatin1String(kDaemon))
                        .arg(WIFEXITED(status) ? WEXITSTATUS(status) : -1));

    // The daemon serves once its socket is there.
    while (!deadline.hasExpired()) {
        m_startedPid = runningDaemonPid();
        if (m_startedPid != 0 && socketExists())
            break;
        QThread::msleep(kPollMs);
    }
    m_startedPid = runningDaemonPid(); // stopped by the destructor even if it never served
    if (m_startedPid == 0)
        return fail(whyNot, QStringLiteral("%1 exited at once after starting; its reason is in "
                                           "the system log")
                                .arg(QLatin1String(kDaemon)));
    if (!socketExists())
        return fail(whyNot, QStringLiteral("%1 started but its socket did not appear within %2 s")
                                .arg(QLatin1String(kDaemon))
                                .arg(kDaemonWaitMs / 1000));
    return true;
}

void OpenCryptokiFixture::stopDaemon() {
    const pid_t pid = m_startedPid;
    m_startedPid = 0;
    // Only the daemon this fixture started, and only if that pid is still a pkcsslotd.
    if (pid == 0 || !isDaemon(pid))
        return;
    ::kill(pid, SIGTERM);
    QDeadlineTimer deadline(kDaemonWaitMs);
    while (isAlive(pid) && !deadline.hasExpired())
        QThread::msleep(kPollMs);
    if (isAlive(pid)) {
        qWarning("pkcsslotd (pid %d) ignored SIGTERM for %d s; killing it", int(pid),
                 kDaemonWaitMs / 1000);
        ::kill(pid, SIGKILL);
        QDeadlineTimer killed(kDaemonWaitMs);
        while (isAlive(pid) && !killed.hasExpired())
            QThread::msleep(kPollMs);
    }
}

bool OpenCryptokiFixture::initToken(QString *whyNot) {
    RawPkcs11 lib(modulePath());
    if (!lib.isLoaded())
        return fail(whyNot, QStringLiteral("cannot load %1").arg(modulePath()));
    CK_FUNCTION_LIST *f = lib.f();
    CK_RV rv = f->C_Initialize(nullptr);
    if (rv != CKR_OK)
        return fail(whyNot, QStringLiteral("C_Initialize of %1 failed: %2 (is pkcsslotd serving?)")
                                .arg(modulePath(), rvText(rv)));
    // Every way out finalises the library, so the next user can initialise it again.
    struct Finalize {
        CK_FUNCTION_LIST *f;
        ~Finalize() { f->C_Finalize(nullptr); }
    } finalize{f};

    CK_TOKEN_INFO info{};
    rv = f->C_GetTokenInfo(kSlot, &info);
    if (rv == CKR_SLOT_ID_INVALID || rv == CKR_TOKEN_NOT_PRESENT)
        return skip(whyNot, QStringLiteral("openCryptoki has no token in slot %1 (%2): its "
                                           "software token is configured elsewhere in "
                                           "/etc/opencryptoki/opencryptoki.conf")
                                .arg(kSlot)
                                .arg(rvText(rv)));
    if (rv != CKR_OK)
        return fail(
            whyNot,
            QStringLiteral("C_GetTokenInfo(slot %1) failed: %2").arg(kSlot).arg(rvText(rv)));
    const QString label = trimmed(info.label, sizeof info.label);
    if ((info.flags & CKF_TOKEN_INITIALIZED) && label != QLatin1String(kTokenLabel))
        return skip(whyNot, QStringLiteral("openCryptoki's soft token (slot %1) is initialised "
                                           "as \"%2\", not %3: it is someone else's, and the "
                                           "tests never wipe it")
                                .arg(kSlot)
                                .arg(label, QLatin1String(kTokenLabel)));

    // C_InitToken wipes every object: each test starts from an empty token.
    if (!s_soPinRefused.isEmpty())
        return skip(whyNot, s_soPinRefused);
    CK_UTF8CHAR padded[32];
    std::memset(padded, ' ', sizeof padded);
    std::memcpy(padded, kTokenLabel, std::strlen(kTokenLabel));
    rv = f->C_InitToken(kSlot, pin(kSoPin), std::strlen(kSoPin), padded);
    if (rv == CKR_PIN_INCORRECT || rv == CKR_PIN_LOCKED || rv == CKR_PIN_INVALID ||
        rv == CKR_PIN_LEN_RANGE)
        return skip(whyNot,
                    s_soPinRefused =
                        QStringLiteral("C_InitToken on openCryptoki's soft token refused the "
                                       "SO PIN %1 (%2): its SO PIN was changed, so the "
                                       "tests cannot re-initialise it")
                            .arg(QLatin1String(kSoPin), rvText(rv)));
    if (rv != CKR_OK)
        return fail(whyNot, QStringLiteral("C_InitToken on openCryptoki's soft token failed: %1%2")
                                .arg(rvText(rv), rv == CKR_SESSION_EXISTS
                                                     ? QStringLiteral(" (a session is open on it)")
                                                     : QString()));

    auto step = [&](const char *what, CK_RV result) {
        return fail(whyNot, QStringLiteral("%1 on openCryptoki's soft token failed: %2")
                                .arg(QLatin1String(what), rvText(result)));
    };
    CK_SESSION_HANDLE session = 0;
    rv = f->C_OpenSession(kSlot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &session);
    if (rv != CKR_OK)
        return step("C_OpenSession", rv);
    rv = f->C_Login(session, CKU_SO, pin(kSoPin), std::strlen(kSoPin));
    if (rv != CKR_OK) {
        f->C_CloseSession(session);
        return step("C_Login as SO", rv);
    }
    rv = f->C_InitPIN(session, pin(kUserPin), std::strlen(kUserPin));
    f->C_Logout(session);
    f->C_CloseSession(session);
    if (rv != CKR_OK)
        return step("C_InitPIN", rv);

    // The user PIN works before any test relies on it.
    rv = f->C_OpenSession(kSlot, CKF_SERIAL_SESSION, nullptr, nullptr, &session);
    if (rv != CKR_OK)
        return step("C_OpenSession", rv);
    rv = f->C_Login(session, CKU_USER, pin(kUserPin), std::strlen(kUserPin));
    if (rv == CKR_OK)
        f->C_Logout(session);
    f->C_CloseSession(session);
    if (rv != CKR_OK)
        return step("C_Login with the new user PIN", rv);
    return true;
}

QStringList OpenCryptokiFixture::environment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PKCS11_LIB_PATH"));
    env.remove(QStringLiteral("HSM_SLOT"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path() + QStringLiteral("/config"));
    return env.toStringList();
}

CK_RV OpenCryptokiFixture::withSession(
    const std::function<CK_RV(CK_FUNCTION_LIST *, CK_SESSION_HANDLE)> &work, QString *error) {
    auto report = [error](const QString &what, CK_RV rv) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(what, rvText(rv));
        return rv;
    };
    if (!m_started)
        return report(QStringLiteral("the fixture was not started"), CKR_CRYPTOKI_NOT_INITIALIZED);
    RawPkcs11 lib(modulePath());
    CK_FUNCTION_LIST *f = lib.f();
    if (!f)
        return report(QStringLiteral("cannot load %1").arg(modulePath()), CKR_GENERAL_ERROR);
    CK_RV rv = f->C_Initialize(nullptr);
    if (rv != CKR_OK)
        return report(QStringLiteral("C_Initialize"), rv);
    CK_SESSION_HANDLE session = 0;
    rv = f->C_OpenSession(kSlot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &session);
    if (rv != CKR_OK) {
        f->C_Finalize(nullptr);
        return report(QStringLiteral("C_OpenSession"), rv);
    }
    rv = f->C_Login(session, CKU_USER, pin(kUserPin), std::strlen(kUserPin));
    if (rv != CKR_OK) {
        f->C_CloseSession(session);
        f->C_Finalize(nullptr);
        return report(QStringLiteral("C_Login"), rv);
    }
    rv = work(f, session);
    f->C_Logout(session);
    f->C_CloseSession(session);
    f->C_Finalize(nullptr);
    if (rv != CKR_OK)
        return report(QStringLiteral("working on openCryptoki's soft token"), rv);
    return CKR_OK;
}

} // namespace hsm::test
