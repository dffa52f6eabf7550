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

// What the user can do about an error, where there is something: each shell words it its own
// way (obnam-cli names a command, a window offers a button), so core messages never do.
enum class Remedy
{
    None,
    SetUpClient,       // this client has no configuration or credentials for the repository
    CheckPassphrase,   // no key slot opens with the passphrase given
    WaitForLock,       // another process holds the repository's lock
    RemoveStaleLocks,  // the lock's holder is gone: stale locks can be removed
    TrustCertificate,  // the server's certificate is not trusted, or not the one pinned
    FreeSpace,         // the storage or the target is full
    CheckRepository,   // damage was met: a full check names it
    RepairRepository,  // the index disagrees with the storage: a repair rebuilds it
    Upgrade,           // written by a newer version
    ChooseEmptyFolder, // a new repository goes into an empty or new folder, not among files
};

// A small error value: what went wrong, in words, the object or path it concerns, and what can
// be done about it.
struct Error
{
    ErrorCode code = ErrorCode::Permanent;
    QString message;
    QString path;
    Remedy remedy = Remedy::None;

    // "message (path)" or just the message, for logs and terminals.
    QString toString() const;
};

inline Error makeError(ErrorCode code, QString message, QString path = {},
                       Remedy remedy = Remedy::None)
{
    return Error{code, std::move(message), std::move(path), remedy};
}

} // namespace obnam
