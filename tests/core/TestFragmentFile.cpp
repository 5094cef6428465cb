// SPDX-License-Identifier: Apache-2.0
// customer_fragments.json: the gateway's own files read, merges that keep what they do not
// touch, refusals that leave the file as it was, atomic writes with a .bak: a new file
// 0600, a rewritten one with its owner, group and mode kept.
#include "core/fragment/FragmentFile.h"
#include "core/fragment/FragmentGenerator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hsm;

namespace {

QString write(const QTemporaryDir &dir, const char *name, const QByteArray &content) {
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

QByteArray read(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

int mode(const QString &path) {
    struct stat st;
    stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777;
}

struct stat statOf(const QString &path) {
    struct stat st {};
    stat(QFile::encodeName(path).constData(), &st);
    return st;
}

const QByteArray kSeed = QByteArray(64, 'x').toBase64();

// A file as the gateway's vendor tooling writes it, plus things we do not know.
const QByteArray kGatewayFile = R"({
  "customer_fragments": [
    {"id": "cf-tcoknf7lh65hrxpr0q5q", "value": ")" +
                                kSeed + R"(", "description": "Customer Fragment demo",
     "name": "CustomFragmDemo", "fragment_type": "hsm_wrapped", "key_label": "akeyless_hsm"},
    {"id": "cf-onlyidandvalue00000", "value": ")" +
                                kSeed + R"("},
    {"id": "cf-newerrelease0000000", "value": ")" +
                                kSeed + R"(", "name": "Newer",
     "fragment_type": "hsm_future", "wrap_alg": "AES-GCM", "wrap_iv": "abc", "wrap_tag": "def"}
  ],
  "comment": "kept"
})";

} // namespace

class TestFragmentFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheGatewaysFiles() {
        QTemporaryDir dir;
        auto file = FragmentFile::load(write(dir, "f.json", kGatewayFile));
        QVERIFY2(file, qPrintable(file.error().toString()));
        QCOMPARE(file->fragments().size(), 3);
        const CustomerFragment &demo = file->fragments()[0];
        QCOMPARE(demo.type(), FragmentType::HsmWrapHmac);
        QCOMPARE(demo.keyLabel(), QStringLiteral("akeyless_hsm"));
        QCOMPARE(demo.name(), QStringLiteral("CustomFragmDemo"));
        QCOMPARE(file->fragments()[1].type(), FragmentType::Standard); // no type: standard
        QCOMPARE(file->fragments()[2].type(), FragmentType::Unknown);
        QCOMPARE(file->fragments()[2].typeName(), QStringLiteral("hsm_future"));
    }

    void mergeKeepsEverythingElse() {
        QTemporaryDir dir;
        const QString path = write(dir, "customer_fragments.json", kGatewayFile);
        // Group-readable, as for a gateway that reads it through its group.
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0640), 0);
        auto file = FragmentFile::load(path);
        QVERIFY(file);
        const CustomerFragment added = CustomerFragment::make(
            QStringLiteral("cf-addedaddedadded0000"), QByteArray(64, 'y'), QStringLiteral("Added"),
            QStringLiteral("new one"), FragmentType::HsmSecured, QStringLiteral("akeyless_hsm"));
        QVERIFY(file->add(added, false));
        QVERIFY(file->save());

        const QJsonObject top = QJsonDocument::fromJson(read(path)).object();
        QCOMPARE(top.value(QStringLiteral("comment")).toString(), QStringLiteral("kept"));
        const QJsonArray array = top.value(QStringLiteral("customer_fragments")).toArray();
        QCOMPARE(array.size(), 4);
        const QJsonObject newer = array[2].toObject();
        QCOMPARE(newer.value(QStringLiteral("wrap_alg")).toString(), QStringLiteral("AES-GCM"));
        QCOMPARE(newer.value(QStringLiteral("wrap_tag")).toString(), QStringLiteral("def"));
        QCOMPARE(array[1].toObject().keys(),
                 (QStringList{QStringLiteral("id"), QStringLiteral("value")}));
        const QJsonObject last = array[3].toObject();
        QCOMPARE(last.value(QStringLiteral("key_label")).toString(),
                 QStringLiteral("akeyless_hsm"));
        QCOMPARE(last.value(QStringLiteral("fragment_type")).toString(),
                 QStringLiteral("hsm_secured"));
        QCOMPARE(last.value(QStringLiteral("value")).toString(),
                 QString::fromLatin1(QByteArray(64, 'y').toBase64()));
        QCOMPARE(last.value(QStringLiteral("value")).toString().size(), 88);

        // The rewritten file and its .bak keep the mode the operator gave it.
        QCOMPARE(mode(path), 0640);
        QCOMPARE(read(path + QStringLiteral(".bak")), kGatewayFile);
        QCOMPARE(mode(path + QStringLiteral(".bak")), 0640);
    }

    // A root-run rewrite must not take the file away from the user the gateway runs as.
    void rewriteKeepsOwnerAndGroup() {
        if (::geteuid() != 0)
            QSKIP("giving a file to another user needs root (CI runs the tests as root)");
        QTemporaryDir dir;
        const QString path = write(dir, "customer_fragments.json", kGatewayFile);
        const QByteArray native = QFile::encodeName(path);
        QCOMPARE(::chown(native.constData(), 65534, 65534), 0);
        QCOMPARE(::chmod(native.constData(), 0600), 0);
        auto file = FragmentFile::load(path);
        QVERIFY(file);
        QVERIFY(file->checkWritable());
        QVERIFY(file->add(CustomerFragment::make(QStringLiteral("cf-ownerownerowner0000"),
                                                 QByteArray(64, 'o'), QStringLiteral("Owned"),
                                                 QString(), FragmentType::Standard, QString()),
                          false));
        const Status saved = file->save();
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(FragmentFile::load(path)->fragments().size(), 4);
        for (const QString &written : {path, path + QStringLiteral(".bak")}) {
            const struct stat st = statOf(written);
            QCOMPARE(st.st_uid, uid_t(65534));
            QCOMPARE(st.st_gid, gid_t(65534));
            QCOMPARE(st.st_mode & 0777, mode_t(0600));
        }
    }

    // Another user's file cannot be given back its owner: refused before anything is written.
    void rewriteRefusedWhenTheOwnerCannotBeKept() {
        if (::geteuid() != 0)
            QSKIP("needs root to become another user (CI runs the tests as root)");
        QTemporaryDir dir;
        QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0777), 0);
        const QString path = write(dir, "customer_fragments.json", kGatewayFile);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0666), 0); // root's, writable
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // As nobody: it may read and write the file but cannot make root own a new one.
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(10);
            auto file = FragmentFile::load(path);
            if (!file)
                ::_exit(11);
            const Status writable = file->checkWritable();
            if (writable || !writable.error().message.contains(QStringLiteral("belongs to root")))
                ::_exit(12);
            const Status saved = file->save();
            if (saved || !saved.error().message.contains(QStringLiteral("Nothing was changed")))
                ::_exit(13);
            ::_exit(0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(read(path), kGatewayFile);
        QCOMPARE(statOf(path).st_uid, uid_t(0));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("customer_fragments.json")});
    }

    void standardFragmentsHaveNoKeyLabel() {
        const CustomerFragment f = CustomerFragment::make(
            QStringLiteral("cf-standardstandard000"), QByteArray(64, 'z'), QStringLiteral("S"),
            QString(), FragmentType::Standard, QStringLiteral("ignored"));
        QVERIFY(!f.json().contains(QStringLiteral("key_label")));
    }

    void duplicateNamesAndReplace() {
        QTemporaryDir dir;
        const QString path = write(dir, "f.json", kGatewayFile);
        auto file = FragmentFile::load(path);
        CustomerFragment again =
            CustomerFragment::make(QStringLiteral("cf-againagainagain0000"), QByteArray(64, 'a'),
                                   QStringLiteral("CustomFragmDemo"), QString(),
                                   FragmentType::HsmWrapHmac, QStringLiteral("k"));
        Status refused = file->add(again, false);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(
            QStringLiteral("already has a fragment named 'CustomFragmDemo'")));
        QVERIFY(file->add(again, true));
        QCOMPARE(file->fragments().size(), 3);
        QCOMPARE(file->fragments()[0].id(), QStringLiteral("cf-againagainagain0000"));
        // Ids stay unique even with replace.
        CustomerFragment sameId = CustomerFragment::make(
            QStringLiteral("cf-onlyidandvalue00000"), QByteArray(64, 'b'), QStringLiteral("Other"),
            QString(), FragmentType::Standard, QString());
        QVERIFY(!file->add(sameId, true));
        QCOMPARE(read(path), kGatewayFile); // nothing saved
    }

    void badFilesAreReportedAndLeftAlone_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("malformed")
            << QByteArray("{\n  \"customer_fragments\": [\n    {\"id\": \"a\",,}\n  ]\n}")
            << QStringLiteral("is not valid JSON at line 3, column 17");
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << QStringLiteral("must hold a JSON object");
        QTest::newRow("missing array") << QByteArray("{\"fragments\": []}")
                                       << QStringLiteral("has no \"customer_fragments\" array");
        QTest::newRow("array of wrong type")
            << QByteArray("{\"customer_fragments\": {}}") << QStringLiteral("must be an array");
        QTest::newRow("entry not object") << QByteArray("{\"customer_fragments\": [\"x\"]}")
                                          << QStringLiteral("entry 1 is not a JSON object");
        QTest::newRow("no value") << QByteArray("{\"customer_fragments\": [{\"id\": \"cf-1\"}]}")
                                  << QStringLiteral("entry 1 (cf-1) has no \"value\" string");
        QTest::newRow("number id")
            << QByteArray("{\"customer_fragments\": [{\"id\": 5, \"value\": \"eA==\"}]}")
            << QStringLiteral("entry 1 has no \"id\" string");
        QTest::newRow("name not string")
            << QByteArray("{\"customer_fragments\": [{\"id\": \"cf-1\", \"value\": \"eA==\", "
                          "\"name\": 3}]}")
            << QStringLiteral("has a \"name\" that is not a string");
        QTest::newRow("not base64")
            << QByteArray(
                   "{\"customer_fragments\": [{\"id\": \"cf-1\", \"value\": \"%%%notbase64\"}]}")
            << QStringLiteral("the value of entry 1 (cf-1) is not base64");
        QTest::newRow("short seed")
            << QByteArray("{\"customer_fragments\": [{\"id\": \"cf-1\", \"value\": "
                          "\"AAAAAAAAAAAAAAAAAAAA\", "
                          "\"fragment_type\": \"hsm_secured\", \"key_label\": \"k\"}]}")
            << QStringLiteral("the seed of entry 1 (cf-1) is 15 bytes");
        QTest::newRow("duplicate ids")
            << QByteArray("{\"customer_fragments\": [{\"id\": \"cf-1\", \"value\": \"eA==\"}, "
                          "{\"id\": \"cf-1\", \"value\": \"eQ==\"}]}")
            << QStringLiteral("the id cf-1 appears twice");
    }

    void badFilesAreReportedAndLeftAlone() {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = write(dir, "f.json", content);
        auto file = FragmentFile::load(path);
        QVERIFY(!file);
        QVERIFY2(file.error().message.contains(reason), qPrintable(file.error().message));
        QVERIFY(!file.error().message.contains(QLatin1Char('\n')));
        QCOMPARE(read(path), content);
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    }

    void hugeFilesAreRefusedUnread() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(FragmentFile::kMaxFileSize + 1));
        f.close();
        auto file = FragmentFile::load(path);
        QVERIFY(!file);
        QVERIFY(file.error().message.contains(QStringLiteral("too big")));
    }

    // update() reads, changes and writes under <path>.lock: while another writer holds it,
    // nothing is read or written and the refusal says who holds it; once it is free the
    // change lands on what the other writer left.
    void updateWaitsForTheOtherWriter() {
        QTemporaryDir dir;
        const QString path = write(dir, "f.json", kGatewayFile);
        const CustomerFragment added = CustomerFragment::make(
            QStringLiteral("cf-lockedlockedlocked0"), QByteArray(64, 'l'), QStringLiteral("Locked"),
            QString(), FragmentType::Standard, QString());
        auto change = [&](FragmentFile &file) {
            return file.add(added, false);
        };
        {
            QLockFile other(path + QStringLiteral(".lock"));
            QVERIFY(other.tryLock(0));
            const Result<FragmentFile> refused = FragmentFile::update(path, true, change, 100);
            QVERIFY(!refused);
            const QString message = refused.error().message;
            QVERIFY2(message.contains(
                         QStringLiteral("process %1").arg(QCoreApplication::applicationPid())),
                     qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("nothing was written")), qPrintable(message));
            QVERIFY(!message.contains(QLatin1Char('\n')));
            QCOMPARE(read(path), kGatewayFile);
            // The other writer's change, made while it holds the lock.
            auto file = FragmentFile::load(path);
            QVERIFY(file->add(CustomerFragment::make(QStringLiteral("cf-otherotherother0000"),
                                                     QByteArray(64, 'o'), QStringLiteral("Other"),
                                                     QString(), FragmentType::Standard, QString()),
                              false));
            QVERIFY(file->save());
        }
        const Result<FragmentFile> saved = FragmentFile::update(path, true, change);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        const auto reread = FragmentFile::load(path);
        QCOMPARE(reread->fragments().size(), 5);
        QVERIFY(reread->findByName(QStringLiteral("Other")));
        QVERIFY(reread->findByName(QStringLiteral("Locked")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        // A refusal by the change itself writes nothing.
        const QByteArray before = read(path);
        QVERIFY(!FragmentFile::update(path, true, change));
        QCOMPARE(read(path), before);
    }

    void newFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.json"));
        QVERIFY(!FragmentFile::load(path));
        auto file = FragmentFile::loadOrCreate(path);
        QVERIFY(file);
        QVERIFY(file->add(CustomerFragment::make(QStringLiteral("cf-firstfirstfirst0000"),
                                                 QByteArray(64, 'f'), QStringLiteral("First"),
                                                 QString(), FragmentType::Standard, QString()),
                          false));
        QVERIFY(file->save());
        QCOMPARE(mode(path), 0600);
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
        QCOMPARE(FragmentFile::load(path)->fragments().size(), 1);
    }

    // The id is part of the derivation's input: a character outside printable ASCII has
    // no single spelling in bytes and is no id the vendor writes.
    void nonAsciiIdIsRefused() {
        for (const char *id : {"cf-\xc3\xa4"
                               "bc",
                               "cf-\xe4\xb8\x80", "cf-a b", "cf-\\u0007x"}) {
            QTemporaryDir dir;
            const QByteArray content = QByteArray("{\"customer_fragments\": [{\"id\": \"") + id +
                                       "\", \"value\": \"" + kSeed + "\"}]}";
            const QString path = write(dir, "f.json", content);
            auto file = FragmentFile::load(path);
            QVERIFY2(!file, id);
            QVERIFY2(file.error().message.contains(QStringLiteral("not printable ASCII")),
                     qPrintable(file.error().message));
            QCOMPARE(read(path), content);
        }
    }

    // What loads but the gateway would not handle as meant is marked per entry.
    void problemsAreMarkedPerEntry() {
        const QByteArray shortSeed = QByteArray(32, 's').toBase64();
        const QString seed = QString::fromLatin1(kSeed);
        auto entry = [&](const char *id, const QString &value, QJsonObject more) {
            more.insert(QStringLiteral("id"), QLatin1String(id));
            more.insert(QStringLiteral("value"), value);
            return more;
        };
        const QString k = QStringLiteral("key_label");
        const QString t = QStringLiteral("fragment_type");
        const QString n = QStringLiteral("name");
        const QJsonArray entries{
            entry("cf-goodgoodgoodgood0000", seed, {{n, QStringLiteral("Good")}}),
            entry("cf-1", seed, {{n, QStringLiteral("Shape")}}),
            entry("cf-twintwintwintwin0001", seed, {{n, QStringLiteral("Twin")}}),
            entry("cf-twintwintwintwin0002", seed, {{n, QStringLiteral("Twin")}}),
            entry("cf-nokeytypenokeytype00", seed, {{k, QStringLiteral("k")}}),
            entry("cf-emptytypeemptytype00", seed,
                  {{k, QStringLiteral("k")}, {t, QStringLiteral(" ")}}),
            entry("cf-shortseedshortseed00", QString::fromLatin1(shortSeed),
                  {{t, QStringLiteral("standard")}}),
            entry("cf-unknownunknownunkn00", QString::fromLatin1(shortSeed),
                  {{t, QStringLiteral("hsm_future")}, {QStringLiteral("extra"), 1}})};
        const QByteArray content =
            QJsonDocument(QJsonObject{{QStringLiteral("customer_fragments"), entries}}).toJson();
        QTemporaryDir dir;
        auto file = FragmentFile::load(write(dir, "f.json", content));
        QVERIFY2(file, qPrintable(file.error().message));
        QCOMPARE(file->fragments().size(), 8);
        QVERIFY(file->problems(0).isEmpty());
        QVERIFY(
            file->problems(1).join(QLatin1Char(' ')).contains(QStringLiteral("vendor's shape")));
        QVERIFY(file->problems(2).join(QLatin1Char(' ')).contains(QStringLiteral("same name")));
        QVERIFY(file->problems(3).join(QLatin1Char(' ')).contains(QStringLiteral("same name")));
        QVERIFY(
            file->problems(4).join(QLatin1Char(' ')).contains(QStringLiteral("no fragment_type")));
        QVERIFY(
            file->problems(5).join(QLatin1Char(' ')).contains(QStringLiteral("no fragment_type")));
        QVERIFY(
            file->problems(6).join(QLatin1Char(' ')).contains(QStringLiteral("32 bytes, not 64")));
        QVERIFY(file->problems(7).isEmpty()); // an unknown type's value is not ours to judge
        QCOMPARE(file->fragmentsNamed(QStringLiteral("Twin")).size(), 2);
        // Unknown entries and fields are still kept verbatim.
        QVERIFY(file->toJson().contains("\"extra\": 1"));
    }

    void idsAreWellFormedAndUnique() {
        QSet<QString> taken;
        QHash<QChar, int> seen;
        for (int i = 0; i < 2000; ++i) {
            auto id = fragmentGenerator::newId(taken);
            QVERIFY(id);
            QVERIFY2(CustomerFragment::isValidId(id.value()), qPrintable(id.value()));
            QVERIFY(!taken.contains(id.value()));
            taken.insert(id.value());
            for (QChar c : id.value().mid(3))
                seen[c]++;
        }
        QCOMPARE(seen.size(), 36); // every character of [a-z0-9] turns up
        QVERIFY(!CustomerFragment::isValidId(QStringLiteral("cf-ABCDEFGHIJKLMNOPQRST")));
        QVERIFY(!CustomerFragment::isValidId(QStringLiteral("cf-short")));
        QVERIFY(!CustomerFragment::isValidId(QStringLiteral("cf-abcdefghij0123456789\n")));
    }
};

QTEST_GUILESS_MAIN(TestFragmentFile)
#include "TestFragmentFile.moc"
