// SPDX-License-Identifier: Apache-2.0
// StreamEncoder against Qt's one-shot encoders: the same text however the stream is cut.
#include "core/files/StreamEncoder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hsm;

class TestStreamEncoder : public QObject {
    Q_OBJECT

    // Feeds `data` in pieces cut at `cuts` (offsets, ascending) and joins the text.
    static QByteArray encode(StreamEncoder::Encoding encoding, const QByteArray &data,
                             const QList<int> &cuts) {
        StreamEncoder encoder(encoding);
        QByteArray text;
        int at = 0;
        for (int cut : cuts + QList<int>{int(data.size())}) {
            text += encoder
                        .add(reinterpret_cast<const unsigned char *>(data.constData()) + at,
                             size_t(cut - at))
                        .toByteArray();
            at = cut;
        }
        return text + encoder.finish().toByteArray();
    }

private Q_SLOTS:
    void parse() {
        StreamEncoder::Encoding e;
        QVERIFY(StreamEncoder::parse(QStringLiteral("base64"), &e));
        QCOMPARE(e, StreamEncoder::Encoding::Base64);
        QVERIFY(StreamEncoder::parse(QStringLiteral("hex"), &e));
        QCOMPARE(e, StreamEncoder::Encoding::Hex);
        QVERIFY(StreamEncoder::parse(QStringLiteral("raw"), &e));
        QCOMPARE(e, StreamEncoder::Encoding::Raw);
        QVERIFY(!StreamEncoder::parse(QStringLiteral("Base64"), &e));
        QVERIFY(!StreamEncoder::parse(QString(), &e));
    }

    void sameTextHoweverCut_data() {
        QTest::addColumn<int>("size");
        for (int size : {0, 1, 2, 3, 4, 5, 6, 7, 64, 1000, 65537})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void sameTextHoweverCut() {
        QFETCH(int, size);
        QRandomGenerator random(quint32(size) * 7919u + 1u);
        QByteArray data(size, '\0');
        for (char &c : data)
            c = char(random.bounded(256));
        for (int round = 0; round < 50; ++round) {
            QList<int> cuts;
            // Pieces of every length from empty to whole, including one- and two-byte ones
            // that leave base64 a carry.
            for (int at = 0; at < size;) {
                at += int(random.bounded(round % 2 ? 4 : size / 3 + 2));
                if (at < size)
                    cuts.append(at);
            }
            QCOMPARE(encode(StreamEncoder::Encoding::Base64, data, cuts), data.toBase64() + '\n');
            QCOMPARE(encode(StreamEncoder::Encoding::Hex, data, cuts), data.toHex() + '\n');
            QCOMPARE(encode(StreamEncoder::Encoding::Raw, data, cuts), data);
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamEncoder)
#include "TestStreamEncoder.moc"
