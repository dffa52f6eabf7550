#include "RestorePreview.h"

#include "GenerationStore.h"
#include "support/OperationControl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStorageInfo>

#include <sys/stat.h>

namespace obnam {

namespace {

// The nearest directory at or above `path` that exists: where the restore's files will land
// as far as free space goes.
QString existingAncestor(QString path)
{
    while (!QFileInfo::exists(path) && path != QDir::rootPath())
        path = QFileInfo(path).absolutePath();
    return path;
}

} // namespace

Result<RestorePreview> previewRestore(Repository &repository, const GenerationRecord &generation,
                                      const RestoreOptions &options, OperationControl *control)
{
    auto db = generationstore::open(repository, generation, options.cacheDir, control);
    if (!db)
        return db.error();
    RestorePreview preview;
    const QString target = QFileInfo(options.target).absoluteFilePath();
    const QDir dir(target);
    preview.targetNotEmpty = dir.exists() && !dir.entryList(QDir::AllEntries | QDir::Hidden |
                                                            QDir::System | QDir::NoDotAndDotDot)
                                                  .isEmpty();
    const QByteArray base = QFile::encodeName(target == QDir::rootPath() ? QString() : target);
    QSet<QPair<quint64, quint64>> linked; // hard links whose data is counted already
    qint64 matched = 0;
    qint64 chosen = 0;
    Status stopped;
    auto walked = (*db)->forEachFile([&](const FileEntry &e) {
        if ((++matched & 0xfff) == 0 && control && !control->proceed()) {
            stopped = makeError(ErrorCode::Cancelled,
                                QCoreApplication::translate("obnam", "the preview was cancelled"));
            return false;
        }
        if (!restorepath::selected(options.paths, e.path))
            return true;
        ++chosen;
        if (restorepath::isFileSystemRoot(e.path))
            return true;
        const QByteArray rel = restorepath::relative(e.path);
        if (rel.isEmpty()) {
            stopped = makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate(
                    "obnam", "generation contains a path that would escape the target directory"),
                QString::fromUtf8(e.path));
            return false;
        }
        if (e.reason == Reason::FileError && e.kind != FileKind::Directory) {
            preview.skipped.append(
                {QString::fromUtf8(e.path),
                 QStringLiteral("not restored: it could not be read when it was backed up")});
            return true;
        }
        struct stat st
        {};
        const bool taken = ::lstat(QByteArray(base + '/' + rel).constData(), &st) == 0;
        if (e.kind == FileKind::Directory) {
            if (!taken)
                preview.create.append(e.path);
            else if (!S_ISDIR(st.st_mode))
                // The restore cannot make the folder, nor anything inside it.
                preview.skipped.append(
                    {QString::fromUtf8(e.path),
                     QStringLiteral("not restored: something that is not a folder is in its "
                                    "place")});
            return true; // a folder that is there is merged, not replaced
        }
        qint64 bytes = 0;
        if (e.kind == FileKind::Regular) {
            const auto key = qMakePair(e.device, e.inode);
            if (e.nlink <= 1 || !linked.contains(key))
                bytes = e.size;
            if (e.nlink > 1)
                linked.insert(key);
        }
        if (taken) {
            preview.existing.append(e.path);
            preview.existingBytes += bytes;
        } else {
            preview.create.append(e.path);
            preview.createBytes += bytes;
        }
        return true;
    });
    if (!walked)
        return walked.error();
    if (!stopped)
        return stopped.error();
    if (chosen == 0 && !options.paths.isEmpty())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "no such path in the generation"),
                         options.paths.isEmpty() ? QString()
                                                 : QString::fromUtf8(options.paths.first()));
    // Where the files land: below the target, at the first chosen path (restoring to where
    // they came from, the target is "/" but the files go to /home's file system).
    QString landing = target;
    if (!options.paths.isEmpty())
        landing = QDir::cleanPath(target + QLatin1Char('/') +
                                  QFile::decodeName(restorepath::relative(options.paths.first())));
    const QStorageInfo volume(existingAncestor(landing));
    if (volume.isValid()) {
        preview.freeBytes = volume.bytesAvailable();
        preview.volume = volume.rootPath();
    }
    return preview;
}

} // namespace obnam
