#include "SingleInstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace obnam::gui {

namespace {
constexpr int kConnectMs = 1000;
const char kShow[] = "show\n";
} // namespace

SingleInstance::SingleInstance(QString directory, QString name, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
    , m_name(std::move(name))
{}

QString SingleInstance::socketPath() const
{
    return QDir(m_directory).filePath(m_name);
}

bool SingleInstance::claim()
{
    const QString path = socketPath();
    {
        // Waiting here is brief and happens before any window exists.
        QLocalSocket other;
        other.connectToServer(path);
        if (other.waitForConnected(kConnectMs)) {
            other.write(kShow);
            other.waitForBytesWritten(kConnectMs);
            other.disconnectFromServer();
            return false;
        }
    }
    // Nobody answered: a socket file left by a process that is gone is removed.
    QLocalServer::removeServer(path);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(path)) {
        // Without the socket this instance still works; a second one would too.
        qWarning("obnam-gui: cannot listen on %s: %s", qPrintable(path),
                 qPrintable(m_server->errorString()));
        return true;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().startsWith("show"))
                    Q_EMIT activated();
                socket->disconnectFromServer();
            });
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    return true;
}

} // namespace obnam::gui
