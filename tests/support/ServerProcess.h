#pragma once

#include "backend/HttpsBackend.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace obnam::test {

// A real obnam-server on loopback with its own data directory, started by a test.
class ServerProcess
{
public:
    // `extraConfig` is appended to server.yaml (limits for robustness tests).
    explicit ServerProcess(const QByteArray &extraConfig = {});
    ~ServerProcess();

    bool start(); // starts (or restarts) the server and waits until it listens
    void kill();  // SIGKILL, as a crash
    // SIGTERM, as systemd stops it: its exit code, or -1 when it had not exited within
    // `timeoutMs` (it is then killed).
    int terminate(int timeoutMs);
    bool isRunning() const;
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    quint16 port() const { return m_port; }
    QString baseUrl() const;
    QByteArray fingerprint() const { return m_fingerprint; } // raw SHA-256
    QString fingerprintText() const { return m_fingerprintText; }
    QString dataDir() const { return m_dataDir; }
    // Moves the data directory (before start), e.g. onto a small file system.
    void setDataDir(const QString &dir);
    // Starts the server with at most `files` open file descriptors (soft and hard limit).
    void setFileLimit(int files) { m_fileLimit = files; }
    QString configPath() const { return m_dir.path() + QStringLiteral("/server.yaml"); }
    QString certPath() const { return dataDir() + QStringLiteral("/tls/cert.pem"); }
    QString log() const;

    struct Tokens
    {
        QByteArray token;
        QByteArray admin;
    };
    // Runs `obnam-server client add NAME`.
    Tokens addClient(const QString &name, const QStringList &options = {});
    HttpsSettings settings(const QByteArray &token) const;
    std::shared_ptr<HttpsBackend> backend(const QByteArray &token) const;

private:
    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    int m_fileLimit = 0;
    QByteArray m_fingerprint;
    QString m_fingerprintText;
};

} // namespace obnam::test
