// SPDX-License-Identifier: Apache-2.0
// hsm_wrap_encrypt end to end on SoftHSM: KEKs made by create-key, fragments encrypted in
// the HSM with each AES mode, fingerprints through derive and preflight, KEK rotation, and
// every kind of bad input refused with one line and the file left byte for byte.
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm::test;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QJsonArray entries(const QString &path) {
    return QJsonDocument::fromJson(readAll(path))
        .object()
        .value(QStringLiteral("customer_fragments"))
        .toArray();
}

QByteArray fileWith(const QJsonArray &array) {
    return QJsonDocument(QJsonObject{{QStringLiteral("customer_fragments"), array}}).toJson();
}

QByteArray decoded(const QJsonObject &entry, const char *field) {
    return QByteArray::fromBase64(entry.value(QLatin1String(field)).toString().toLatin1());
}

} // namespace

class TestCliKeyEncryption : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;

    QStringList env() const {
        return {QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                QStringLiteral("HSM_TOKEN_LABEL=gateway"),
                QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin)};
    }

    RunResult cli(const QStringList &args) {
        return cliRun::inProcess(args, m_fixture->environment() + env(), m_dir.path());
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // gen-customer-fragment -t hsm_wrap_encrypt into `file`; the new entry, or an empty one.
    QJsonObject generate(const QString &file, const QString &name, const QString &kek,
                         const QString &alg) {
        QStringList args{QStringLiteral("gen-customer-fragment"),
                         QStringLiteral("-n"),
                         name,
                         QStringLiteral("-t"),
                         QStringLiteral("hsm_wrap_encrypt"),
                         QStringLiteral("-k"),
                         kek,
                         QStringLiteral("--output"),
                         file};
        if (!alg.isEmpty())
            args << QStringLiteral("--hsm-wrap-alg") << alg;
        const RunResult r = cli(args);
        if (r.status != 0) {
            qWarning("%s", qPrintable(r.err));
            return {};
        }
        return QJsonDocument::fromJson(r.out).object();
    }

    QString fingerprint(const QString &file, const QString &id) {
        const RunResult r = cli({QStringLiteral("derive"), QStringLiteral("--fragments"), file,
                                 QStringLiteral("--id"), id});
        static const QRegularExpression line(QStringLiteral("^fingerprint: ([0-9a-f]{16})\\n$"));
        const auto m = line.match(QString::fromLatin1(r.out));
        if (!m.hasMatch())
            qWarning("derive: %s", qPrintable(r.err));
        return m.hasMatch() ? m.captured(1) : QString();
    }

    // `args` fail with status 1 and one line that matches `reason`, and `file` keeps its
    // bytes (and gets no .bak).
    void expectRefused(const QStringList &args, const QString &file, const QString &reason) {
        const QByteArray before = readAll(file);
        const bool hadBackup = QFile::exists(file + QStringLiteral(".bak"));
        const RunResult r = cli(args);
        QVERIFY2(r.status == 1, qPrintable(QStringLiteral("status %1: %2")
                                               .arg(r.status)
                                               .arg(QString::fromUtf8(r.out) + r.err)));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QCOMPARE(readAll(file), before);
        QCOMPARE(QFile::exists(file + QStringLiteral(".bak")), hadBackup);
    }

private Q_SLOTS:
    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("gateway")}));
        QVERIFY(m_fixture->importSecret(QStringLiteral("gateway"), QStringLiteral("hmac"),
                                        QByteArray(32, '\x5a')));
        for (const char *label : {"kek-a", "kek-b"}) {
            const RunResult r =
                cli({QStringLiteral("create-key"), QStringLiteral("--label"), QLatin1String(label),
                     QStringLiteral("--key-type"), QStringLiteral("aes")});
            QVERIFY2(r.status == 0, qPrintable(r.err));
        }
        const RunResult rsa =
            cli({QStringLiteral("create-key"), QStringLiteral("--label"), QStringLiteral("kek-rsa"),
                 QStringLiteral("--key-type"), QStringLiteral("rsa"), QStringLiteral("--bits"),
                 QStringLiteral("2048")});
        QVERIFY2(rsa.status == 0, qPrintable(rsa.err));
        QVERIFY(rsa.out.contains("RSA key pair 'kek-rsa' (2048 bits"));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void createdKeksAreChecked() {
        RunResult r =
            cli({QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("kek-a")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("works with aes-gcm, aes-cbc, aes-cbc-pad"), r.out.constData());
        // SoftHSM 2.6 has OAEP only with SHA-1: the check says so, and suggests AES.
        r = cli(
            {QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("kek-rsa")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QLatin1String("RSA-OAEP with SHA-256")) &&
                     r.err.contains(QLatin1String("aes-gcm")),
                 qPrintable(r.err));
        // The HMAC key is still checked as one.
        r = cli({QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("hmac")});
        QVERIFY2(r.status == 0 && r.out.contains("HMAC-SHA256"), qPrintable(r.err));
    }

    void eachAesModeHasItsLayout_data() {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<int>("ivSize");
        QTest::addColumn<int>("tagSize");
        QTest::addColumn<int>("valueSize");
        QTest::newRow("aes-gcm") << QStringLiteral("aes-gcm") << 12 << 16 << 64;
        QTest::newRow("aes-cbc") << QStringLiteral("aes-cbc") << 16 << 0 << 64;
        // PKCS#7 adds a whole block to 64 bytes.
        QTest::newRow("aes-cbc-pad") << QStringLiteral("aes-cbc-pad") << 16 << 0 << 80;
    }

    void eachAesModeHasItsLayout() {
        QFETCH(QString, alg);
        QFETCH(int, ivSize);
        QFETCH(int, tagSize);
        QFETCH(int, valueSize);
        const QString file = path(QStringLiteral("layout-%1.json").arg(alg));
        const QJsonObject entry =
            generate(file, QStringLiteral("ENC"), QStringLiteral("kek-a"), alg);
        QVERIFY(!entry.isEmpty());
        QCOMPARE(entry.value(QStringLiteral("fragment_type")).toString(),
                 QStringLiteral("hsm_wrap_encrypt"));
        QCOMPARE(entry.value(QStringLiteral("key_label")).toString(), QStringLiteral("kek-a"));
        QCOMPARE(entry.value(QStringLiteral("wrap_alg")).toString(), alg);
        QCOMPARE(decoded(entry, "wrap_iv").size(), ivSize);
        QCOMPARE(entry.contains(QStringLiteral("wrap_tag")), tagSize > 0);
        QCOMPARE(decoded(entry, "wrap_tag").size(), tagSize);
        QCOMPARE(decoded(entry, "value").size(), valueSize);
        // The file holds what was printed.
        QCOMPARE(entries(file).first().toObject(), entry);
        const QString id = entry.value(QStringLiteral("id")).toString();
        const QString first = fingerprint(file, id);
        QCOMPARE(first.size(), 16);
        QCOMPARE(fingerprint(file, id), first);
        // Two fragments under the same KEK are different fragments.
        const QJsonObject second =
            generate(file, QStringLiteral("ENC2"), QStringLiteral("kek-a"), alg);
        QVERIFY(!second.isEmpty());
        QVERIFY(fingerprint(file, second.value(QStringLiteral("id")).toString()) != first);
    }

    void listingShowsTheKekNeverTheValue() {
        const QString file = path(QStringLiteral("listing.json"));
        const QJsonObject entry = generate(file, QStringLiteral("LISTED"), QStringLiteral("kek-a"),
                                           QStringLiteral("aes-cbc"));
        QVERIFY(!entry.isEmpty());
        RunResult r = cli({QStringLiteral("fragments"), QStringLiteral("--fragments"), file,
                           QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject listed = QJsonDocument::fromJson(r.out).array().first().toObject();
        QCOMPARE(listed.value(QStringLiteral("wrap_alg")).toString(), QStringLiteral("aes-cbc"));
        QCOMPARE(listed.value(QStringLiteral("key_label")).toString(), QStringLiteral("kek-a"));
        QVERIFY(!r.out.contains(entry.value(QStringLiteral("value")).toString().toLatin1()));
        QVERIFY(!r.out.contains(entry.value(QStringLiteral("wrap_iv")).toString().toLatin1()));
        r = cli({QStringLiteral("fragments"), QStringLiteral("--fragments"), file});
        QVERIFY2(r.out.contains("hsm_wrap_encrypt (aes-cbc)"), r.out.constData());
        QVERIFY(!r.out.contains(entry.value(QStringLiteral("value")).toString().toLatin1()));
    }

    void typesAndNames() {
        const QString file = path(QStringLiteral("types.json"));
        // The vendor's default type is standard.
        RunResult r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                           QStringLiteral("PLAIN"), QStringLiteral("--output"), file});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("fragment_type")),
                 QStringLiteral("standard"));
        // Each HMAC name is written as the operator chose it.
        for (const char *type : {"hsm_wrapped", "hsm_wrap_hmac"}) {
            r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                     QLatin1String(type), QStringLiteral("-t"), QLatin1String(type),
                     QStringLiteral("-k"), QStringLiteral("hmac"), QStringLiteral("--output"),
                     file});
            QVERIFY2(r.status == 0, qPrintable(r.err));
            QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("fragment_type")),
                     QLatin1String(type));
        }
        // Both names are the same derivation: one entry under either name, one fingerprint.
        QJsonObject entry = entries(file).at(1).toObject();
        const QString id = entry.value(QStringLiteral("id")).toString();
        const QString asOld = fingerprint(file, id);
        QVERIFY(!asOld.isEmpty());
        entry.insert(QStringLiteral("fragment_type"), QStringLiteral("hsm_wrap_hmac"));
        const QString renamed = path(QStringLiteral("renamed.json"));
        QVERIFY(writeAll(renamed, fileWith({entry})));
        QCOMPARE(fingerprint(renamed, id), asOld);
        // A standard fragment's fingerprint is of its value itself, with no HSM.
        const QJsonObject plain = entries(file).at(0).toObject();
        const QByteArray seed = decoded(plain, "value");
        QCOMPARE(fingerprint(file, plain.value(QStringLiteral("id")).toString()),
                 QString::fromLatin1(
                     QCryptographicHash::hash(seed, QCryptographicHash::Sha256).left(8).toHex()));
    }

    void rotatesTheKek() {
        const QString file = path(QStringLiteral("rotate.json"));
        const QJsonObject other = generate(file, QStringLiteral("KEEP"), QStringLiteral("kek-a"),
                                           QStringLiteral("aes-gcm"));
        const QJsonObject entry = generate(file, QStringLiteral("MOVE"), QStringLiteral("kek-a"),
                                           QStringLiteral("aes-gcm"));
        QVERIFY(!other.isEmpty() && !entry.isEmpty());
        const QString id = entry.value(QStringLiteral("id")).toString();
        const QString before = fingerprint(file, id);
        const QByteArray previous = readAll(file);
        RunResult r = cli({QStringLiteral("rewrap-customer-fragment"),
                           QStringLiteral("--input-file"), file, QStringLiteral("--cf-id"), id,
                           QStringLiteral("--new-kek-ref"), QStringLiteral("kek-b"),
                           QStringLiteral("--hsm-wrap-alg"), QStringLiteral("aes-cbc-pad")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("fingerprint before: %1").arg(before).toLatin1()),
                 r.out.constData());
        QVERIFY(r.out.contains(QStringLiteral("fingerprint after:  %1").arg(before).toLatin1()));
        QCOMPARE(readAll(file + QStringLiteral(".bak")), previous);
        const QJsonArray now = entries(file);
        QCOMPARE(now.size(), 2);
        QCOMPARE(now.at(0).toObject(), other); // untouched
        const QJsonObject moved = now.at(1).toObject();
        QCOMPARE(moved.value(QStringLiteral("key_label")).toString(), QStringLiteral("kek-b"));
        QCOMPARE(moved.value(QStringLiteral("wrap_alg")).toString(), QStringLiteral("aes-cbc-pad"));
        QVERIFY(!moved.contains(QStringLiteral("wrap_tag")));
        QCOMPARE(moved.value(QStringLiteral("name")), entry.value(QStringLiteral("name")));
        QVERIFY(moved.value(QStringLiteral("value")) != entry.value(QStringLiteral("value")));
        QCOMPARE(fingerprint(file, id), before);
        // And back, with the default algorithm for an AES KEK: the entry's own mode.
        r = cli({QStringLiteral("rewrap-customer-fragment"), QStringLiteral("--input-file"), file,
                 QStringLiteral("--cf-id"), id, QStringLiteral("--new-kek-ref"),
                 QStringLiteral("kek-a"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("fingerprint_before")).toString(), before);
        QCOMPARE(report.value(QStringLiteral("fingerprint_after")).toString(), before);
        QCOMPARE(report.value(QStringLiteral("wrap_alg")).toString(),
                 QStringLiteral("aes-cbc-pad"));
        QCOMPARE(fingerprint(file, id), before);
    }

    void preflightChecksEveryEntry() {
        const QString file = path(QStringLiteral("preflight.json"));
        const QJsonObject enc = generate(file, QStringLiteral("ENC"), QStringLiteral("kek-b"),
                                         QStringLiteral("aes-gcm"));
        QVERIFY(!enc.isEmpty());
        QJsonArray array = entries(file);
        array.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("cf-future00000000000000")},
                                 {QStringLiteral("value"), QStringLiteral("AAAA")},
                                 {QStringLiteral("fragment_type"), QStringLiteral("hsm_future")}});
        QVERIFY(writeAll(file, fileWith(array)));
        const QString envFile = path(QStringLiteral("gateway.env"));
        QVERIFY(writeAll(envFile, env().join(QLatin1Char('\n')).toUtf8()));
        const RunResult r = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile,
                                 QStringLiteral("--fragments"), file});
        QCOMPARE(r.status, 1); // the unknown type fails, never a silent skip
        const QString out = QString::fromUtf8(r.out);
        const QString id = enc.value(QStringLiteral("id")).toString();
        QVERIFY2(
            out.contains(QStringLiteral("PASS  fragment %1: ENC (hsm_wrap_encrypt) decrypts in "
                                        "the HSM with KEK 'kek-b' (aes-gcm), fingerprint %2.")
                             .arg(id, fingerprint(file, id))),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("FAIL  fragment cf-future00000000000000: unnamed has "
                                             "fragment_type 'hsm_future'")),
                 qPrintable(out));
        // A KEK that is gone is a FAIL line with the reason.
        array = entries(file);
        QJsonObject lost = array.at(0).toObject();
        lost.insert(QStringLiteral("key_label"), QStringLiteral("kek-gone"));
        array.replace(0, lost);
        QVERIFY(writeAll(file, fileWith(array)));
        const RunResult gone = cli({QStringLiteral("preflight"), QStringLiteral("--env-file"),
                                    envFile, QStringLiteral("--fragments"), file});
        QVERIFY2(gone.out.contains(QStringLiteral("FAIL  fragment %1: ").arg(id).toLatin1()) &&
                     gone.out.contains("No key is labelled 'kek-gone'"),
                 gone.out.constData());
    }

    void badInputChangesNothing() {
        const QString file = path(QStringLiteral("bad.json"));
        const QJsonObject gcm = generate(file, QStringLiteral("GCM"), QStringLiteral("kek-a"),
                                         QStringLiteral("aes-gcm"));
        QVERIFY(!gcm.isEmpty());
        const QString id = gcm.value(QStringLiteral("id")).toString();
        const QStringList gen{QStringLiteral("gen-customer-fragment"),
                              QStringLiteral("-n"),
                              QStringLiteral("NEW"),
                              QStringLiteral("-t"),
                              QStringLiteral("hsm_wrap_encrypt"),
                              QStringLiteral("--output"),
                              file};
        const QStringList rewrap{QStringLiteral("rewrap-customer-fragment"),
                                 QStringLiteral("--input-file"), file};

        // A missing KEK; a KEK of the wrong kind for the algorithm; an HMAC key as a KEK.
        expectRefused(gen + QStringList{QStringLiteral("-k"), QStringLiteral("kek-missing"),
                                        QStringLiteral("--hsm-wrap-alg"),
                                        QStringLiteral("aes-gcm")},
                      file, QStringLiteral("No key is labelled 'kek-missing'"));
        expectRefused(gen + QStringList{QStringLiteral("-k"), QStringLiteral("kek-a"),
                                        QStringLiteral("--hsm-wrap-alg"),
                                        QStringLiteral("rsa-oaep-sha256")},
                      file, QStringLiteral("The KEK 'kek-a' is an AES key, but rsa-oaep-sha256"));
        expectRefused(gen + QStringList{QStringLiteral("-k"), QStringLiteral("hmac"),
                                        QStringLiteral("--hsm-wrap-alg"),
                                        QStringLiteral("aes-gcm")},
                      file, QStringLiteral("not a KEK"));
        // rsa-oaep-sha256 (the default) on SoftHSM: the cause and the way out.
        expectRefused(gen + QStringList{QStringLiteral("-k"), QStringLiteral("kek-rsa")}, file,
                      QStringLiteral("Use an AES KEK with --hsm-wrap-alg aes-gcm"));
        // --hsm-wrap-alg on another type.
        {
            const QByteArray before = readAll(file);
            const RunResult r = cli({QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                                     QStringLiteral("X"), QStringLiteral("--hsm-wrap-alg"),
                                     QStringLiteral("aes-gcm"), QStringLiteral("--output"), file});
            QCOMPARE(r.status, 2);
            QCOMPARE(readAll(file), before);
        }

        // Rotation: an id that is not in the file, the same KEK, a KEK that cannot.
        expectRefused(
            rewrap + QStringList{QStringLiteral("--cf-id"), QStringLiteral("cf-notthere0000000000"),
                                 QStringLiteral("--new-kek-ref"), QStringLiteral("kek-b")},
            file, QStringLiteral("has no fragment with id 'cf-notthere0000000000'"));
        expectRefused(rewrap + QStringList{QStringLiteral("--cf-id"), id,
                                           QStringLiteral("--new-kek-ref"),
                                           QStringLiteral("kek-a")},
                      file, QStringLiteral("is already encrypted under 'kek-a'"));
        expectRefused(rewrap + QStringList{QStringLiteral("--cf-id"), id,
                                           QStringLiteral("--new-kek-ref"),
                                           QStringLiteral("kek-rsa")},
                      file, QStringLiteral("RSA-OAEP with SHA-256"));
        expectRefused(rewrap + QStringList{QStringLiteral("--cf-id"), id,
                                           QStringLiteral("--new-kek-ref"), QStringLiteral("hmac")},
                      file, QStringLiteral("not a KEK"));

        // Files altered by hand: each entry written alone, then derived and rewrapped.
        auto altered = [&](const QString &name, const std::function<void(QJsonObject &)> &change) {
            QJsonObject entry = gcm;
            change(entry);
            const QString where = path(name);
            writeAll(where, fileWith({entry}));
            return where;
        };
        auto flipped = [](const QJsonObject &entry, const char *field) {
            QByteArray bytes = decoded(entry, field);
            bytes[3] = static_cast<char>(bytes[3] ^ 0x01);
            return QString::fromLatin1(bytes.toBase64());
        };
        const QStringList deriveArgs{QStringLiteral("derive"), QStringLiteral("--id"), id,
                                     QStringLiteral("--fragments")};
        const QStringList rewrapArgs{QStringLiteral("rewrap-customer-fragment"),
                                     QStringLiteral("--cf-id"),
                                     id,
                                     QStringLiteral("--new-kek-ref"),
                                     QStringLiteral("kek-b"),
                                     QStringLiteral("--input-file")};
        struct Case {
            QString name;
            std::function<void(QJsonObject &)> change;
            QString reason;
        };
        const QList<Case> cases{
            {QStringLiteral("ciphertext"),
             [&](QJsonObject &e) { e.insert(QStringLiteral("value"), flipped(e, "value")); },
             QStringLiteral("The GCM tag does not match")},
            {QStringLiteral("tag"),
             [&](QJsonObject &e) { e.insert(QStringLiteral("wrap_tag"), flipped(e, "wrap_tag")); },
             QStringLiteral("The GCM tag does not match")},
            {QStringLiteral("iv-length"),
             [](QJsonObject &e) {
                 e.insert(QStringLiteral("wrap_iv"),
                          QString::fromLatin1(QByteArray(16, 'i').toBase64()));
             },
             QStringLiteral("aes-gcm needs a 12-byte IV; wrap_iv holds 16 bytes")},
            {QStringLiteral("no-tag"), [](QJsonObject &e) { e.remove(QStringLiteral("wrap_tag")); },
             QStringLiteral("aes-gcm needs a 16-byte tag; wrap_tag holds 0 bytes")},
            {QStringLiteral("unknown-alg"),
             [](QJsonObject &e) { e.insert(QStringLiteral("wrap_alg"), QStringLiteral("rot13")); },
             QStringLiteral("wrap_alg 'rot13' is none of")},
            {QStringLiteral("wrap-on-standard"),
             [](QJsonObject &e) {
                 e.insert(QStringLiteral("fragment_type"), QStringLiteral("standard"));
             },
             QStringLiteral("is standard but carries wrap_* fields")},
            {QStringLiteral("kek-missing"),
             [](QJsonObject &e) { e.insert(QStringLiteral("key_label"), QStringLiteral("gone")); },
             QStringLiteral("No key is labelled 'gone'")},
        };
        for (const Case &c : cases) {
            const QString bad = altered(QStringLiteral("bad-%1.json").arg(c.name), c.change);
            expectRefused(deriveArgs + QStringList{bad}, bad, c.reason);
            expectRefused(rewrapArgs + QStringList{bad}, bad, c.reason);
        }
        // The original still derives: none of the above touched it.
        QCOMPARE(fingerprint(file, id).size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestCliKeyEncryption)
#include "TestCliKeyEncryption.moc"
