#include "FileLock.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>

namespace obnam::server {

namespace {

QString reason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

Result<Fd> lockFile(const QString &path, int operation, LockWait wait, const QString &busy)
{
    Fd fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
    if (fd.get() < 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot open a lock: %1").arg(reason(errno)),
                         path);
    const int mode = operation | (wait == LockWait::No ? LOCK_NB : 0);
    int locked;
    do
        locked = ::flock(fd.get(), mode);
    while (locked != 0 && errno == EINTR);
    if (locked != 0) {
        if (errno == EWOULDBLOCK && wait == LockWait::No)
            return makeError(ErrorCode::AlreadyExists, busy, QFileInfo(path).absolutePath());
        return makeError(ErrorCode::Io, QStringLiteral("cannot lock: %1").arg(reason(errno)), path);
    }
    return fd;
}

} // namespace obnam::server
