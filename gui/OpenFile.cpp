#include "OpenFile.h"

#include "Session.h"
#include "crypto/Crypto.h"
#include "engine/RestoreEngine.h"
#include "support/CacheDir.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::gui {

namespace {

QThreadPool *viewingPool()
{
    static QThreadPool *pool = new QThreadPool;
    return pool;
}

void removeOldOpenings(const QString &root)
{
    const QDateTime dayAgo = QDateTime::currentDateTime().addDays(-1);
    const QFileInfoList old = QDir(root).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &dir : old) {
        if (dir.lastModified() >= dayAgo)
            continue;
        const QString path = dir.absoluteFilePath();
        QDir d(path);
        d.removeRecursively();
    }
}

} // namespace

QFuture<Result<QString>> restoreForViewing(std::shared_ptr<client::Session> session,
                                           GenerationRecord generation, QByteArray path)
{
    return QtConcurrent::run(viewingPool(), [session, generation, path]() -> Result<QString> {
        const QString root = session->cacheDir + QStringLiteral("/opened");
        if (auto made = cachedir::makePrivatePath(root); !made)
            return made.error();
        removeOldOpenings(root);
        const QString dir =
            root + QLatin1Char('/') + QString::fromLatin1(crypto::randomBytes(8).toHex());
        if (auto made = cachedir::makePrivatePath(dir); !made)
            return made.error();
        RestoreOptions options;
        options.target = dir;
        options.paths = {path};
        options.cacheDir = session->cacheDir;
        RestoreEngine engine(*session->repository, generation, options);
        auto result = engine.run();
        if (!result)
            return result.error();
        if (!result->errors.isEmpty())
            return makeError(ErrorCode::Io, result->errors.first().message,
                             result->errors.first().path);
        const QString file =
            dir + QLatin1Char('/') + QFile::decodeName(restorepath::relative(path));
        if (!QFileInfo::exists(file))
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate("obnam", "the file was not restored"),
                             QFile::decodeName(path));
        // Read-only: a change made in the viewer must not pass for the backed-up file.
        QFile::setPermissions(file, QFile::ReadOwner);
        return file;
    });
}

} // namespace obnam::gui
