#include "ServerProcess.h"

#include "TestPostgres.h"
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace obnam::test {

namespace {

// With OBNAM_TEST_SHARED_STORAGE set (tests/with-shared-storage.sh), a server keeps its
// objects below a prefix of its own in a bucket of the S3 store (S3_ENDPOINT) and its
// accounts in a database of its own on PostgreSQL (PG_URL): the server tests then run
// unchanged on the scale-out storage.
QByteArray sharedStorageConfig()
{
    if (qEnvironmentVariableIsEmpty("OBNAM_TEST_SHARED_STORAGE"))
        return {};
    const QUrl pg(qEnvironmentVariable("PG_URL"));
    const QString name = QStringLiteral("t%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                                   QLatin1Char('0'));
    QString why = QStringLiteral("cannot connect");
    if (!withDatabase([&](QSqlDatabase &db) {
            const QSqlError e = db.exec(QStringLiteral("CREATE DATABASE ") + name).lastError();
            why = e.text();
            return !e.isValid();
        }))
        qFatal("cannot create a test database: %s", qPrintable(why));
    QUrl database = pg;
    database.setPath(QLatin1Char('/') + name);
    const QUrl s3(qEnvironmentVariable("S3_ENDPOINT"));
    return "database: " + database.toString().toUtf8() + "\nstorage: s3+http://" +
           s3.authority().toUtf8() + "/obnam-tests/" + name.toUtf8() + "\n";
}

} // namespace

ServerProcess::ServerProcess(const QByteArray &extraConfig)
    : m_dataDir(m_dir.path() + QStringLiteral("/data"))
{
    QFile f(configPath());
    f.open(QIODevice::WriteOnly);
    const bool ownStorage = extraConfig.contains("database:") || extraConfig.contains("storage:");
    f.write("address: 127.0.0.1:0\nchunks: data\n" + extraConfig +
            (ownStorage ? QByteArray() : sharedStorageConfig()));
}

void ServerProcess::setDataDir(const QString &dir)
{
    QFile f(configPath());
    f.open(QIODevice::ReadOnly);
    QByteArray config = f.readAll();
    f.close();
    config.replace("chunks: data\n", QByteArray("chunks: \"" + QFile::encodeName(dir) + "\"\n"));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(config);
    m_dataDir = dir;
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ServerProcess::start()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        kill();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(m_dir.path() + QStringLiteral("/server.log"),
                                    QIODevice::Append);
    // A test that dies (a watchdog abort) must not leave its server running.
    m_process->setChildProcessModifier([files = m_fileLimit] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (files > 0) {
            const rlimit limit{rlim_t(files), rlim_t(files)};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
    });
    m_process->start(test::serverBinary(), {QStringLiteral("--config"), configPath()});
    if (!m_process->waitForStarted(10000))
        return false;
    QByteArray out;
    const QDeadlineTimer deadline(20000);
    static const QRegularExpression listening(QStringLiteral("listening on [^\\n]*:(\\d+)\\n"));
    static const QRegularExpression print(QStringLiteral("fingerprint: ([0-9A-F:]+)"));
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(200);
        out += m_process->readAllStandardOutput();
        const auto m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            m_fingerprintText = print.match(QString::fromUtf8(out)).captured(1);
            m_fingerprint = QByteArray::fromHex(m_fingerprintText.toLatin1().replace(':', ""));
            // Restarts keep the port, so clients configured before a crash find the server again.
            QFile f(configPath());
            f.open(QIODevice::ReadOnly);
            QByteArray config = f.readAll();
            f.close();
            if (config.contains("127.0.0.1:0\n")) {
                config.replace("127.0.0.1:0\n",
                               QByteArray("127.0.0.1:" + QByteArray::number(m_port) + "\n"));
                f.open(QIODevice::WriteOnly | QIODevice::Truncate);
                f.write(config);
            }
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

int ServerProcess::terminate(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

bool ServerProcess::isRunning() const
{
    // Waiting for no time at all lets QProcess notice an exit that no event loop delivered yet.
    return m_process && !m_process->waitForFinished(0) && m_process->state() == QProcess::Running;
}

QString ServerProcess::baseUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_port);
}

QString ServerProcess::log() const
{
    QFile f(m_dir.path() + QStringLiteral("/server.log"));
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll());
}

ServerProcess::Tokens ServerProcess::addClient(const QString &name, const QStringList &options)
{
    QProcess p;
    p.start(test::serverBinary(),
            QStringList{QStringLiteral("--config"), configPath(), QStringLiteral("client"),
                        QStringLiteral("add"), name} +
                options);
    p.waitForFinished(20000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    static const QRegularExpression token(QStringLiteral("access_token: ([0-9a-f]{64})"));
    static const QRegularExpression admin(QStringLiteral("admin_token: ([0-9a-f]{64})"));
    return {token.match(out).captured(1).toLatin1(), admin.match(out).captured(1).toLatin1()};
}

HttpsSettings ServerProcess::settings(const QByteArray &token) const
{
    HttpsSettings s;
    s.baseUrl = QUrl(baseUrl());
    s.accessToken = token;
    s.pinnedSha256 = m_fingerprint;
    s.initialBackoffMs = 50;
    s.transferTimeoutMs = 20000;
    return s;
}

std::shared_ptr<HttpsBackend> ServerProcess::backend(const QByteArray &token) const
{
    return std::make_shared<HttpsBackend>(settings(token));
}

} // namespace obnam::test
