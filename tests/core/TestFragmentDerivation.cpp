// SPDX-License-Identifier: Apache-2.0
// The version 1 derivation against the published vector and against OpenSSL's one-shot
// HKDF (salt = the HSM key, IKM = the seed) for 100 random keys, seeds and ids imported into
// SoftHSM; and the providers: wrapped derives once, secured on every use.
#include "core/client/HsmClient.h"
#include "core/fragment/FragmentProvider.h"
#include "core/token/KeyEncryption.h"
#include "tests/support/SoftHsmFixture.h"

#include <QSet>
#include <QTest>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <unistd.h>

using namespace hsm;
using namespace hsm::test;

namespace {

// The oracle: standard HKDF-SHA256(salt, ikm, info, 64) in one OpenSSL call.
QByteArray opensslHkdf(const QByteArray &salt, const QByteArray &ikm, const QByteArray &info) {
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    char digest[] = "SHA256";
    QByteArray s = salt, k = ikm, i = info;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, s.data(), s.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, k.data(), k.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, i.data(), i.size()),
        OSSL_PARAM_construct_end()};
    QByteArray out(64, '\0');
    EVP_KDF_derive(ctx, reinterpret_cast<unsigned char *>(out.data()), out.size(), params);
    EVP_KDF_CTX_free(ctx);
    return out;
}

QByteArray random(int size) {
    QByteArray b(size, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(b.data()), size);
    return b;
}

QByteArray bytes(const SecretBytes &s) {
    return QByteArray(reinterpret_cast<const char *>(s.data()), static_cast<qsizetype>(s.size()));
}

CustomerFragment fragment(const QString &id, const QByteArray &seed, FragmentType type,
                          const QString &keyLabel) {
    return CustomerFragment::make(id, seed, QStringLiteral("name-") + id, QString(), type,
                                  keyLabel);
}

struct Case {
    QByteArray key;
    QByteArray seed;
    QString id;
};

} // namespace

class TestFragmentDerivation : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    std::unique_ptr<HsmClient> m_client;
    CK_SLOT_ID m_slot = 0;
    QList<Case> m_cases;
    static constexpr int kCases = 100;

private Q_SLOTS:
    // Two different ids never give the same derivation input (toLatin1() made every
    // character outside Latin-1 a '?').
    void infoIsDistinctPerId() {
        const QStringList ids{QStringLiteral("cf-\u4e00"), QStringLiteral("cf-\u4e01"),
                              QStringLiteral("cf-?"), QStringLiteral("cf-\u00e4"),
                              QStringLiteral("cf-\u00c3\u00a4")};
        QSet<QByteArray> seen;
        for (const QString &id : ids)
            seen.insert(fragmentDerivation::info(id));
        QCOMPARE(seen.size(), ids.size());
        // ASCII ids keep the bytes they always had.
        QCOMPARE(fragmentDerivation::info(QStringLiteral("cf-abc")),
                 QByteArray("customer-fragment/v1\0cf-abc", 27));
    }

    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("derive")}));
        QByteArray vectorKey;
        for (int i = 0; i < 32; ++i)
            vectorKey.append(static_cast<char>(i));
        QVERIFY(
            m_fixture->importSecret(QStringLiteral("derive"), QStringLiteral("vector"), vectorKey));
        QSet<QString> ids;
        for (int i = 0; i < kCases; ++i) {
            Case c;
            c.key = random(32 + (i % 33));
            c.seed = random(16 + (i * 7) % 113);
            c.id = fragmentGenerator::newId(ids).value();
            ids.insert(c.id);
            m_cases.append(c);
        }
        // All keys in one session: the library must not be initialized twice in this process.
        const CK_RV rv = m_fixture->withSession(
            QStringLiteral("derive"), [this](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE s) {
                for (int i = 0; i < m_cases.size(); ++i) {
                    QByteArray label = QStringLiteral("k%1").arg(i).toUtf8();
                    QByteArray value = m_cases[i].key;
                    CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
                    CK_KEY_TYPE type = CKK_GENERIC_SECRET;
                    CK_BBOOL yes = CK_TRUE;
                    CK_ATTRIBUTE tmpl[] = {
                        {CKA_CLASS, &cls, sizeof cls},
                        {CKA_KEY_TYPE, &type, sizeof type},
                        {CKA_VALUE, value.data(), static_cast<CK_ULONG>(value.size())},
                        {CKA_LABEL, label.data(), static_cast<CK_ULONG>(label.size())},
                        {CKA_TOKEN, &yes, sizeof yes},
                        {CKA_PRIVATE, &yes, sizeof yes},
                        {CKA_SENSITIVE, &yes, sizeof yes},
                        {CKA_SIGN, &yes, sizeof yes}};
                    CK_OBJECT_HANDLE h;
                    if (CK_RV r = f->C_CreateObject(s, tmpl, std::size(tmpl), &h); r != CKR_OK)
                        return r;
                }
                return CK_RV(CKR_OK);
            });
        QCOMPARE(rv, CKR_OK);
        m_slot = m_fixture->token(QStringLiteral("derive")).slot;
        m_client = std::make_unique<HsmClient>();
        QVERIFY(await(m_client->load(SoftHsmFixture::modulePath())));
        QVERIFY(
            await(m_client->login(m_slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                               strlen(SoftHsmFixture::kUserPin)))));
    }

    void cleanupTestCase() {
        m_client.reset();
        m_fixture.reset();
    }

    void publishedVector() {
        const CustomerFragment f = CustomerFragment(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("cf-0123456789abcdefghij")},
                        {QStringLiteral("value"),
                         QStringLiteral("QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpam"
                                        "tsbW5vcHFyc3R1dnd4eXp7fH1+fw==")},
                        {QStringLiteral("fragment_type"), QStringLiteral("hsm_secured")},
                        {QStringLiteral("key_label"), QStringLiteral("vector")}});
        auto result = await(m_client->submit<QStringList>(
            [this, f](Module &m, RequestContext &) -> Result<QStringList> {
                Result<Session> session = Session::shared(m, m_slot);
                FragmentDeriver deriver(std::move(session).value());
                Result<SecretBytes> seed = fragmentDerivation::seed(f);
                Result<SecretBytes> prk = deriver.extract(QStringLiteral("vector"), seed.value());
                if (!prk)
                    return prk.error();
                Result<SecretBytes> okm = deriver.derive(f);
                if (!okm)
                    return okm.error();
                return QStringList{QString::fromLatin1(bytes(prk.value()).toHex()),
                                   QString::fromLatin1(bytes(okm.value()).toBase64()),
                                   fragmentDerivation::fingerprint(okm.value())};
            }));
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(
            result->at(0),
            QStringLiteral("a41e350df9a042fb8a944cee3b2087b1e40b545593a7b1c0e28b2743c1578132"));
        QCOMPARE(result->at(1), QStringLiteral("uQmnao1lviU6d1TKuwIl1Z9yJTdWWs3ov9TwWD2SY4YdUHgLdIg"
                                               "GZCOQ9++8lnj0iR3mK4PZDSAz0l9prWqI5Q=="));
        QCOMPARE(result->at(2), QStringLiteral("964bb708d02569f0"));
    }

    void matchesOpenSslHkdfForRandomCases() {
        auto result = await(m_client->submit<QList<QByteArray>>(
            [this](Module &m, RequestContext &) -> Result<QList<QByteArray>> {
                Result<Session> session = Session::shared(m, m_slot);
                FragmentDeriver deriver(std::move(session).value());
                QList<QByteArray> out;
                for (int i = 0; i < m_cases.size(); ++i) {
                    const FragmentType type =
                        i % 2 ? FragmentType::HsmWrapHmac : FragmentType::HsmSecured;
                    Result<SecretBytes> okm = deriver.derive(fragment(
                        m_cases[i].id, m_cases[i].seed, type, QStringLiteral("k%1").arg(i)));
                    if (!okm)
                        return okm.error();
                    out.append(bytes(okm.value()));
                }
                return out;
            }));
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->size(), kCases);
        for (int i = 0; i < kCases; ++i) {
            const Case &c = m_cases[i];
            QCOMPARE(result->at(i).toHex(),
                     opensslHkdf(c.key, c.seed, fragmentDerivation::info(c.id)).toHex());
        }
    }

    void standardIsTheSeed() {
        const QByteArray seed = random(64);
        auto result =
            await(m_client->deriveFragment(std::nullopt,
                                           fragment(QStringLiteral("cf-standard0000000000"), seed,
                                                    FragmentType::Standard, QString()),
                                           true));
        QVERIFY(result);
        QCOMPARE(bytes(*result->value), seed);
    }

    // An HSM fragment without a token names what it needs; the module is loaded, so "no
    // library is loaded" would mislead.
    void hsmFragmentWithoutSlotNamesTheHsm() {
        auto result = await(
            m_client->deriveFragment(std::nullopt,
                                     fragment(QStringLiteral("cf-secured00000000000"), random(64),
                                              FragmentType::HsmSecured, QStringLiteral("k0")),
                                     false));
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::NotLoaded);
        QCOMPARE(result.error().message,
                 QStringLiteral("Deriving a hsm_secured fragment needs the HSM."));
    }

    void refusals() {
        auto derive = [this](const CustomerFragment &f) {
            return await(m_client->deriveFragment(m_slot, f, false));
        };
        auto r = derive(fragment(QStringLiteral("cf-aaaaaaaaaaaaaaaaaaaa"), random(15),
                                 FragmentType::HsmWrapHmac, QStringLiteral("k0")));
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("needs at least 16")));
        r = derive(fragment(QStringLiteral("cf-aaaaaaaaaaaaaaaaaaab"), random(64),
                            FragmentType::HsmWrapHmac, QStringLiteral("no-such-key")));
        QVERIFY(!r);
        QVERIFY(
            r.error().message.contains(QStringLiteral("No secret key is labelled 'no-such-key'")));
        CustomerFragment odd(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("cf-x")},
                        {QStringLiteral("value"), QString::fromLatin1(random(64).toBase64())},
                        {QStringLiteral("fragment_type"), QStringLiteral("hsm_future")}});
        r = derive(odd);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("cannot derive")));
    }

    void wrappedDerivesOnceSecuredOnEveryUse() {
        const Case &c = m_cases.first();
        const QByteArray expected = opensslHkdf(c.key, c.seed, fragmentDerivation::info(c.id));
        auto counts = await(m_client->submit<QList<int>>(
            [this, &c, expected](Module &m, RequestContext &) -> Result<QList<int>> {
                Result<Session> session = Session::shared(m, m_slot);
                FragmentDeriver deriver(std::move(session).value());
                QList<int> out;
                auto signs = [&m] {
                    return m.trace().countOf("C_Sign");
                };
                for (FragmentType type : {FragmentType::HsmWrapHmac, FragmentType::HsmSecured}) {
                    const int before = signs();
                    auto provider = FragmentProvider::open(
                        fragment(c.id, c.seed, type, QStringLiteral("k0")), deriver);
                    if (!provider)
                        return provider.error();
                    const int afterOpen = signs();
                    for (int i = 0; i < 10; ++i) {
                        Result<SecretBytes> v = provider.value()->value();
                        if (!v || bytes(v.value()) != expected)
                            return Error::make(Error::Kind::Input, QStringLiteral("wrong value"));
                    }
                    out << afterOpen - before << signs() - afterOpen;
                }
                return out;
            }));
        QVERIFY2(counts, qPrintable(counts.error().toString()));
        // Wrapped: one C_Sign when opened, none for ten uses. Secured: none when opened, ten.
        QCOMPARE(counts.value(), (QList<int>{1, 0, 0, 10}));
    }

    // hsm_wrap_encrypt is held like hsm_wrap_hmac: one C_Decrypt when opened, and its uses
    // never touch the HSM; the value is the fragment encryption started from.
    void encryptedDecryptsOnceWhenOpened() {
        const QByteArray plain = random(64);
        auto counts = await(m_client->submit<QList<int>>(
            [this, plain](Module &m, RequestContext &) -> Result<QList<int>> {
                Result<Session> session = Session::shared(m, m_slot);
                if (!session)
                    return session.error();
                KekSpec spec;
                spec.label = QStringLiteral("provider-kek");
                if (auto kek = keyEncryption::create(session.value(), spec); !kek)
                    return kek.error();
                Result<WrappedValue> wrapped = keyEncryption::encrypt(
                    session.value(), spec.label, WrapAlgorithm::AesGcm,
                    SecretBytes::fromRaw(plain.constData(), static_cast<size_t>(plain.size())));
                if (!wrapped)
                    return wrapped.error();
                const CustomerFragment f = CustomerFragment::makeEncrypted(
                    QStringLiteral("cf-encryptedprovider00"), QStringLiteral("E"), QString(),
                    spec.label, WrapAlgorithm::AesGcm, wrapped.value());
                FragmentDeriver deriver(std::move(session).value());
                auto decrypts = [&m] {
                    return m.trace().countOf("C_Decrypt");
                };
                const int before = decrypts();
                auto provider = FragmentProvider::open(f, deriver);
                if (!provider)
                    return provider.error();
                const int afterOpen = decrypts();
                for (int i = 0; i < 10; ++i) {
                    Result<SecretBytes> v = provider.value()->value();
                    if (!v || bytes(v.value()) != plain)
                        return Error::make(Error::Kind::Input, QStringLiteral("wrong value"));
                }
                return QList<int>{afterOpen - before, decrypts() - afterOpen};
            }));
        QVERIFY2(counts, qPrintable(counts.error().toString()));
        QCOMPARE(counts.value(), (QList<int>{1, 0}));
    }

    void wrappedValueIsWipedOnClose() {
        const QByteArray value = random(64);
        WrappedFragmentProvider provider(SecretBytes::fromRaw(value.constData(), value.size()));
        QVERIFY(provider.storage().isValid());
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(provider.storage().data()), 64), value);
        QCOMPARE(bytes(provider.value().value()), value);
        provider.close();
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(provider.storage().data()), 64),
                 QByteArray(64, '\0'));
        QVERIFY(!provider.value());
        if (geteuid() == 0)
            QVERIFY(provider.storage().isLocked()); // root may always lock memory
    }
};

QTEST_GUILESS_MAIN(TestFragmentDerivation)
#include "TestFragmentDerivation.moc"
