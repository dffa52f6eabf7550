#include "WholeFile.h"

#include <QSaveFile>

namespace obnam::client {

Status writeWholeFile(const QString &path, const QByteArray &data, const QString &what,
                      bool ownerOnly)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, what + out.errorString(), path);
    if (ownerOnly)
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(data);
    if (!out.commit())
        return makeError(ErrorCode::Io, what + out.errorString(), path);
    return {};
}

} // namespace obnam::client
