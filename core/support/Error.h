#pragma once

#include <QString>

namespace obnam {

// Broad classes of failure. Callers branch on the code; people read the message.
enum class ErrorCode
{
    NotFound,        // the named object or file does not exist
    AlreadyExists,   // create-only write of a name that is taken
    Transient,       // may succeed if retried (network, busy)
    Permanent,       // will not succeed if retried (permissions, disk full, refused)
    Corrupt,         // bytes do not authenticate, decode or match their name
    WrongPassphrase, // no key slot opens with the given passphrase
    Unsupported,     // a format or schema version this program does not know
    InvalidArgument, // the caller asked for something malformed
    Io,              // a local file-system operation failed
    Cancelled,
    NoSpace, // a local file system is full (ENOSPC, EDQUOT): nothing more can be written
};

QString errorCodeName(ErrorCode code);

// A small error value: what went wrong, in words, and the object or path it concerns.
struct Error
{
    ErrorCode code = ErrorCode::Permanent;
    QString message;
    QString path;

    // "message (path)" or just the message, for logs and terminals.
    QString toString() const;
};

inline Error makeError(ErrorCode code, QString message, QString path = {})
{
    return Error{code, std::move(message), std::move(path)};
}

} // namespace obnam
