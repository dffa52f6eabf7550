#include "Keyring.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThread>

#include <qt6keychain/keychain.h>

#include <memory>
#include <mutex>

namespace obnam::client {

namespace {

const QString kService = QStringLiteral("obnam");

bool noKeyring(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

bool busAvailable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

// The thread the jobs live on: started on first use, stopped when the application ends.
class KeyringThread
{
public:
    static QObject *context()
    {
        static std::once_flag once;
        std::call_once(once, [] {
            s_thread = new QThread;
            s_thread->setObjectName(QStringLiteral("obnam keyring"));
            s_context = new QObject;
            s_context->moveToThread(s_thread);
            QObject::connect(s_thread, &QThread::finished, s_context, &QObject::deleteLater);
            s_thread->start();
            qAddPostRoutine([] {
                s_thread->quit();
                s_thread->wait();
                delete s_thread;
            });
        });
        return s_context;
    }

private:
    static inline QThread *s_thread = nullptr;
    static inline QObject *s_context = nullptr;
};

// Makes the job on the keyring thread, starts it, and hands its outcome to the future.
template <typename T, typename Make, typename Finish> QFuture<T> run(Make make, Finish finish)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        KeyringThread::context(),
        [promise, make, finish] {
            QKeychain::Job *job = make();
            job->setAutoDelete(true);
            job->setInsecureFallback(false);
            QObject::connect(job, &QKeychain::Job::finished, job, [promise, finish, job] {
                promise->addResult(finish(*job));
                promise->finish();
            });
            job->start();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace

QString Keyring::entryName(const QString &repository)
{
    return QStringLiteral("repository ") + repository;
}

QFuture<Result<std::optional<QByteArray>>> Keyring::read(const QString &entry)
{
    using R = Result<std::optional<QByteArray>>;
    if (!busAvailable())
        return QtFuture::makeReadyFuture(R(std::optional<QByteArray>()));
    return run<R>(
        [entry] {
            auto *job = new QKeychain::ReadPasswordJob(kService);
            job->setKey(entry);
            return job;
        },
        [entry](QKeychain::Job &job) -> R {
            if (job.error() == QKeychain::NoError)
                return std::optional<QByteArray>(
                    static_cast<QKeychain::ReadPasswordJob &>(job).textData().toUtf8());
            if (job.error() == QKeychain::EntryNotFound || noKeyring(job.error()))
                return std::optional<QByteArray>();
            return makeError(ErrorCode::Permanent,
                             QCoreApplication::translate("obnam", "keyring: ") + job.errorString(),
                             entry);
        });
}

QFuture<Status> Keyring::write(const QString &entry, const QByteArray &passphrase)
{
    if (!busAvailable())
        return QtFuture::makeReadyFuture(
            Status(makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "obnam", "no desktop keyring is available (no D-Bus session)"))));
    return run<Status>(
        [entry, text = QString::fromUtf8(passphrase)] {
            auto *job = new QKeychain::WritePasswordJob(kService);
            job->setKey(entry);
            job->setTextData(text);
            return job;
        },
        [entry](QKeychain::Job &job) -> Status {
            if (job.error() == QKeychain::NoError)
                return {};
            return makeError(noKeyring(job.error()) ? ErrorCode::NotFound : ErrorCode::Permanent,
                             QCoreApplication::translate("obnam", "keyring: ") + job.errorString(),
                             entry);
        });
}

QFuture<Status> Keyring::remove(const QString &entry)
{
    if (!busAvailable())
        return QtFuture::makeReadyFuture(
            Status(makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "obnam", "no desktop keyring is available (no D-Bus session)"))));
    return run<Status>(
        [entry] {
            auto *job = new QKeychain::DeletePasswordJob(kService);
            job->setKey(entry);
            return job;
        },
        [entry](QKeychain::Job &job) -> Status {
            if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
                return {};
            return makeError(ErrorCode::Permanent,
                             QCoreApplication::translate("obnam", "keyring: ") + job.errorString(),
                             entry);
        });
}

} // namespace obnam::client
