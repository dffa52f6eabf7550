#include "CacheDir.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace obnam::cachedir {

namespace {

Error cacheError(const QString &what, const QString &path, int err)
{
    return makeError(ErrorCode::Io,
                     what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)),
                     path);
}

// Every directory 0700 and file 0600 below root; links are not followed.
void tightenTree(const QString &root)
{
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QByteArray path = QFile::encodeName(it.next());
        struct stat st
        {};
        if (::lstat(path.constData(), &st) != 0 || S_ISLNK(st.st_mode))
            continue;
        const mode_t wanted = S_ISDIR(st.st_mode) ? 0700 : 0600;
        if ((st.st_mode & 07777) != wanted)
            ::chmod(path.constData(), wanted);
    }
}

} // namespace

Status makePrivatePath(const QString &dir)
{
    QString path;
    for (const QString &part : dir.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        path += QLatin1Char('/') + part;
        if (::mkdir(QFile::encodeName(path).constData(), 0700) != 0 && errno != EEXIST)
            return cacheError(QCoreApplication::translate("obnam", "cannot create cache directory"),
                              path, errno);
    }
    return {};
}

Status preparePrivate(const QString &root)
{
    const QByteArray native = QFile::encodeName(root);
    struct stat st
    {};
    if (::lstat(native.constData(), &st) != 0) {
        if (errno != ENOENT)
            return cacheError(QCoreApplication::translate("obnam", "cannot use cache directory"),
                              root, errno);
        const QString parent = root.section(QLatin1Char('/'), 0, -2);
        if (!parent.isEmpty() && !QDir().mkpath(parent))
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("obnam", "cannot create cache directory"),
                             parent);
        if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
            return cacheError(QCoreApplication::translate("obnam", "cannot create cache directory"),
                              root, errno);
        if (::lstat(native.constData(), &st) != 0)
            return cacheError(QCoreApplication::translate("obnam", "cannot use cache directory"),
                              root, errno);
    }
    if (!S_ISDIR(st.st_mode))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cache directory is not a directory"),
                         root);
    if ((st.st_mode & 07777) != 0700) {
        if (::chmod(native.constData(), 0700) != 0)
            return cacheError(
                QCoreApplication::translate("obnam", "cannot make cache directory private"), root,
                errno);
        tightenTree(root);
    }
    const QByteArray tag = native + "/CACHEDIR.TAG";
    if (::access(tag.constData(), F_OK) != 0) {
        const int fd =
            ::open(tag.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) {
            const QByteArray text =
                QByteArray(kTagSignature) +
                "\n# This file is a cache directory tag created by obnam.\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n";
            const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
            ::close(fd);
            if (!ok)
                ::unlink(tag.constData());
        }
    }
    return {};
}

} // namespace obnam::cachedir
