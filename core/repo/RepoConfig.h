#pragma once

#include "chunk/Chunker.h"

#include <QByteArray>

namespace obnam {

// The `config` object: the only plaintext object besides key slots. It holds public
// parameters that every client of the repository must agree on.
struct RepoConfig
{
    static constexpr int kFormatVersion = 1;

    int formatVersion = kFormatVersion;
    QByteArray repositoryId; // 16 random bytes; part of every object's associated data
    ChunkerParams chunker;
    quint32 packSize = 16 * 1024 * 1024; // target size of pack files

    // HMAC-SHA256 of serialize() without the mac field, under a key derived from the master
    // keys: the config is plaintext (it is read before any key), but it cannot be changed
    // unnoticed by anyone without the keys.
    QByteArray mac;
    QByteArray stored; // the bytes parse() read, which must equal serialize() exactly

    QString repositoryIdHex() const { return QString::fromLatin1(repositoryId.toHex()); }

    QByteArray serialize() const;
    QByteArray macInput() const; // serialize() without the mac
    // ErrorCode::Unsupported for a format version this program does not know.
    static Result<RepoConfig> parse(const QByteArray &bytes);
};

} // namespace obnam
