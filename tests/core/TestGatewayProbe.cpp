// SPDX-License-Identifier: Apache-2.0
// The gateway probe against servers this test starts on 127.0.0.1: an open port, a closed
// one, /health answering 200 and 503, and a /health that never answers.
#include "core/gateway/GatewayProbe.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace hsm;

namespace {

// Answers every request with `status`, or never answers when `status` is 0.
class HealthServer : public QTcpServer {
public:
    explicit HealthServer(int status)
        : m_status(status) {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    if (!s->readAll().contains("\r\n\r\n") || m_status == 0)
                        return;
                    const QByteArray body = m_status == 200 ? "{\"status\":\"ok\"}" : "unavailable";
                    s->write("HTTP/1.1 " + QByteArray::number(m_status) +
                             (m_status == 200 ? " OK" : " Service Unavailable") +
                             "\r\nContent-Length: " + QByteArray::number(body.size()) +
                             "\r\nConnection: close\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

private:
    int m_status;
};

int closedPort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const int port = s.serverPort();
    s.close(); // nothing listens there now
    return port;
}

QList<GatewayProbe::Result> probe(const GatewayProbe::Target &target) {
    GatewayProbe p;
    QSignalSpy done(&p, &GatewayProbe::finished);
    p.start(target);
    if (!done.wait(30000))
        return {};
    return p.results();
}

} // namespace

class TestGatewayProbe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openClosedAndHealthy() {
        HealthServer healthy(200);
        QTcpServer open;
        QVERIFY(open.listen(QHostAddress::LocalHost, 0));
        const int closed = closedPort();
        GatewayProbe::Target t;
        t.host = QStringLiteral("127.0.0.1");
        t.ports = {open.serverPort(), closed};
        t.healthPort = healthy.serverPort();
        t.timeoutMs = 5000;
        const auto results = probe(t);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results[0].port, int(open.serverPort()));
        QVERIFY(results[0].ok);
        QCOMPARE(results[0].detail, QStringLiteral("open"));
        QVERIFY(!results[1].ok);
        QCOMPARE(results[1].detail, QStringLiteral("connection refused"));
        QVERIFY(results[2].health);
        QVERIFY(results[2].ok);
        QCOMPARE(results[2].detail, QStringLiteral("GET /health: HTTP 200"));
    }

    void unhealthy() {
        HealthServer sick(503);
        GatewayProbe::Target t;
        t.host = QStringLiteral("127.0.0.1");
        t.healthPort = sick.serverPort();
        const auto results = probe(t);
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].ok);
        QCOMPARE(results[0].detail, QStringLiteral("GET /health: HTTP 503"));
    }

    void silentServerTimesOut() {
        HealthServer silent(0);
        GatewayProbe::Target t;
        t.host = QStringLiteral("127.0.0.1");
        t.healthPort = silent.serverPort();
        t.timeoutMs = 300;
        const auto results = probe(t);
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].ok);
        QCOMPARE(results[0].detail, QStringLiteral("GET /health timed out after 300 ms"));
    }

    void tlsAgainstPlainHttpFails() {
        HealthServer plain(200);
        GatewayProbe::Target t;
        t.host = QStringLiteral("127.0.0.1");
        t.healthPort = plain.serverPort();
        t.tls = true;
        t.timeoutMs = 3000;
        const auto results = probe(t);
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].ok);
        QVERIFY2(results[0].detail.startsWith(QStringLiteral("GET /health")),
                 qPrintable(results[0].detail));
    }
};

QTEST_GUILESS_MAIN(TestGatewayProbe)
#include "TestGatewayProbe.moc"
