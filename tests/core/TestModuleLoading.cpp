// SPDX-License-Identifier: Apache-2.0
// Loading PKCS#11 libraries: a good one, and each way a bad one fails, without crashing.
#include "core/pkcs11/Module.h"
#include "core/token/Inventory.h"
#include "tests/support/RawPkcs11.h"
#include "tests/support/SoftHsmFixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <elf.h>
#include <unistd.h>

using namespace hsm;
using namespace hsm::test;

class TestModuleLoading : public QObject {
    Q_OBJECT

    static Error loadError(const QString &path) {
        auto loaded = Module::load(path, std::make_shared<CallTrace>());
        if (loaded)
            return Error::make(Error::Kind::Input, QStringLiteral("unexpectedly loaded"));
        return loaded.error();
    }

    // A copy of a real ELF header with another machine or class, so the file is
    // unmistakably a library for some other computer.
    static QString foreignElf(const QTemporaryDir &dir, int elfClass, int machine) {
        QFile own(SoftHsmFixture::modulePath());
        own.open(QIODevice::ReadOnly);
        QByteArray bytes = own.read(4096);
        bytes[EI_CLASS] = static_cast<char>(elfClass);
        Elf64_Ehdr header;
        memcpy(&header, bytes.constData(), sizeof header);
        header.e_machine = static_cast<Elf64_Half>(machine);
        memcpy(bytes.data() + offsetof(Elf64_Ehdr, e_machine), &header.e_machine,
               sizeof header.e_machine);
        const QString path =
            dir.filePath(QStringLiteral("libforeign-%1-%2.so").arg(elfClass).arg(machine));
        QFile out(path);
        out.open(QIODevice::WriteOnly);
        out.write(bytes);
        return path;
    }

private Q_SLOTS:
    void loadsSoftHsm() {
        SoftHsmFixture fixture;
        auto trace = std::make_shared<CallTrace>();
        auto loaded = Module::load(SoftHsmFixture::modulePath(), trace);
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        QVERIFY(loaded.value()->initializedByUs());
        auto info = inventory::moduleInfo(*loaded.value());
        QVERIFY(info);
        QCOMPARE(info->manufacturer, QStringLiteral("SoftHSM"));
        QCOMPARE(info->cryptokiVersion.left(2), QStringLiteral("2."));
        QCOMPARE(trace->countOf("C_Initialize"), 1);
        loaded.value().reset();
        QCOMPARE(trace->countOf("C_Finalize"), 1);
    }

    void finalizesExactlyOnceAcrossReinitialize() {
        SoftHsmFixture fixture;
        auto trace = std::make_shared<CallTrace>();
        auto loaded = Module::load(SoftHsmFixture::modulePath(), trace);
        QVERIFY(loaded);
        QVERIFY(loaded.value()->reinitialize());
        QCOMPARE(trace->countOf("C_Finalize"), 1);
        QCOMPARE(trace->countOf("C_Initialize"), 2);
        loaded.value().reset();
        QCOMPARE(trace->countOf("C_Finalize"), 2);
    }

    void acceptsAnAlreadyInitializedLibraryAndLeavesItInitialized() {
        SoftHsmFixture fixture;
        RawPkcs11 other(SoftHsmFixture::modulePath());
        QVERIFY(other.isLoaded());
        QCOMPARE(other.f()->C_Initialize(nullptr), CKR_OK);
        auto trace = std::make_shared<CallTrace>();
        {
            auto loaded = Module::load(SoftHsmFixture::modulePath(), trace);
            QVERIFY2(loaded, qPrintable(loaded.error().toString()));
            QVERIFY(!loaded.value()->initializedByUs());
            QVERIFY(inventory::moduleInfo(*loaded.value())->sharedInitialize);
        }
        QCOMPARE(trace->countOf("C_Finalize"), 0);
        // Still initialized for its other user: a second finalize would fail.
        CK_INFO info;
        QCOMPARE(other.f()->C_GetInfo(&info), CKR_OK);
        QCOMPARE(other.f()->C_Finalize(nullptr), CKR_OK);
    }

    void retriesWithoutLockingOnCantLock() {
        auto trace = std::make_shared<CallTrace>();
        auto loaded = Module::load(QStringLiteral(HSM_TEST_CANTLOCK), trace);
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        QVERIFY(loaded.value()->withoutLocking());
        QVERIFY(loaded.value()->initializedByUs());
        const auto calls = trace->snapshot();
        QCOMPARE(calls.size(), 3); // C_GetFunctionList, C_Initialize (refused), C_Initialize
        QCOMPARE(calls[1].rv, CKR_CANT_LOCK);
        QCOMPARE(calls[2].rv, CKR_OK);
        auto info = inventory::moduleInfo(*loaded.value());
        QVERIFY(info);
        QVERIFY(info->withoutLocking);
        QCOMPARE(info->description, QStringLiteral("refuses OS locking"));
        // A function the module leaves out answers CKR_FUNCTION_NOT_SUPPORTED, not a crash.
        auto slots = inventory::slots(*loaded.value());
        QVERIFY(!slots);
        QCOMPARE(slots.error().rv, CKR_FUNCTION_NOT_SUPPORTED);
        QCOMPARE(slots.error().function, QStringLiteral("C_GetSlotList"));
        loaded.value().reset();
        QCOMPARE(trace->countOf("C_Finalize"), 1);
        QCOMPARE(trace->snapshot().last().rv, CKR_OK);
    }

    void initializeFailureNamesTheFunction() {
        SoftHsmFixture fixture;
        qputenv("SOFTHSM2_CONF", QByteArrayLiteral("/nonexistent/softhsm2.conf"));
        const Error e = loadError(SoftHsmFixture::modulePath());
        QCOMPARE(e.function, QStringLiteral("C_Initialize"));
        QVERIFY2(e.toString().startsWith(QStringLiteral("C_Initialize returned CKR_")),
                 qPrintable(e.toString()));
    }

    void badLibraries_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/libvendor.so")
                                 << QStringLiteral("does not exist");
        QTest::newRow("directory")
            << QStringLiteral("/usr/lib") << QStringLiteral("is a directory");
        QTest::newRow("not pkcs11")
            << QStringLiteral(HSM_TEST_NOTPKCS11)
            << QStringLiteral("not a PKCS#11 module (it has no C_GetFunctionList)");
        QTest::newRow("missing dependency") << QStringLiteral(HSM_TEST_NEEDSABSENT)
                                            << QStringLiteral("needs libhsmadmin_absent.so");
    }

    void badLibraries() {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const Error e = loadError(path);
        QCOMPARE(e.kind, Error::Kind::Library);
        QVERIFY2(e.message.contains(reason), qPrintable(e.message));
        QVERIFY(!e.message.contains(QLatin1Char('\n')));
    }

    void badFiles() {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.so"));
        QFile(empty).open(QIODevice::WriteOnly);
        QVERIFY(loadError(empty).message.contains(QStringLiteral("is an empty file")));

        const QString text = dir.filePath(QStringLiteral("libtext.so"));
        QFile t(text);
        t.open(QIODevice::WriteOnly);
        t.write("/* GNU ld script */\nINPUT(libfoo.so)\n");
        t.close();
        QVERIFY(loadError(text).message.contains(QStringLiteral("is a text file")));

        const QString binary = dir.filePath(QStringLiteral("random.bin"));
        QFile b(binary);
        b.open(QIODevice::WriteOnly);
        b.write(QByteArray("\x00\x01\x02\xff\xfe", 5).repeated(20));
        b.close();
        QVERIFY(loadError(binary).message.contains(QStringLiteral("not an ELF file")));

        const QString arm = foreignElf(dir, ELFCLASS64, EM_AARCH64);
        Error e = loadError(arm);
        QVERIFY2(e.message.contains(QStringLiteral("built for ARM64 (aarch64)")),
                 qPrintable(e.message));
        const QString x86 = foreignElf(dir, ELFCLASS32, EM_386);
        e = loadError(x86);
        QVERIFY2(e.message.contains(QStringLiteral("32-bit x86 (32-bit)")), qPrintable(e.message));
    }

    void unreadableFile() {
        if (geteuid() == 0)
            QSKIP("root reads every file");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.so"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("x");
        f.close();
        f.setPermissions(QFileDevice::Permissions());
        QVERIFY(loadError(path).message.contains(QStringLiteral("cannot be read")));
    }
};

QTEST_GUILESS_MAIN(TestModuleLoading)
#include "TestModuleLoading.moc"
