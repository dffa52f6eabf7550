#include "RepoConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace obnam {

namespace {
const QString kFormatName = QStringLiteral("obnam-qt-repository");
constexpr qsizetype kMaxConfigSize = 64 * 1024;
constexpr qint64 kMinPack = 4 * 1024;
constexpr qint64 kMaxPack = 1024 * 1024 * 1024;
} // namespace

QByteArray RepoConfig::macInput() const
{
    RepoConfig plain = *this;
    plain.mac.clear();
    return plain.serialize();
}

QByteArray RepoConfig::serialize() const
{
    QJsonObject o{{QStringLiteral("format"), kFormatName},
                  {QStringLiteral("version"), formatVersion},
                  {QStringLiteral("repository_id"), repositoryIdHex()},
                  {QStringLiteral("chunk_id"), QStringLiteral("hmac-sha256")},
                  {QStringLiteral("chunker"), chunker.toJson()},
                  {QStringLiteral("pack_size"), qint64(packSize)}};
    if (!mac.isEmpty())
        o.insert(QStringLiteral("mac"), QString::fromLatin1(mac.toHex()));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<RepoConfig> RepoConfig::parse(const QByteArray &bytes)
{
    const auto corrupt = [](const QString &why) {
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "repository config: ") + why,
                         QStringLiteral("config"));
    };
    if (bytes.size() > kMaxConfigSize)
        return corrupt(QCoreApplication::translate("obnam", "too large"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QCoreApplication::translate("obnam", "not valid JSON"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kFormatName)
        return corrupt(QCoreApplication::translate("obnam", "not an obnam repository"));
    RepoConfig c;
    c.formatVersion = int(o.value(QStringLiteral("version")).toInteger(-1));
    if (c.formatVersion > kFormatVersion)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate(
                             "obnam", "the repository was written by a newer version of obnam "
                                      "(repository format %1; this version reads up to %2): "
                                      "upgrade obnam to use it")
                             .arg(c.formatVersion)
                             .arg(kFormatVersion),
                         QStringLiteral("the repository's config object"));
    if (c.formatVersion != kFormatVersion)
        return corrupt(QCoreApplication::translate("obnam", "unknown repository format version %1")
                           .arg(c.formatVersion));
    if (o.value(QStringLiteral("chunk_id")).toString() != QStringLiteral("hmac-sha256"))
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("obnam", "unknown chunk id kind"),
                         QStringLiteral("config"));
    c.repositoryId =
        QByteArray::fromHex(o.value(QStringLiteral("repository_id")).toString().toLatin1());
    if (c.repositoryId.size() != 16)
        return corrupt(QCoreApplication::translate("obnam", "bad repository id"));
    auto chunker = ChunkerParams::fromJson(o.value(QStringLiteral("chunker")).toObject());
    if (!chunker)
        return Error{chunker.error().code,
                     QStringLiteral("repository config: ") + chunker.error().message,
                     QStringLiteral("config")};
    c.chunker = *chunker;
    const qint64 pack = o.value(QStringLiteral("pack_size")).toInteger(-1);
    if (pack < kMinPack || pack > kMaxPack)
        return corrupt(QCoreApplication::translate("obnam", "pack size out of range"));
    c.packSize = quint32(pack);
    c.mac = QByteArray::fromHex(o.value(QStringLiteral("mac")).toString().toLatin1());
    if (c.mac.size() != 32)
        return corrupt(QCoreApplication::translate("obnam", "missing or malformed mac"));
    c.stored = bytes;
    return c;
}

} // namespace obnam
