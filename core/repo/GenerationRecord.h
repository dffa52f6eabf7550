#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace obnam {

// The small encrypted object generations/<id> that makes a generation exist. It points at
// the chunks of the generation's SQLite database and repeats a summary of it, so listing
// generations needs no database download. Written last by a backup: a generation either
// appears whole or not at all.
struct GenerationRecord
{
    static constexpr int kVersion = 1;

    QString id; // hex SHA-256 of the sealed object; set when read or committed
    QList<QByteArray> dbChunks;
    qint64 dbSize = 0;
    QString clientName;
    QString hostname;
    QDateTime started;
    QDateTime finished;
    qint64 fileCount = 0;
    qint64 totalBytes = 0;
    QString parent;

    QByteArray serialize() const;
    static Result<GenerationRecord> parse(const QByteArray &payload, const QString &name);
};

} // namespace obnam
