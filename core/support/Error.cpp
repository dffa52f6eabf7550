#include "Error.h"

namespace obnam {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return QStringLiteral("not found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already exists");
    case ErrorCode::Transient:
        return QStringLiteral("transient");
    case ErrorCode::Permanent:
        return QStringLiteral("permanent");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::WrongPassphrase:
        return QStringLiteral("wrong passphrase");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid argument");
    case ErrorCode::NoSpace:
        return QStringLiteral("no space");
    case ErrorCode::Io:
        return QStringLiteral("i/o");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString Error::toString() const
{
    if (path.isEmpty())
        return message;
    return message + QStringLiteral(" (") + path + QLatin1Char(')');
}

} // namespace obnam
