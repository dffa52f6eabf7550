#include "Keyring.h"

#include <QEventLoop>
#include <QProcessEnvironment>

#include <qt6keychain/keychain.h>

namespace obnam::cli {

namespace {

const QString kService = QStringLiteral("obnam");

bool noKeyring(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

// Runs one job to completion. The command-line program has no event loop of its own while a
// command runs, so this loop is the only one: it is not nested inside another.
void runJob(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.start();
    loop.exec();
}

bool busAvailable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace

QString Keyring::entryName(const QString &repository)
{
    return QStringLiteral("repository ") + repository;
}

Result<std::optional<QByteArray>> Keyring::read(const QString &entry)
{
    if (!busAvailable())
        return std::optional<QByteArray>();
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(entry);
    runJob(job);
    if (job.error() == QKeychain::NoError)
        return std::optional<QByteArray>(job.textData().toUtf8());
    if (job.error() == QKeychain::EntryNotFound || noKeyring(job.error()))
        return std::optional<QByteArray>();
    return makeError(ErrorCode::Permanent, QStringLiteral("keyring: ") + job.errorString(), entry);
}

Status Keyring::write(const QString &entry, const QByteArray &passphrase)
{
    if (!busAvailable())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no desktop keyring is available (no D-Bus session)"));
    QKeychain::WritePasswordJob job(kService);
    job.setKey(entry);
    job.setTextData(QString::fromUtf8(passphrase));
    runJob(job);
    if (job.error() == QKeychain::NoError)
        return {};
    return makeError(noKeyring(job.error()) ? ErrorCode::NotFound : ErrorCode::Permanent,
                     QStringLiteral("keyring: ") + job.errorString(), entry);
}

Status Keyring::remove(const QString &entry)
{
    if (!busAvailable())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no desktop keyring is available (no D-Bus session)"));
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(entry);
    runJob(job);
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return {};
    return makeError(ErrorCode::Permanent, QStringLiteral("keyring: ") + job.errorString(), entry);
}

} // namespace obnam::cli
