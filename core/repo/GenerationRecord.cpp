#include "GenerationRecord.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace obnam {

QByteArray GenerationRecord::serialize() const
{
    QJsonArray chunks;
    for (const QByteArray &c : dbChunks)
        chunks.append(QString::fromLatin1(c.toHex()));
    const QJsonObject o{{QStringLiteral("version"), kVersion},
                        {QStringLiteral("db_chunks"), chunks},
                        {QStringLiteral("db_size"), dbSize},
                        {QStringLiteral("client_name"), clientName},
                        {QStringLiteral("hostname"), hostname},
                        {QStringLiteral("started"), started.toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("finished"), finished.toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("file_count"), fileCount},
                        {QStringLiteral("total_bytes"), totalBytes},
                        {QStringLiteral("parent"), parent}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<GenerationRecord> GenerationRecord::parse(const QByteArray &payload, const QString &name)
{
    const auto corrupt = [&](const QString &why) {
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "generation record: ") + why, name);
    };
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QCoreApplication::translate("obnam", "not valid JSON"));
    const QJsonObject o = doc.object();
    const qint64 version = o.value(QStringLiteral("version")).toInteger(-1);
    if (version > kVersion)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate(
                             "obnam", "the generation was made by a newer version of obnam "
                                      "(record version %1; this version reads up to %2): "
                                      "upgrade obnam to read it")
                             .arg(version)
                             .arg(kVersion),
                         name);
    if (version != kVersion)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "unknown generation record version"),
                         name);
    GenerationRecord g;
    for (const QJsonValue &v : o.value(QStringLiteral("db_chunks")).toArray()) {
        const QByteArray id = QByteArray::fromHex(v.toString().toLatin1());
        if (id.size() != 32)
            return corrupt(QCoreApplication::translate("obnam", "bad database chunk id"));
        g.dbChunks.append(id);
    }
    g.dbSize = o.value(QStringLiteral("db_size")).toInteger(-1);
    g.clientName = o.value(QStringLiteral("client_name")).toString();
    g.hostname = o.value(QStringLiteral("hostname")).toString();
    g.started =
        QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    g.finished =
        QDateTime::fromString(o.value(QStringLiteral("finished")).toString(), Qt::ISODateWithMs);
    g.fileCount = o.value(QStringLiteral("file_count")).toInteger(-1);
    g.totalBytes = o.value(QStringLiteral("total_bytes")).toInteger(-1);
    g.parent = o.value(QStringLiteral("parent")).toString();
    if (g.dbChunks.isEmpty() || g.dbSize <= 0 || g.fileCount < 0 || g.totalBytes < 0 ||
        !g.started.isValid() || !g.finished.isValid())
        return corrupt(QCoreApplication::translate("obnam", "missing or invalid fields"));
    return g;
}

} // namespace obnam
