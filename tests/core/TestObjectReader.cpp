// SPDX-License-Identifier: Apache-2.0
// Listing objects: complete on a token with thousands of keys, in chunks, cancellable,
// public objects without login, and the per-attribute fallback on sensitive values.
#include "core/client/HsmClient.h"
#include "core/pkcs11/AttributeTemplate.h"
#include "core/token/ObjectReader.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFutureWatcher>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace hsm;
using namespace hsm::test;

namespace {

// Cancels after the first chunk arrived, deterministically.
class CancelAfterFirstChunk : public RequestContext {
public:
    bool cancel = false;
    bool isCancelled() const override { return cancel; }
    void reportProgress(qint64, qint64, const QString &) override {}
};

SecretBytes userPin() {
    return SecretBytes::fromRaw(SoftHsmFixture::kUserPin, strlen(SoftHsmFixture::kUserPin));
}

} // namespace

class TestObjectReader : public QObject {
    Q_OBJECT
    SoftHsmFixture *m_fixture = nullptr;
    CK_SLOT_ID m_slot = 0;
    static constexpr int kKeys = 2000;

private Q_SLOTS:
    void initTestCase() {
        m_fixture = new SoftHsmFixture;
        QString error;
        QVERIFY2(m_fixture->initTokens({QStringLiteral("many")}, &error), qPrintable(error));
        QVERIFY2(
            m_fixture->generateKeys(QStringLiteral("many"), QStringLiteral("key-"), kKeys, &error),
            qPrintable(error));
        // One public data object, visible without login.
        const CK_RV rv = m_fixture->withSession(
            QStringLiteral("many"), [](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE s) {
                CK_OBJECT_CLASS cls = CKO_DATA;
                CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
                char label[] = "public-note";
                char value[] = "hello";
                CK_ATTRIBUTE tmpl[] = {{CKA_CLASS, &cls, sizeof cls},
                                       {CKA_TOKEN, &yes, sizeof yes},
                                       {CKA_PRIVATE, &no, sizeof no},
                                       {CKA_LABEL, label, sizeof label - 1},
                                       {CKA_VALUE, value, sizeof value - 1}};
                CK_OBJECT_HANDLE h;
                return f->C_CreateObject(s, tmpl, std::size(tmpl), &h);
            });
        QCOMPARE(rv, CKR_OK);
        QVERIFY(m_fixture->importSecret(QStringLiteral("many"), QStringLiteral("known"),
                                        QByteArray(32, '\x11')));
        QVERIFY(m_fixture->importSecret(QStringLiteral("many"), QStringLiteral("open"),
                                        QByteArray(32, '\x22'), false));
        m_slot = m_fixture->token(QStringLiteral("many")).slot;
    }

    void cleanupTestCase() { delete m_fixture; }

    void publicObjectsWithoutLogin() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        auto rows = awaitAll(client.objects(m_slot));
        QVERIFY2(rows, qPrintable(rows.error().toString()));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().classWord(), QStringLiteral("data"));
        QCOMPARE(rows->first().label, QStringLiteral("public-note"));
        QVERIFY(!rows->first().has(ObjectInfo::Private));
        QVERIFY(rows->first().has(ObjectInfo::Token));
    }

    void listsEverythingInChunks() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QVERIFY(await(client.login(m_slot, userPin())));
        QFutureWatcher<Result<QList<ObjectInfo>>> watcher;
        QSignalSpy chunks(&watcher, &QFutureWatcherBase::resultsReadyAt);
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(client.objects(m_slot));
        QVERIFY(finished.wait(120000));
        QVERIFY(chunks.size() > 1);
        auto rows = awaitAll(watcher.future());
        QVERIFY2(rows, qPrintable(rows.error().toString()));
        QCOMPARE(rows->size(), kKeys + 3);
        // A first chunk of 100 rows, so that a view has rows early; then 500 at a time.
        QCOMPARE(watcher.future().resultCount(), 1 + (kKeys + 3 - 100 + 499) / 500);
        QSet<QString> labels;
        for (const ObjectInfo &o : rows.value()) {
            labels.insert(o.label);
            if (!o.label.startsWith(QStringLiteral("key-")))
                continue;
            QCOMPARE(o.classWord(), QStringLiteral("secret_key"));
            QCOMPARE(o.keyTypeWord(), QStringLiteral("generic_secret"));
            QCOMPARE(o.sizeBits, 256);
            const int n = o.label.mid(4).toInt();
            QCOMPARE(o.idHex(), QStringLiteral("%1").arg(n, 4, 16, QLatin1Char('0')));
            for (const char *flag :
                 {"token", "private", "sensitive", "never_extractable", "local", "sign"})
                QVERIFY2(o.flagWords().contains(QLatin1String(flag)), flag);
            QVERIFY(!o.has(ObjectInfo::Extractable));
        }
        for (int i = 0; i < kKeys; ++i)
            QVERIFY(labels.contains(QStringLiteral("key-%1").arg(i)));
        // One C_GetAttributeValue per row: no per-attribute fallback on SoftHSM.
        QVERIFY(client.trace()->countOf("C_GetAttributeValue") <= kKeys + 3 + 10);

        // pkcs11-tool, logged in, sees as many objects.
        QProcess tool;
        tool.setEnvironment(m_fixture->environment());
        tool.start(QStringLiteral(PKCS11_TOOL),
                   {QStringLiteral("--module"), SoftHsmFixture::modulePath(),
                    QStringLiteral("--slot"), QString::number(m_slot), QStringLiteral("--login"),
                    QStringLiteral("--pin"), QLatin1String(SoftHsmFixture::kUserPin),
                    QStringLiteral("--list-objects")});
        QVERIFY(tool.waitForFinished(300000));
        const QString listing = QString::fromUtf8(tool.readAllStandardOutput());
        const int peer = static_cast<int>(listing.count(QStringLiteral(" Object; ")) +
                                          listing.count(QStringLiteral("Data object")));
        QCOMPARE(peer, kKeys + 3);
    }

    void cancelStopsTheListing() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QVERIFY(await(client.login(m_slot, userPin())));
        auto delivered =
            await(client.submit<int>([this](Module &m, RequestContext &) -> Result<int> {
                Result<Session> session = Session::shared(m, m_slot);
                CancelAfterFirstChunk context;
                int rows = 0;
                Status s = objectReader::list(
                    session.value(), &context,
                    [&](QList<ObjectInfo> &&chunk) {
                        rows += static_cast<int>(chunk.size());
                        context.cancel = true;
                    },
                    100);
                if (s || s.error().kind != Error::Kind::Cancelled)
                    return Error::make(Error::Kind::Input, QStringLiteral("not cancelled"));
                return rows;
            }));
        QVERIFY2(delivered, qPrintable(delivered.error().toString()));
        QCOMPARE(delivered.value(), 100);

        // Through the client: a cancelled future stops at the next row.
        auto future = client.objects(m_slot);
        future.cancel();
        future.waitForFinished();
        QVERIFY(future.isCanceled());
        QVERIFY(await(client.moduleInfo())); // the worker is free again
    }

    void fallsBackPerAttributeOnSensitiveValues() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QVERIFY(await(client.login(m_slot, userPin())));
        auto result =
            await(client.submit<QString>([this](Module &m, RequestContext &) -> Result<QString> {
                Result<Session> session = Session::shared(m, m_slot);
                auto keys =
                    objectReader::secretKeysLabelled(session.value(), QStringLiteral("known"));
                if (!keys || keys->size() != 1)
                    return Error::make(Error::Kind::Input, QStringLiteral("no key"));
                AttributeTemplate t;
                const int label = t.addBytes(CKA_LABEL, 2); // too small on purpose
                const int value = t.addBytes(CKA_VALUE, 32);
                const int sign = t.addBool(CKA_SIGN);
                if (Status s = t.read(session.value(), keys->first()); !s)
                    return s.error();
                if (t.has(value) || !t.sensitive(value) || !t.boolAt(sign))
                    return Error::make(Error::Kind::Input, QStringLiteral("wrong fallback"));
                return QString::fromUtf8(t.bytesAt(label));
            }));
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result.value(), QStringLiteral("known"));
    }

    void detailsNeverReadSecrets() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QVERIFY(await(client.login(m_slot, userPin())));
        auto rows = awaitAll(client.objects(m_slot));
        QVERIFY(rows);
        CK_OBJECT_HANDLE sensitive = 0, open = 0, data = 0;
        for (const ObjectInfo &o : rows.value()) {
            if (o.label == QLatin1String("known"))
                sensitive = o.handle;
            else if (o.label == QLatin1String("open"))
                open = o.handle;
            else if (o.label == QLatin1String("public-note"))
                data = o.handle;
        }
        auto find = [](const QList<AttributeValue> &list, const char *name) {
            for (const AttributeValue &a : list) {
                if (a.name == QLatin1String(name))
                    return a;
            }
            return AttributeValue{};
        };
        auto details = await(client.objectDetails(m_slot, sensitive));
        QVERIFY2(details, qPrintable(details.error().toString()));
        QCOMPARE(find(details.value(), "CKA_LABEL").text, QStringLiteral("known"));
        QCOMPARE(find(details.value(), "CKA_CLASS").text, QStringLiteral("secret_key"));
        QCOMPARE(find(details.value(), "CKA_SENSITIVE").text, QStringLiteral("true"));
        QCOMPARE(find(details.value(), "CKA_VALUE").state, AttributeValue::State::Sensitive);
        QVERIFY(find(details.value(), "CKA_VALUE").text.isEmpty());
        // An extractable, non-sensitive key: its value could be read, and still is not.
        details = await(client.objectDetails(m_slot, open));
        QVERIFY(details);
        QCOMPARE(find(details.value(), "CKA_VALUE").state, AttributeValue::State::Secret);
        QVERIFY(find(details.value(), "CKA_VALUE").text.isEmpty());
        for (const AttributeValue &a : details.value())
            QVERIFY2(!a.text.contains(QStringLiteral("22 22 22")), qPrintable(a.name));
        // A data object's value is not a secret.
        details = await(client.objectDetails(m_slot, data));
        QCOMPARE(find(details.value(), "CKA_VALUE").text, QStringLiteral("68 65 6c 6c 6f"));
    }
};

QTEST_GUILESS_MAIN(TestObjectReader)
#include "TestObjectReader.moc"
