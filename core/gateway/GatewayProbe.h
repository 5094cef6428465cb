// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace hsm {

// Checks that a running gateway answers: TCP on each of its ports, and GET /health on the
// REST port. Asynchronous (Qt Network); never blocks the thread it runs on.
class GatewayProbe : public QObject {
    Q_OBJECT
public:
    struct Target {
        QString host;
        QList<int> ports; // default: the gateway's six ports
        int healthPort = 8080;
        bool tls = false;
        int timeoutMs = 3000;
    };
    struct Result {
        int port = 0;
        bool health = false; // the GET /health line rather than a TCP check
        bool ok = false;
        QString detail; // "open", "connection refused", "timed out after 3000 ms", "HTTP 503"
    };

    explicit GatewayProbe(QObject *parent = nullptr);
    static Target defaultTarget(const QString &host);

    // Starts every check at once; finished() comes when all have answered or timed out.
    void start(const Target &target);
    const QList<Result> &results() const { return m_results; }

Q_SIGNALS:
    void finished();

private:
    void checkPort(int index, const Target &target);
    void checkHealth(int index, const Target &target);
    void settle(int index, bool ok, const QString &detail);

    QList<Result> m_results;
    int m_pending = 0;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace hsm
