// SPDX-License-Identifier: Apache-2.0
// Hostile input to the core: broken libraries and odd library paths, malformed and huge
// fragments files, tricky env files and docker run commands, names and labels with
// control characters or beyond PKCS#11's limits, and output targets that must never be
// written (devices, pipes, folders, full disks). Each refusal is one exact line, and a
// refused write leaves the folder exactly as it was.
#include "core/client/HsmClient.h"
#include "core/files/OutputFile.h"
#include "core/fragment/FragmentFile.h"
#include "core/fragment/FragmentGenerator.h"
#include "core/gateway/EnvFile.h"
#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayImport.h"
#include "core/gateway/ShellWords.h"
#include "core/pkcs11/Module.h"
#include "core/token/Inventory.h"
#include "core/token/ObjectReader.h"
#include "core/token/TokenSelector.h"
#include "tests/support/DiskState.h"
#include "tests/support/SoftHsmFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <future>
#include <optional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace hsm;
using namespace hsm::test;

namespace {

const QString kSeed = QString::fromLatin1(QByteArray(64, '\x11').toBase64());

bool writeFile(const QString &path, const QByteArray &content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray entryJson(const QString &id, const QString &value = kSeed,
                     const QString &type = QStringLiteral("hsm_wrapped")) {
    return QStringLiteral("{\"id\": \"%1\", \"value\": \"%2\", \"name\": \"n-%1\", "
                          "\"fragment_type\": \"%3\", \"key_label\": \"k\"}")
        .arg(id, value, type)
        .toUtf8();
}

// Peak resident memory of this process so far, in KiB.
long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Runs `work` in a thread; a named pipe that makes it wait for a writer is given one (and
// then closed) after 10 s, so that a regression fails the test instead of hanging it.
template <typename T> std::optional<T> withPipeGuard(const QString &fifo, std::function<T()> work) {
    std::future<T> result = std::async(std::launch::async, std::move(work));
    if (result.wait_for(std::chrono::seconds(10)) == std::future_status::ready)
        return result.get();
    const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0)
        ::close(fd);
    result.wait();
    return std::nullopt;
}

CustomerFragment standardFragment(const QString &id, const QString &name,
                                  const QString &description = QString()) {
    return CustomerFragment::make(id, QByteArray(64, '\x22'), name, description,
                                  FragmentType::Standard, QString());
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;
    CK_SLOT_ID m_slot = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static Error loadError(const QString &library) {
        auto loaded = Module::load(library, std::make_shared<CallTrace>());
        if (loaded)
            return Error::make(Error::Kind::Input, QStringLiteral("unexpectedly loaded"));
        return loaded.error();
    }

    // "<tmp>/HSM Bibliothek ü/libsofthsm2 ä.so", a copy of SoftHSM.
    QString oddLibraryCopy() {
        const QString folder = path(QStringLiteral("HSM Bibliothek ü"));
        QDir().mkpath(folder);
        const QString library = folder + QStringLiteral("/libsofthsm2 ä.so");
        if (!QFileInfo::exists(library))
            QFile::copy(SoftHsmFixture::modulePath(), library);
        return library;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("gateway")}));
        m_slot = m_fixture->token(QStringLiteral("gateway")).slot;
    }

    void cleanupTestCase() { m_fixture.reset(); }

    // --- Libraries -------------------------------------------------------------------

    void libraryRefusals_data() {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("reason"); // %1: the path
        const QString empty = path(QStringLiteral("empty.so"));
        writeFile(empty, QByteArray());
        const QString text = path(QStringLiteral("libtext.so"));
        writeFile(text, "/* GNU ld script */\nINPUT(libfoo.so)\n");
        const QString binary = path(QStringLiteral("random.bin"));
        writeFile(binary, QByteArray("\x00\x01\x02\xff\xfe", 5).repeated(20));
        QTest::newRow("missing") << QStringLiteral("/nonexistent/libvendor.so")
                                 << QStringLiteral("%1 does not exist.");
        QTest::newRow("directory") << m_dir.path()
                                   << QStringLiteral("%1 is a directory, not a PKCS#11 library "
                                                     "file.");
        QTest::newRow("empty file")
            << empty << QStringLiteral("%1 is an empty file, not a PKCS#11 library.");
        QTest::newRow("text file")
            << text << QStringLiteral("%1 is a text file, not a shared library.");
        QTest::newRow("binary, not ELF")
            << binary << QStringLiteral("%1 is not a shared library (not an ELF file).");
        QTest::newRow("not PKCS#11") << QStringLiteral(HSM_TEST_NOTPKCS11)
                                     << QStringLiteral("%1 is a shared library but not a PKCS#11 "
                                                       "module (it has no C_GetFunctionList).");
        QTest::newRow("missing dependency")
            << QStringLiteral(HSM_TEST_NEEDSABSENT)
            << QStringLiteral("%1 needs libhsmadmin_absent.so, which is not installed or not on "
                              "the library path; install it or add its folder to "
                              "LD_LIBRARY_PATH.");
        QTest::newRow("character device")
            << QStringLiteral("/dev/null")
            << QStringLiteral("%1 is a character device, not a PKCS#11 library file.");
    }

    void libraryRefusals() {
        QFETCH(QString, library);
        QFETCH(QString, reason);
        const QStringList before = diskState(m_dir.path());
        const Error e = loadError(library);
        QCOMPARE(e.kind, Error::Kind::Library);
        QCOMPARE(e.message, reason.arg(library));
        QCOMPARE(diskState(m_dir.path()), before);
    }

    // Opening a named pipe waits for a writer: the loader must not even try.
    void libraryThatIsANamedPipe() {
        const QString fifo = path(QStringLiteral("libpipe.so"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto message =
            withPipeGuard<QString>(fifo, [fifo] { return loadError(fifo).message; });
        QVERIFY2(message, "Module::load waited on a named pipe");
        QCOMPARE(*message, fifo + QStringLiteral(" is a named pipe, not a PKCS#11 library file."));
        QFile::remove(fifo);
    }

    void libraryPathWithSpacesAndNonAscii() {
        const QString library = oddLibraryCopy();
        QVERIFY(QFileInfo(library).isFile());
        const QString link = path(QStringLiteral("HSM Bibliothek ü/verknüpft ö.so"));
        QVERIFY(QFile::link(library, link));
        for (const QString &candidate : {library, link}) {
            auto trace = std::make_shared<CallTrace>();
            auto loaded = Module::load(candidate, trace);
            QVERIFY2(loaded, qPrintable(loaded.error().toString()));
            QCOMPARE(loaded.value()->path(), candidate);
            auto slots = inventory::slots(*loaded.value());
            QVERIFY(slots);
            QVERIFY(TokenSelector(slots.value())
                        .select({{}, {QStringLiteral("gateway"), QStringLiteral("test")}, {}, {}}));
        }
        // And through the client, as the GUI and the CLI load it.
        HsmClient client;
        auto info = await(client.load(library));
        QVERIFY2(info, qPrintable(info.error().toString()));
        auto slot = await(
            client.selectToken({{}, {QStringLiteral("gateway"), QStringLiteral("x")}, {}, {}}));
        QVERIFY2(slot, qPrintable(slot.error().toString()));
        QCOMPARE(slot->token->label, QStringLiteral("gateway"));
    }

    // --- customer_fragments.json -----------------------------------------------------

    void fragmentFileRefusals_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason"); // %1: the path
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("%1 is not valid JSON at line 1, column 1: "
                                                 "illegal value.");
        QTest::newRow("trailing comma")
            << QByteArray("{\"customer_fragments\": [\n  {\"id\": \"cf-1\",}\n]}\n")
            << QStringLiteral(
                   "%1 is not valid JSON at line 2, column 18: object is missing after a "
                   "comma.");
        QTest::newRow("unterminated")
            << QByteArray("{\"customer_fragments\": [\n")
            << QStringLiteral("%1 is not valid JSON at line 2, column 1: unterminated array.");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4)
                                << QStringLiteral("%1 is not valid JSON at line 1, column 2: "
                                                  "illegal value.");
        QTest::newRow("nested too deep")
            << QByteArray(5000, '[')
            << QStringLiteral("%1 is not valid JSON at line 1, column 1026: too deeply nested "
                              "document.");
        QTest::newRow("top level array")
            << QByteArray("[]")
            << QStringLiteral("%1 must hold a JSON object with a \"customer_fragments\" array.");
        QTest::newRow("missing array") << QByteArray("{\"fragments\": []}")
                                       << QStringLiteral("%1 has no \"customer_fragments\" array.");
        QTest::newRow("array is an object")
            << QByteArray("{\"customer_fragments\": {}}")
            << QStringLiteral("In %1, \"customer_fragments\" must be an array.");
        QTest::newRow("entry is a string")
            << QByteArray("{\"customer_fragments\": [\"cf-1\"]}")
            << QStringLiteral("In %1, entry 1 is not a JSON object.");
        QTest::newRow("value is a number")
            << QByteArray("{\"customer_fragments\": [{\"id\": \"cf-a\", \"value\": 12}]}")
            << QStringLiteral("In %1, entry 1 (cf-a) has no \"value\" string.");
        QTest::newRow("no id") << QByteArray("{\"customer_fragments\": [{\"value\": \"AAAA\"}]}")
                               << QStringLiteral("In %1, entry 1 has no \"id\" string.");
        QTest::newRow("name is a number")
            << "{\"customer_fragments\": [" + entryJson(QStringLiteral("cf-a")) +
                   ", {\"id\": \"cf-b\", \"value\": \"" + kSeed.toLatin1() + "\", \"name\": 7}]}"
            << QStringLiteral("In %1, entry 2 (cf-b) has a \"name\" that is not a string.");
        QTest::newRow("duplicate ids")
            << "{\"customer_fragments\": [" + entryJson(QStringLiteral("cf-a")) + ", " +
                   entryJson(QStringLiteral("cf-b")) + ", " + entryJson(QStringLiteral("cf-a")) +
                   "]}"
            << QStringLiteral("In %1, the id cf-a appears twice; ids must be unique.");
        QTest::newRow("not base64")
            << "{\"customer_fragments\": [" +
                   entryJson(QStringLiteral("cf-a"), QStringLiteral("not*base64!")) + "]}"
            << QStringLiteral("In %1, the value of entry 1 (cf-a) is not base64.");
        QTest::newRow("base64 without padding")
            << "{\"customer_fragments\": [" +
                   entryJson(QStringLiteral("cf-a"), QStringLiteral("AAA")) + "]}"
            << QStringLiteral("In %1, the value of entry 1 (cf-a) is not base64.");
        QTest::newRow("seed of 15 bytes")
            << "{\"customer_fragments\": [" +
                   entryJson(QStringLiteral("cf-a"),
                             QString::fromLatin1(QByteArray(15, 'x').toBase64())) +
                   "]}"
            << QStringLiteral("In %1, the seed of entry 1 (cf-a) is 15 bytes; an HSM fragment "
                              "needs at least 16.");
    }

    void fragmentFileRefusals() {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString file = path(QStringLiteral("refused.json"));
        QVERIFY(writeFile(file, content));
        const QStringList before = diskState(m_dir.path());
        const Result<FragmentFile> loaded = FragmentFile::load(file);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().message, reason.arg(file));
        QVERIFY(!loaded.error().message.contains(QLatin1Char('\n')));
        QCOMPARE(diskState(m_dir.path()), before);
        QFile::remove(file);
    }

    // Above the cap: refused from its size alone, without reading it (a sparse file, so
    // the test itself costs no disk).
    void fragmentFileAboveTheCap() {
        const QString file = path(QStringLiteral("huge.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(FragmentFile::kMaxFileSize + 1024 * 1024));
        f.close();
        const long rssBefore = peakRssKiB();
        QElapsedTimer timer;
        timer.start();
        const Result<FragmentFile> loaded = FragmentFile::load(file);
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(peakRssKiB() - rssBefore < 8 * 1024);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().message,
                 file + QStringLiteral(" is 65 MiB, too big to be a fragments file (at most "
                                       "64 MiB)."));
        QFile::remove(file);
    }

    // Below the cap: read and parsed in full; an error at the very end still says where.
    void fragmentFileLargeBelowTheCap() {
        QByteArray content = "{\"customer_fragments\": [\n";
        int entries = 0;
        while (content.size() < 40 * 1024 * 1024) {
            if (entries)
                content += ",\n";
            content += entryJson(QStringLiteral("cf-%1").arg(entries, 20, 10, QLatin1Char('0')));
            ++entries;
        }
        const QString file = path(QStringLiteral("large.json"));
        QVERIFY(writeFile(file, content + "\n]}\n"));
        QElapsedTimer timer;
        timer.start();
        Result<FragmentFile> loaded = FragmentFile::load(file);
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        QCOMPARE(loaded->fragments().size(), entries);
        qInfo("%d entries (%lld MiB) read in %lld ms", entries,
              static_cast<long long>(content.size() >> 20),
              static_cast<long long>(timer.elapsed()));

        QVERIFY(writeFile(file, content + "\n]\n")); // the closing brace is missing
        loaded = FragmentFile::load(file);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().message,
                 QStringLiteral("%1 is not valid JSON at line %2, column 1: unterminated object.")
                     .arg(file)
                     .arg(entries + 3));
        QFile::remove(file);
    }

    // /dev/zero never ends and a pipe waits for a writer: neither may be read at all.
    void fragmentFileThatIsNotARegularFile() {
        QElapsedTimer timer;
        timer.start();
        Result<FragmentFile> loaded = FragmentFile::load(QStringLiteral("/dev/zero"));
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().message,
                 QStringLiteral("/dev/zero is a character device, not a fragments file; give a "
                                "regular file."));
        const QString fifo = path(QStringLiteral("pipe.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto message = withPipeGuard<QString>(fifo, [fifo] {
            const Result<FragmentFile> r = FragmentFile::loadOrCreate(fifo);
            return r ? QStringLiteral("loaded") : r.error().message;
        });
        QVERIFY2(message, "FragmentFile::load waited on a named pipe");
        QCOMPARE(*message,
                 fifo + QStringLiteral(" is a named pipe, not a fragments file; give a regular "
                                       "file."));
        QCOMPARE(entryType(fifo), QStringLiteral("fifo"));
        QFile::remove(fifo);
    }

    // Quotes, backslashes, non-ASCII and long texts are stored as JSON escapes and come back
    // exactly as they went in.
    void fragmentTextsRoundTrip() {
        const QString name = QStringLiteral("prod \"gw\" it's C:\\keys\\ $HOME ü € 😀 ") +
                             QString(250, QLatin1Char('n'));
        const QString description =
            QStringLiteral("{\"json\": [1, 2]} </script> \\u0000 ") + QString(2000, QChar(0x00e9));
        FragmentRequest request;
        request.name = name;
        request.description = description;
        request.type = FragmentType::Standard;
        QVERIFY(fragmentGenerator::validate(request));

        const QString file = path(QStringLiteral("texts.json"));
        FragmentFile out(file);
        QVERIFY(out.add(
            standardFragment(QStringLiteral("cf-aaaaaaaaaaaaaaaaaaaa"), name, description), false));
        QVERIFY(out.save());
        const Result<FragmentFile> in = FragmentFile::load(file);
        QVERIFY2(in, qPrintable(in.error().toString()));
        QCOMPARE(in->fragments().size(), 1);
        QCOMPARE(in->fragments().first().name(), name);
        QCOMPARE(in->fragments().first().description(), description);
        QVERIFY(in->findByName(name));
        QFile::remove(file);
        QFile::remove(file + QStringLiteral(".bak"));
    }

    void fragmentTextsWithControlCharacters_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("keyLabel");
        QTest::addColumn<QString>("reason");
        const QString ok = QStringLiteral("fine");
        QTest::newRow("line feed in the name")
            << QStringLiteral("two\nlines") << ok << ok
            << QStringLiteral("The fragment name contains a line feed (U+000A) at character 4; "
                              "it must be one line of printable text.");
        QTest::newRow("carriage return in the name")
            << QStringLiteral("a\rb") << ok << ok
            << QStringLiteral("The fragment name contains a carriage return (U+000D) at "
                              "character 2; it must be one line of printable text.");
        QTest::newRow("escape in the description")
            << ok << QStringLiteral("red \x1b[31m text") << ok
            << QStringLiteral("The fragment description contains an escape character (U+001B) "
                              "at character 5; it must be one line of printable text.");
        QTest::newRow("tab in the key label")
            << ok << ok << QStringLiteral("key\tlabel")
            << QStringLiteral("The HSM key label contains a tab (U+0009) at character 4; it "
                              "must be one line of printable text.");
        QTest::newRow("NUL after an emoji")
            << QStringLiteral("😀") + QChar(0) << ok << ok
            << QStringLiteral("The fragment name contains a NUL character (U+0000) at character "
                              "2; it must be one line of printable text.");
        QTest::newRow("line separator")
            << ok << QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b") << ok
            << QStringLiteral("The fragment description contains a line separator (U+2028) at "
                              "character 2; it must be one line of printable text.");
        QTest::newRow("C1 control")
            << QStringLiteral("x") + QChar(0x85) << ok << ok
            << QStringLiteral("The fragment name contains a control character (U+0085) at "
                              "character 2; it must be one line of printable text.");
    }

    void fragmentTextsWithControlCharacters() {
        QFETCH(QString, name);
        QFETCH(QString, description);
        QFETCH(QString, keyLabel);
        QFETCH(QString, reason);
        FragmentRequest request;
        request.name = name;
        request.description = description;
        request.keyLabel = keyLabel;
        request.type = FragmentType::HsmWrapHmac;
        const Status valid = fragmentGenerator::validate(request);
        QVERIFY(!valid);
        QCOMPARE(valid.error().message, reason);
        // generate() refuses the same before touching anything.
        const Result<CustomerFragment> made = fragmentGenerator::generate(request, nullptr, {});
        QVERIFY(!made);
        QCOMPARE(made.error().message, reason);
    }

    // --- Env files and docker run commands -------------------------------------------

    void envFileCrlfReadsAsLf() {
        const QByteArray lf = "# gateway\n"
                              "PKCS11_LIB_PATH=/opt/HSM Lib/libv.so\n"
                              "HSM_TOKEN_LABEL='my \"token\"'\n"
                              "\n"
                              "HSM_USE_RAND=true # a comment stays part of the value\n"
                              "  ADMIN_ACCESS_ID=p-x\n"
                              "HSM_PIN=a b\n";
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        const auto fromLf = EnvFile::parse(lf, QStringLiteral("gw.env"));
        const auto fromCrlf = EnvFile::parse(crlf, QStringLiteral("gw.env"));
        const auto withBom = EnvFile::parse("\xEF\xBB\xBF" + crlf, QStringLiteral("gw.env"));
        QVERIFY2(fromLf, qPrintable(fromLf.error().message));
        QVERIFY2(fromCrlf, qPrintable(fromCrlf.error().message));
        QVERIFY2(withBom, qPrintable(withBom.error().message));
        QCOMPARE(fromCrlf->entries(), fromLf->entries());
        QCOMPARE(withBom->entries(), fromLf->entries());
        // docker keeps quotes: the label the gateway looks for has them.
        QCOMPARE(fromLf->value(QStringLiteral("HSM_TOKEN_LABEL")),
                 QStringLiteral("'my \"token\"'"));
        QCOMPARE(fromLf->value(QStringLiteral("ADMIN_ACCESS_ID")), QStringLiteral("p-x"));
        for (const QString &key : {QStringLiteral("HSM_PIN"), QStringLiteral("HSM_USE_RAND")})
            QVERIFY(!fromCrlf->value(key).contains(QLatin1Char('\r')));
        const auto importLf = GatewayImport::fromEnvFile(lf, QStringLiteral("gw.env"));
        const auto importCrlf = GatewayImport::fromEnvFile(crlf, QStringLiteral("gw.env"));
        QVERIFY(importLf && importCrlf);
        QVERIFY(importCrlf->config == importLf->config);
        QCOMPARE(importCrlf->unused, importLf->unused);
        QCOMPARE(importCrlf->tokenAssignments(), importLf->tokenAssignments());
    }

    void envFileRefusals_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("export")
            << QByteArray("PKCS11_LIB_PATH=/x.so\r\nexport HSM_TOKEN_LABEL=gw\r\n")
            << QStringLiteral("gw.env, line 2: docker takes 'export HSM_TOKEN_LABEL' as the name "
                              "and refuses it for its whitespace (an env file is not a shell "
                              "script); write HSM_TOKEN_LABEL=… without 'export'.");
        QTest::newRow("CR-only line ends")
            << QByteArray("HSM_SLOT=1\rHSM_PIN=abc\r")
            << QStringLiteral("gw.env, line 1: a carriage return ends the line alone (old Mac "
                              "line ends); docker ends lines only at LF or CR LF and would read "
                              "the next line into the value of HSM_SLOT. Save the file with LF "
                              "line ends.");
        QTest::newRow("empty library path")
            << QByteArray("# x\nPKCS11_LIB_PATH=\nHSM_SLOT=1\n")
            << QStringLiteral("gw.env, line 2: PKCS11_LIB_PATH is empty; give it a value or "
                              "remove it.");
        QTest::newRow("blank label")
            << QByteArray("HSM_TOKEN_LABEL=  \r\n")
            << QStringLiteral("gw.env, line 1: HSM_TOKEN_LABEL is empty; give it a value or "
                              "remove it.");
        QTest::newRow("repeated key")
            << QByteArray("HSM_SLOT=1\r\nPKCS11_LIB_PATH=/x.so\r\nHSM_SLOT=2\r\n")
            << QStringLiteral("gw.env, line 3: HSM_SLOT is set again (first on line 1); docker "
                              "would silently use the last one, so keep only the one you mean.");
    }

    void envFileRefusals() {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const auto imported = GatewayImport::fromEnvFile(content, QStringLiteral("gw.env"));
        QVERIFY(!imported);
        QCOMPARE(imported.error().message, reason);
    }

    void envFileThatIsNotARegularFile() {
        const auto loaded = EnvFile::load(QStringLiteral("/dev/zero"));
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().message,
                 QStringLiteral("/dev/zero is a character device, not an env file; give a "
                                "regular file."));
    }

    void dockerRunCrlfReadsAsLf() {
        const QString lf =
            QStringLiteral("sudo docker run -d -p 8000:8000 \\\n"
                           "  -e 'PKCS11_LIB_PATH=/opt/HSM Lib/libv.so' \\\n"
                           "  -e \"HSM_TOKEN_LABEL=my \\\"token\\\"\" \\\n"
                           "  # a comment line\n"
                           "  -e HSM_USE_RAND=true \\\n"
                           "  -v /srv/cf.json:/home/akeyless/.akeyless/customer_fragments.json \\\n"
                           "  --name akeyless-gw akeyless/base:latest-akeyless\n");
        QString crlf = lf;
        crlf.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        const auto fromLf = GatewayImport::fromDockerRun(lf);
        const auto fromCrlf = GatewayImport::fromDockerRun(crlf);
        QVERIFY2(fromLf, qPrintable(fromLf.error().message));
        QVERIFY2(fromCrlf, qPrintable(fromCrlf.error().message));
        QVERIFY(fromCrlf->config == fromLf->config);
        QCOMPARE(fromCrlf->unused, fromLf->unused);
        QCOMPARE(fromCrlf->tokenAssignments(), fromLf->tokenAssignments());
        QCOMPARE(fromLf->config.libraryPath, QStringLiteral("/opt/HSM Lib/libv.so"));
        QCOMPARE(fromLf->config.tokenValue, QStringLiteral("my \"token\""));
        QCOMPARE(fromLf->config.fragmentsPath, QStringLiteral("/srv/cf.json"));
        // A word that really holds CR LF is quoted so that it reads back whole.
        const QString word = QStringLiteral("a\r\nb");
        QCOMPARE(shellWords::split(shellWords::quote(word)).value(), QStringList{word});
    }

    void dockerRunRefusals_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unbalanced single quote")
            << QStringLiteral("docker run \\\n  -e 'HSM_PIN=x \\\n  akeyless/base\n")
            << QStringLiteral("The single quote opened on line 2 is never closed.");
        QTest::newRow("unbalanced double quote, CRLF")
            << QStringLiteral("docker run \\\r\n  -e HSM_SLOT=1 \\\r\n  -e \"HSM_PIN=x\r\n")
            << QStringLiteral("The double quote opened on line 3 is never closed.");
        QTest::newRow("-e at the end")
            << QStringLiteral("docker run -d \\\n  -e")
            << QStringLiteral("-e at the end of the command has no value.");
        QTest::newRow("empty label")
            << QStringLiteral("docker run \\\n  -e HSM_SLOT=1 \\\n  -e HSM_TOKEN_LABEL= x")
            << QStringLiteral("docker run command, line 3: HSM_TOKEN_LABEL is empty; give it a "
                              "value or remove it.");
        QTest::newRow("repeated key")
            << QStringLiteral("docker run \\\n  -e HSM_SLOT=1 \\\n  -e PKCS11_LIB_PATH=/x.so "
                              "\\\n  --env=HSM_SLOT=2 akeyless/base")
            << QStringLiteral("docker run command, line 4: HSM_SLOT is set again (first on line "
                              "2); docker would silently use the last one, so keep only the one "
                              "you mean.");
        QTest::newRow("repeated key, CRLF")
            << QStringLiteral("docker run \\\r\n  -e HSM_PIN=1 \\\r\n  -e HSM_PIN=2 x")
            << QStringLiteral("docker run command, line 3: HSM_PIN is set again (first on line "
                              "2); docker would silently use the last one, so keep only the one "
                              "you mean.");
    }

    void dockerRunRefusals() {
        QFETCH(QString, command);
        QFETCH(QString, reason);
        const auto imported = GatewayImport::fromDockerRun(command);
        QVERIFY(!imported);
        QCOMPARE(imported.error().message, reason);
    }

    // "-e NAME" without a value takes the host's variable: listed, never guessed.
    void dockerRunVariableFromTheHost() {
        const auto imported = GatewayImport::fromDockerRun(
            QStringLiteral("docker run -e PKCS11_LIB_PATH=/x.so -e HSM_TOKEN_LABEL akeyless/base"));
        QVERIFY(imported);
        QVERIFY(imported->token.isEmpty());
        QVERIFY(imported->config.tokenValue.isEmpty());
        QCOMPARE(imported->unused, QStringList{QStringLiteral(
                                       "-e HSM_TOKEN_LABEL (taken from the host's environment)")});
    }

    // --- Token and key labels --------------------------------------------------------

    void tokenLabelOver32BytesNeverReachesTheHsm_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("reason");
        QTest::newRow("33 ASCII bytes")
            << QString(33, QLatin1Char('g')) << QString()
            << QStringLiteral("--token-label is 33 bytes long; a PKCS#11 token label has at most "
                              "32 bytes (UTF-8), so no token can match it.");
        QTest::newRow("17 two-byte characters")
            << QString(17, QChar(0x00fc)) << QString()
            << QStringLiteral("--token-label is 34 bytes long; a PKCS#11 token label has at most "
                              "32 bytes (UTF-8), so no token can match it.");
        QTest::newRow("serial of 17")
            << QString() << QStringLiteral("4e3ca826da2daf8b0")
            << QStringLiteral("--token-serial is 17 bytes long; a PKCS#11 token serial number "
                              "has at most 16 bytes (UTF-8), so no token can match it.");
    }

    void tokenLabelOver32BytesNeverReachesTheHsm() {
        QFETCH(QString, label);
        QFETCH(QString, serial);
        QFETCH(QString, reason);
        TokenSelection selection;
        selection.label = {label, QStringLiteral("--token-label")};
        selection.serial = {serial, QStringLiteral("--token-serial")};
        QCOMPARE(selection.validate().error().message, reason);
        QCOMPARE(TokenSelector({}).select(selection).error().message, reason);

        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        const quint64 before = client.trace()->totalRecorded();
        const Result<SlotInfo> slot = await(client.selectToken(selection));
        QVERIFY(!slot);
        QCOMPARE(slot.error().message, reason);
        QCOMPARE(client.trace()->totalRecorded(), before); // not one PKCS#11 call
    }

    // 32 bytes exactly is a label a token can have; it is looked up as usual.
    void tokenLabelOf32BytesIsLookedUp() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        const quint64 before = client.trace()->totalRecorded();
        const Result<SlotInfo> slot = await(client.selectToken(
            {{}, {QString(16, QChar(0x00fc)), QStringLiteral("--token-label")}, {}, {}}));
        QVERIFY(!slot);
        QVERIFY2(slot.error().message.startsWith(QStringLiteral("No token is labelled '")),
                 qPrintable(slot.error().message));
        QVERIFY(client.trace()->totalRecorded() > before);
    }

    void keyLabelWithControlCharactersNeverReachesTheHsm_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("reason");
        QTest::newRow("line feed") << QStringLiteral("akeyless\nhsm")
                                   << QStringLiteral("The key label contains a line feed (U+000A) "
                                                     "at character 9; it must be one line of "
                                                     "printable text.");
        QTest::newRow("escape") << QStringLiteral("\x1b[2Jkey")
                                << QStringLiteral("The key label contains an escape character "
                                                  "(U+001B) at character 1; it must be one line "
                                                  "of printable text.");
    }

    void keyLabelWithControlCharactersNeverReachesTheHsm() {
        QFETCH(QString, label);
        QFETCH(QString, reason);
        SecretKeySpec spec;
        spec.label = label;
        QCOMPARE(secretKeys::validate(spec).error().message, reason);

        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QVERIFY(
            await(client.login(m_slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                            strlen(SoftHsmFixture::kUserPin)))));
        struct Outcome {
            QString message;
            quint64 calls = 0;
        };
        const Result<Outcome> outcome = await(
            client.submit<Outcome>([this, spec](Module &m, RequestContext &) -> Result<Outcome> {
                Result<Session> session = Session::shared(m, m_slot);
                if (!session)
                    return session.error();
                const quint64 before = m.trace().totalRecorded();
                const Result<ObjectInfo> key = secretKeys::create(session.value(), spec);
                return Outcome{key ? QStringLiteral("created") : key.error().message,
                               m.trace().totalRecorded() - before};
            }));
        QVERIFY(outcome);
        QCOMPARE(outcome->message, reason);
        QCOMPARE(outcome->calls, quint64(0)); // not one PKCS#11 call with that label
    }

    // Labels of thousands of bytes, made outside the core and by it, come back intact.
    void objectLabelOfThousandsOfBytes() {
        const QString imported = QStringLiteral("imported ü ") + QString(5000, QLatin1Char('i'));
        QVERIFY(m_fixture->importSecret(QStringLiteral("gateway"), imported, QByteArray(32, 'a')));
        const QString created =
            QStringLiteral("created \"quoted\" ") + QString(3000, QChar(0x00e4));

        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        const Result<SlotInfo> slot = await(
            client.selectToken({{}, {QStringLiteral("gateway"), QStringLiteral("test")}, {}, {}}));
        QVERIFY(slot);
        QVERIFY(
            await(client.login(slot->id, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                              strlen(SoftHsmFixture::kUserPin)))));
        SecretKeySpec spec;
        spec.label = created;
        const Result<ObjectInfo> key = await(client.createSecretKey(slot->id, spec));
        QVERIFY2(key, qPrintable(key.error().toString()));
        QCOMPARE(key->label, created);

        const Result<QList<ObjectInfo>> rows = awaitAll(client.objects(slot->id));
        QVERIFY(rows);
        QStringList labels;
        for (const ObjectInfo &o : rows.value())
            labels << o.label;
        QVERIFY(labels.contains(imported));
        QVERIFY(labels.contains(created));
        const Result<KeyCheckReport> check = await(client.checkSecretKey(slot->id, imported));
        QVERIFY2(check, qPrintable(check.error().toString()));
    }

    // --- Output targets --------------------------------------------------------------

    void outputTargetRefusals_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("watched"); // the folder that must not change
        const QString plain = path(QStringLiteral("plain"));
        writeFile(plain, "a regular file");
        const QString folder = path(QStringLiteral("folder"));
        QDir().mkpath(folder);
        const QString fifo = path(QStringLiteral("fifo.json"));
        ::mkfifo(QFile::encodeName(fifo).constData(), 0600);
        const QString toFifo = path(QStringLiteral("link-to-fifo.json"));
        QFile::link(fifo, toFifo);
        const QString dangling = path(QStringLiteral("dangling.json"));
        QFile::link(path(QStringLiteral("nowhere/x.json")), dangling);
        const QString selfLoop = path(QStringLiteral("loop.json"));
        QFile::link(selfLoop, selfLoop);

        QTest::newRow("parent is a regular file")
            << plain + QStringLiteral("/customer_fragments.json")
            << QStringLiteral("Cannot write %1: %2 is not a folder.")
                   .arg(plain + QStringLiteral("/customer_fragments.json"), plain)
            << m_dir.path();
        QTest::newRow("folder missing")
            << path(QStringLiteral("missing/cf.json"))
            << QStringLiteral("Cannot write %1: the folder %2 does not exist.")
                   .arg(path(QStringLiteral("missing/cf.json")), path(QStringLiteral("missing")))
            << m_dir.path();
        QTest::newRow("a folder") << folder
                                  << QStringLiteral("Cannot write %1: it is a directory; give the "
                                                    "name of a file in it.")
                                         .arg(folder)
                                  << m_dir.path();
        QTest::newRow("named pipe") << fifo
                                    << QStringLiteral("Cannot write %1: it is a named pipe, not a "
                                                      "regular file; it is left alone.")
                                           .arg(fifo)
                                    << m_dir.path();
        QTest::newRow("link to a named pipe")
            << toFifo
            << QStringLiteral("Cannot write %1: it is a symbolic link to %2, which is a named "
                              "pipe, not a regular file; it is left alone.")
                   .arg(toFifo, fifo)
            << m_dir.path();
        QTest::newRow("dangling link")
            << dangling
            << QStringLiteral("Cannot write %1: it is a symbolic link to %2, which does not "
                              "exist.")
                   .arg(dangling, path(QStringLiteral("nowhere/x.json")))
            << m_dir.path();
        QTest::newRow("link loop") << selfLoop
                                   << QStringLiteral("Cannot write %1: it is a symbolic link to "
                                                     "%1, which does not exist.")
                                          .arg(selfLoop)
                                   << m_dir.path();
        QTest::newRow("read-only file system")
            << QStringLiteral("/proc/hsm-admin-test.json")
            << QStringLiteral("Cannot write /proc/hsm-admin-test.json: cannot create a file in "
                              "/proc (%1); nothing was changed.")
            << m_dir.path();
    }

    void outputTargetRefusals() {
        QFETCH(QString, target);
        QFETCH(QString, reason);
        QFETCH(QString, watched);
        const QStringList before = diskState(watched);
        FragmentFile file(target);
        QVERIFY(file.add(
            standardFragment(QStringLiteral("cf-bbbbbbbbbbbbbbbbbbbb"), QStringLiteral("x")),
            false));
        const Status saved = file.save();
        QVERIFY(!saved);
        if (reason.contains(QStringLiteral("%1"))) {
            // The system's own words for /proc vary; the rest is ours.
            const QString prefix = reason.section(QStringLiteral("%1"), 0, 0);
            QVERIFY2(saved.error().message.startsWith(prefix), qPrintable(saved.error().message));
            QVERIFY(saved.error().message.endsWith(QStringLiteral("); nothing was changed.")));
        } else {
            QCOMPARE(saved.error().message, reason);
            // checkWritable() says the same before anything is attempted.
            QCOMPARE(file.checkWritable().error().message, reason);
        }
        QVERIFY(!saved.error().message.contains(QLatin1Char('\n')));
        QCOMPARE(diskState(watched), before);
    }

    // As an ordinary user, a folder without write permission; root writes anyway.
    void outputToReadOnlyFolder() {
        if (geteuid() == 0)
            QSKIP("root writes into any folder; the /proc case covers a refused folder");
        const QString folder = path(QStringLiteral("locked"));
        QDir().mkpath(folder);
        const QString target = folder + QStringLiteral("/cf.json");
        QVERIFY(writeFile(target, "{\"customer_fragments\": []}"));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const QStringList before = diskState(folder);
        Result<FragmentFile> file = FragmentFile::load(target);
        QVERIFY(file);
        QVERIFY(file->add(
            standardFragment(QStringLiteral("cf-cccccccccccccccccccc"), QStringLiteral("x")),
            false));
        const Status saved = file->save();
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
        QVERIFY(!saved);
        QCOMPARE(saved.error().message,
                 QStringLiteral("Cannot write %1: cannot create a file in %2 (Permission denied); "
                                "nothing was changed.")
                     .arg(target, folder));
        QCOMPARE(diskState(folder), before);
    }

    // A device node is never replaced. /dev/full itself is only ever checked (checking
    // writes nothing); the write is tried on a copy of its node in our own folder, so a
    // regression could only ever replace that copy.
    void outputToDeviceNode() {
        QCOMPARE(OutputFile::checkTarget(QStringLiteral("/dev/full")),
                 QStringLiteral("Cannot write /dev/full: it is a character device, not a regular "
                                "file; it is left alone."));
        const QString node = path(QStringLiteral("full"));
        if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0600, makedev(1, 7)) != 0)
            QSKIP("cannot make a device node here (needs CAP_MKNOD)");
        const QStringList before = diskState(m_dir.path());
        FragmentFile file(node);
        QVERIFY(file.add(
            standardFragment(QStringLiteral("cf-dddddddddddddddddddd"), QStringLiteral("x")),
            false));
        const Status saved = file.save();
        QVERIFY(!saved);
        QCOMPARE(saved.error().message,
                 QStringLiteral("Cannot write %1: it is a character device, not a regular file; "
                                "it is left alone.")
                     .arg(node));
        QCOMPARE(entryType(node), QStringLiteral("chr"));
        QCOMPARE(diskState(m_dir.path()), before);
        QFile::remove(node);
    }

    // A full disk, as a file size limit: the write fails part way, and the file, its .bak
    // and the folder stay exactly as they were. A small file is the treacherous case: it
    // fits in a write buffer whose failed final flush would go unnoticed.
    void outputOnFullDisk_data() {
        QTest::addColumn<int>("descriptionSize");
        QTest::newRow("2 KiB, within a write buffer") << 2000;
        QTest::newRow("100 KiB") << 100000;
    }

    void outputOnFullDisk() {
        QFETCH(int, descriptionSize);
        const QString folder = path(QStringLiteral("full-disk-%1").arg(descriptionSize));
        QDir().mkpath(folder);
        const QString target = folder + QStringLiteral("/customer_fragments.json");
        FragmentFile first(target);
        QVERIFY(first.add(
            standardFragment(QStringLiteral("cf-eeeeeeeeeeeeeeeeeeee"), QStringLiteral("one")),
            false));
        QVERIFY(first.save());
        QVERIFY(first.save()); // now with a .bak too
        Result<FragmentFile> file = FragmentFile::load(target);
        QVERIFY(file);
        QVERIFY(file->add(standardFragment(QStringLiteral("cf-ffffffffffffffffffff"),
                                           QStringLiteral("two"),
                                           QString(descriptionSize, QLatin1Char('d'))),
                          false));
        QVERIFY(file->toJson().size() > 1024);
        QTest::qSleep(20); // an mtime that a rewrite would visibly change
        const QStringList before = diskState(folder);

        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const Status saved = file->save();
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);

        QVERIFY(!saved);
        QCOMPARE(
            saved.error().message,
            QStringLiteral("Cannot write %1: File too large; nothing was changed.").arg(target));
        QCOMPARE(diskState(folder), before);
        QVERIFY(file->save()); // and with room again, it goes through
        QCOMPARE(FragmentFile::load(target)->fragments().size(), 2);
    }

    // A symbolic link to a regular file is refused, not followed to replace its target;
    // the link and its target are left alone.
    void outputThroughSymlinkIsRefused() {
        const QString folder = path(QStringLiteral("linked"));
        QDir().mkpath(folder + QStringLiteral("/real"));
        const QString real = folder + QStringLiteral("/real/customer_fragments.json");
        const QString link = folder + QStringLiteral("/customer_fragments.json");
        FragmentFile first(real);
        QVERIFY(first.add(
            standardFragment(QStringLiteral("cf-gggggggggggggggggggg"), QStringLiteral("one")),
            false));
        QVERIFY(first.save());
        const QByteArray old = readFile(real);
        QVERIFY(QFile::link(real, link));

        Result<FragmentFile> file = FragmentFile::load(link);
        QVERIFY(file);
        QVERIFY(file->add(
            standardFragment(QStringLiteral("cf-hhhhhhhhhhhhhhhhhhhh"), QStringLiteral("two")),
            false));
        const QString refusal =
            QStringLiteral("Cannot write %1: it is a symbolic link to %2, and a link is not "
                           "followed to replace its target; give %2 itself.")
                .arg(link, real);
        const Status writable = file->checkWritable();
        QVERIFY(!writable);
        QCOMPARE(writable.error().message, refusal);
        const Status saved = file->save();
        QVERIFY(!saved);
        QCOMPARE(saved.error().message, refusal);
        QCOMPARE(entryType(link), QStringLiteral("link"));
        QCOMPARE(readFile(real), old);
        QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("customer_fragments.json"), QStringLiteral("real")}));
        QCOMPARE(QDir(folder + QStringLiteral("/real")).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("customer_fragments.json")});
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "TestHostileInput.moc"
