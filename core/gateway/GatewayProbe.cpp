// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/GatewayProbe.h"

#include "core/gateway/GatewayConfig.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace hsm {

GatewayProbe::GatewayProbe(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this)) {}

GatewayProbe::Target GatewayProbe::defaultTarget(const QString &host) {
    Target t;
    t.host = host;
    t.ports = GatewayConfig::gatewayPorts();
    return t;
}

void GatewayProbe::start(const Target &target) {
    m_results.clear();
    for (int port : target.ports)
        m_results.append({port, false, false, QString()});
    m_results.append({target.healthPort, true, false, QString()});
    m_pending = static_cast<int>(m_results.size());
    for (int i = 0; i < m_results.size(); ++i) {
        if (m_results[i].health)
            checkHealth(i, target);
        else
            checkPort(i, target);
    }
}

void GatewayProbe::settle(int index, bool ok, const QString &detail) {
    Result &r = m_results[index];
    if (!r.detail.isEmpty())
        return; // already answered (e.g. the timeout and the error both fired)
    r.ok = ok;
    r.detail = detail;
    if (--m_pending == 0)
        Q_EMIT finished();
}

void GatewayProbe::checkPort(int index, const Target &target) {
    auto *socket = new QTcpSocket(this);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [this, index, socket, target] {
        settle(index, false, QStringLiteral("timed out after %1 ms").arg(target.timeoutMs));
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::connected, socket, [this, index, socket] {
        settle(index, true, QStringLiteral("open"));
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::errorOccurred, socket,
            [this, index, socket](QAbstractSocket::SocketError e) {
                settle(index, false,
                       e == QAbstractSocket::ConnectionRefusedError
                           ? QStringLiteral("connection refused")
                           : socket->errorString());
                socket->deleteLater();
            });
    timer->start(target.timeoutMs);
    socket->connectToHost(target.host, static_cast<quint16>(m_results[index].port));
}

void GatewayProbe::checkHealth(int index, const Target &target) {
    QUrl url;
    url.setScheme(target.tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(target.host);
    url.setPort(target.healthPort);
    url.setPath(QStringLiteral("/health"));
    QNetworkRequest request(url);
    request.setTransferTimeout(target.timeoutMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, index, reply, target] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError) {
            settle(index, false,
                   QStringLiteral("GET /health timed out after %1 ms").arg(target.timeoutMs));
        } else if (status != 0) {
            settle(index, status == 200, QStringLiteral("GET /health: HTTP %1").arg(status));
        } else if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
            settle(index, false,
                   QStringLiteral("GET /health: TLS error: %1").arg(reply->errorString()));
        } else if (reply->error() == QNetworkReply::ConnectionRefusedError) {
            settle(index, false, QStringLiteral("GET /health: connection refused"));
        } else {
            settle(index, false, QStringLiteral("GET /health: %1").arg(reply->errorString()));
        }
    });
}

} // namespace hsm
