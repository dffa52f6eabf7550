#include "Repository.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include "KeySlot.h"
#include "backend/ObjectName.h"
#include "crypto/Compression.h"
#include "crypto/Crypto.h"
#include "support/Bytes.h"
#include "support/CrashPoint.h"

#include <algorithm>

#include <QSet>

namespace obnam {

namespace {

// Chunks are bounded by the chunker's maximum; this cap protects readers from hostile
// compressed data claiming more.
constexpr qsizetype kMaxChunkSize = 64 * 1024 * 1024;

} // namespace

Repository::Repository(std::shared_ptr<Backend> backend, RepoConfig config, MasterKeys keys)
    : m_backend(std::move(backend))
    , m_config(std::move(config))
    , m_keys(std::move(keys))
    , m_chunker(m_keys.chunkerSeed, m_config.chunker)
    , m_codec(m_keys.dataKey, m_config.repositoryId)
{}

Repository::~Repository()
{
    // The destructor's body runs before any member is destroyed: the readers must stop here,
    // before the keys they use are wiped.
    m_readers.waitForDone();
    m_keys.wipe();
    for (QByteArray &k : m_subkeys)
        crypto::wipe(k);
}

Result<bool> Repository::exists(Backend &backend)
{
    auto size = backend.stat(objectname::config()).result();
    if (size)
        return true;
    if (size.error().code == ErrorCode::NotFound)
        return false;
    return size.error();
}

QByteArray Repository::configMac(const MasterKeys &keys, const RepoConfig &config)
{
    const QByteArray key =
        crypto::hkdfSha256(keys.dataKey, config.repositoryId, "obnam-config-mac-v1", 32);
    return crypto::hmacSha256(key, config.macInput());
}

Result<RepoConfig> Repository::readConfig(Backend &backend)
{
    auto bytes = backend.get(objectname::config()).result();
    if (!bytes) {
        if (bytes.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "obnam", "no repository here (the config object is missing)"),
                             backend.location());
        return bytes.error();
    }
    return RepoConfig::parse(*bytes);
}

Result<std::unique_ptr<Repository>> Repository::init(std::shared_ptr<Backend> backend,
                                                     const QByteArray &passphrase,
                                                     const InitOptions &options)
{
    if (auto valid = options.chunker.validate(); !valid)
        return valid.error();
    auto present = exists(*backend);
    if (!present)
        return present.error();
    if (*present)
        return makeError(ErrorCode::AlreadyExists,
                         QCoreApplication::translate("obnam", "a repository already exists here"),
                         backend->location());
    if (passphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "the passphrase is empty"));

    RepoConfig config;
    config.repositoryId = crypto::randomBytes(16);
    config.chunker = options.chunker;
    config.packSize = options.packSize;
    MasterKeys keys = MasterKeys::generate();
    config.mac = configMac(keys, config);

    // Key slot first, config last: a repository "exists" only once it can be opened.
    const QString slotId = hex(crypto::randomBytes(16));
    auto slot = KeySlot::wrap(keys, passphrase, options.kdf, config.repositoryId, slotId);
    if (!slot)
        return slot.error();
    if (auto s = backend->put(objectname::key(slotId), *slot, PutMode::CreateOnly).result(); !s)
        return s.error();
    if (auto s =
            backend->put(objectname::config(), config.serialize(), PutMode::CreateOnly).result();
        !s)
        return s.error();
    return finishOpen(std::move(backend), std::move(config), std::move(keys));
}

Result<std::unique_ptr<Repository>> Repository::open(std::shared_ptr<Backend> backend,
                                                     const QByteArray &passphrase)
{
    auto config = readConfig(*backend);
    if (!config)
        return config.error();
    auto names = backend->list(QStringLiteral("keys/")).result();
    if (!names)
        return names.error();
    if (names->isEmpty())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "the repository has no key slots"),
                         QStringLiteral("keys/"));
    Error last =
        makeError(ErrorCode::WrongPassphrase,
                  QCoreApplication::translate(
                      "obnam", "wrong passphrase: no key slot of this repository opens with it"),
                  QString(), Remedy::CheckPassphrase);
    for (const QString &name : std::as_const(*names)) {
        auto slot = backend->get(name).result();
        if (!slot) {
            last = slot.error();
            continue;
        }
        auto keys =
            KeySlot::unwrap(*slot, passphrase, config->repositoryId, objectname::idOf(name));
        if (keys)
            return finishOpen(std::move(backend), std::move(*config), std::move(*keys));
        if (keys.error().code != ErrorCode::WrongPassphrase)
            last = Error{keys.error().code, keys.error().message, name};
    }
    if (last.code == ErrorCode::WrongPassphrase)
        last.message =
            QStringLiteral("wrong passphrase: no key slot of this repository opens with it");
    return last;
}

Result<std::unique_ptr<Repository>> Repository::open(std::shared_ptr<Backend> backend,
                                                     const MasterKeys &keys,
                                                     const QString &repositoryId)
{
    return openKeys(std::move(backend), keys, repositoryId, true);
}

Result<std::unique_ptr<Repository>> Repository::openWithoutIndex(std::shared_ptr<Backend> backend,
                                                                 const MasterKeys &keys,
                                                                 const QString &repositoryId)
{
    return openKeys(std::move(backend), keys, repositoryId, false);
}

Result<std::unique_ptr<Repository>> Repository::openKeys(std::shared_ptr<Backend> backend,
                                                         const MasterKeys &keys,
                                                         const QString &repositoryId,
                                                         bool withIndex)
{
    if (!keys.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "invalid key material"));
    auto config = readConfig(*backend);
    if (!config)
        return config.error();
    if (!repositoryId.isEmpty() && config->repositoryIdHex() != repositoryId)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "these credentials belong to a different repository "
                                      "(%1…) than the one at %2 (%3…): another client's access "
                                      "token, or a changed server_url?")
                             .arg(repositoryId.left(12), backend->location(),
                                  config->repositoryIdHex().left(12)),
                         QString(), Remedy::SetUpClient);
    return finishOpen(std::move(backend), std::move(*config), keys, withIndex);
}

Result<std::unique_ptr<Repository>> Repository::finishOpen(std::shared_ptr<Backend> backend,
                                                           RepoConfig config, MasterKeys keys,
                                                           bool withIndex)
{
    // Byte-exact and authenticated: any change to the config, even one that still parses,
    // is found here.
    if (!config.stored.isEmpty() &&
        (config.serialize() != config.stored ||
         !crypto::equalConstantTime(configMac(keys, config), config.mac)))
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "obnam", "the repository's config object has been changed or "
                                      "damaged (its authentication code does not match)"),
                         backend->location());
    std::unique_ptr<Repository> repo(
        new Repository(std::move(backend), std::move(config), std::move(keys)));
    if (withIndex) {
        if (auto s = repo->loadIndex(); !s)
            return s.error();
    }
    return repo;
}

QByteArray Repository::chunkId(QByteArrayView plaintext) const
{
    return crypto::hmacSha256(m_keys.idKey, plaintext);
}

Result<QByteArray> Repository::packSubkey(const QByteArray &packId, const QByteArray &salt)
{
    QMutexLocker lock(&m_subkeyMutex);
    auto it = m_subkeys.constFind(packId);
    if (it != m_subkeys.cend())
        return *it;
    // Bound the cache; subkeys are cheap to recompute.
    if (m_subkeys.size() > 4096) {
        for (QByteArray &k : m_subkeys)
            crypto::wipe(k);
        m_subkeys.clear();
    }
    const QByteArray key = pack::subkey(m_keys.dataKey, salt);
    m_subkeys.insert(packId, key);
    return key;
}

Result<QByteArray> Repository::readChunk(const QByteArray &chunkId)
{
    const auto location = m_index.find(chunkId);
    if (!location)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "chunk is not in the index"),
                         QStringLiteral("chunk ") + hex(chunkId));
    return readChunk(*location);
}

Result<QByteArray> Repository::readChunk(const ChunkLocation &location)
{
    auto blob = readPackRange(location.packId, location.entry.offset, location.entry.length);
    if (!blob)
        return blob.error();
    return openChunk(location, std::move(*blob));
}

Result<QByteArray> Repository::readPackRange(const QByteArray &packId, quint64 offset,
                                             quint64 length)
{
    return m_backend->readRangeNow(objectname::pack(hex(packId)), qint64(offset), qint64(length));
}

Result<QByteArray> Repository::openChunk(const ChunkLocation &location, QByteArray blob)
{
    const QByteArray &chunkId = location.entry.chunkId;
    const auto what = [&] {
        return QStringLiteral("chunk %1 in %2")
            .arg(hex(chunkId), objectname::pack(hex(location.packId)));
    };
    auto key = packSubkey(location.packId, location.salt);
    auto packed = pack::openBlob(*key, m_config.repositoryId, location.entry, std::move(blob));
    if (!packed)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "chunk does not authenticate"),
                         what());
    auto plain = compression::unpack(std::move(*packed),
                                     qMin<qsizetype>(kMaxChunkSize, location.entry.plainLength));
    if (!plain)
        return makeError(ErrorCode::Corrupt, plain.error().message, what());
    if (plain->size() != qsizetype(location.entry.plainLength) ||
        !crypto::equalConstantTime(crypto::hmacSha256(m_keys.idKey, *plain), chunkId))
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "chunk content does not match its id"), what());
    return plain;
}

Result<QString> Repository::addKey(const QByteArray &passphrase, const crypto::KdfParams &params)
{
    if (passphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "the passphrase is empty"));
    const QString slotId = hex(crypto::randomBytes(16));
    auto slot = KeySlot::wrap(m_keys, passphrase, params, m_config.repositoryId, slotId);
    if (!slot)
        return slot.error();
    if (auto s = m_backend->put(objectname::key(slotId), *slot, PutMode::CreateOnly).result(); !s)
        return s.error();
    return slotId;
}

Status Repository::removeKey(const QString &slotId)
{
    auto slots = listKeys();
    if (!slots)
        return slots.error();
    const bool known = std::any_of(slots->cbegin(), slots->cend(),
                                   [&](const KeySlotInfo &k) { return k.id == slotId; });
    if (!known)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "no such key slot"), slotId);
    if (slots->size() == 1)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "refusing to remove the last key slot: the repository could "
                                      "never be opened again"),
                         slotId);
    return m_backend->remove(objectname::key(slotId)).result();
}

Result<QList<Repository::StoredKeySlot>> Repository::readKeySlots()
{
    auto names = m_backend->list(QStringLiteral("keys/")).result();
    if (!names)
        return names.error();
    // Every slot asked for at once: a server answers them in parallel.
    QList<QFuture<Result<QByteArray>>> reads;
    for (const QString &name : std::as_const(*names))
        reads.append(m_backend->get(name));
    QList<StoredKeySlot> out;
    for (qsizetype i = 0; i < names->size(); ++i)
        out.append(StoredKeySlot{names->at(i), reads[i].result()});
    return out;
}

Result<Repository::KeySlotCheck> Repository::verifyKeySlots()
{
    auto stored = readKeySlots();
    if (!stored)
        return stored.error();
    KeySlotCheck out;
    for (const auto &[name, slot] : std::as_const(*stored)) {
        if (!slot) {
            if (slot.error().code != ErrorCode::Corrupt)
                return slot.error();
            out.damaged.append(Error{ErrorCode::Corrupt, slot.error().message, name});
            continue;
        }
        ++out.checked;
        if (auto s =
                KeySlot::authenticate(*slot, m_keys, m_config.repositoryId, objectname::idOf(name));
            !s)
            out.damaged.append(Error{s.error().code, s.error().message, name});
    }
    return out;
}

Result<QList<KeySlotInfo>> Repository::listKeys()
{
    auto stored = readKeySlots();
    if (!stored)
        return stored.error();
    QList<KeySlotInfo> out;
    for (const auto &[name, slot] : std::as_const(*stored)) {
        if (!slot)
            return slot.error();
        auto params = KeySlot::params(*slot);
        if (!params)
            return Error{params.error().code, params.error().message, name};
        out.append(KeySlotInfo{objectname::idOf(name), *params});
    }
    return out;
}

Status Repository::changePassphrase(const QString &slotId, const QByteArray &oldPassphrase,
                                    const QByteArray &newPassphrase,
                                    const crypto::KdfParams &params)
{
    if (newPassphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "the new passphrase is empty"));
    const QString name = objectname::key(slotId);
    if (auto valid = objectname::validate(name); !valid)
        return valid;
    auto slot = m_backend->get(name).result();
    if (!slot)
        return slot.error();
    // Proves the caller knows this slot's passphrase, not only some other slot's.
    auto keys = KeySlot::unwrap(*slot, oldPassphrase, m_config.repositoryId, slotId);
    if (!keys)
        return keys.error();
    keys->wipe();
    auto wrapped = KeySlot::wrap(m_keys, newPassphrase, params, m_config.repositoryId, slotId);
    if (!wrapped)
        return wrapped.error();
    return m_backend->put(name, *wrapped, PutMode::Overwrite).result();
}

Result<QString> Repository::putObject(ObjectType type, const QString &kind,
                                      const QByteArray &payload)
{
    const QByteArray sealed = m_codec.seal(type, payload);
    const QString name = kind + QLatin1Char('/') + hex(crypto::sha256(sealed));
    // The name is the hash of the bytes, so an existing object of that name is this one: a
    // retried upload whose first answer was lost, not a conflict.
    if (auto s = m_backend->put(name, sealed, PutMode::CreateOnly).result();
        !s && s.error().code != ErrorCode::AlreadyExists)
        return s.error();
    if (auto held = verifyStored(name, sealed.size()); !held)
        return held.error();
    return name;
}

Status Repository::verifyStored(const QString &name, qint64 size)
{
    auto stored = m_backend->stat(name).result();
    if (stored && *stored == size)
        return {};
    if (!stored && stored.error().code != ErrorCode::NotFound)
        return stored.error();
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate(
                         "obnam", "the storage acknowledged this object but does not hold it "
                                  "(%1 of %2 bytes); it may be losing writes")
                         .arg(stored ? QString::number(*stored) : QStringLiteral("none"))
                         .arg(size),
                     name);
}

Result<QByteArray> Repository::getObject(ObjectType type, const QString &name)
{
    return openObject(type, name, m_backend->get(name).result());
}

Result<QByteArray> Repository::openObject(ObjectType type, const QString &name,
                                          const Result<QByteArray> &sealed) const
{
    if (!sealed)
        return sealed.error();
    if (hex(crypto::sha256(*sealed)) != objectname::idOf(name))
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate(
                "obnam", "object content does not match its name (damaged or swapped)"),
            name);
    return m_codec.open(type, *sealed, name);
}

namespace {

// Damage of one object, as opposed to trouble reaching the storage.
bool isDamage(const Error &e)
{
    return e.code == ErrorCode::Corrupt || e.code == ErrorCode::Unsupported;
}

} // namespace

Status Repository::loadIndex()
{
    // The index is listed before the packs: a backup stores a pack before the index object
    // that names it, so every listed index object's packs are then in the pack listing. The
    // pack listing and the reads of index objects, both waiting on the storage, overlap.
    auto names = m_backend->list(QStringLiteral("index/")).result();
    if (!names)
        return names.error();
    QFuture<Result<QStringList>> packList = m_backend->list(QStringLiteral("packs/"));
    constexpr qsizetype kReadsInFlight = 16;
    QList<QFuture<Result<QByteArray>>> reads;
    const auto readAhead = [&](qsizetype upTo) {
        for (qsizetype i = reads.size(); i < qMin(upTo, names->size()); ++i)
            reads.append(m_backend->get(names->at(i)));
    };
    const auto drain = [&] {
        for (auto &f : reads)
            f.waitForFinished();
    };
    readAhead(kReadsInFlight);
    // Index entries are only believed for packs that exist: a chunk whose pack was lost is then
    // unknown, so the next backup stores it again and reads use that new copy.
    auto packNames = packList.result();
    if (!packNames) {
        drain();
        return packNames.error();
    }
    const QSet<QString> present(packNames->cbegin(), packNames->cend());
    QList<IndexedPack> missing;
    for (qsizetype i = 0; i < names->size(); ++i) {
        readAhead(i + kReadsInFlight);
        const QString &name = names->at(i);
        auto payload = openObject(ObjectType::Index, name, reads[i].result());
        reads[i] = {}; // parsed next: the sealed bytes can go
        auto packs = payload ? ChunkIndex::parse(*payload, name)
                             : Result<QList<IndexedPack>>(payload.error());
        if (!packs) {
            if (!isDamage(packs.error())) {
                drain();
                return packs.error();
            }
            QMutexLocker lock(&m_damageMutex);
            m_damaged.insert(name, Error{packs.error().code, packs.error().message, name});
            continue;
        }
        for (const IndexedPack &p : std::as_const(*packs)) {
            if (present.contains(objectname::pack(hex(p.packId))))
                m_index.addPack(p);
            else
                missing.append(p);
        }
    }
    QMutexLocker lock(&m_damageMutex);
    m_missingPacks = std::move(missing);
    return {};
}

QList<IndexedPack> Repository::missingPacks() const
{
    QMutexLocker lock(&m_damageMutex);
    return m_missingPacks;
}

Result<Repository::IndexReplacement> Repository::replaceIndex(const QList<IndexedPack> &packs,
                                                              const QStringList &oldIndex,
                                                              const char *crashPrefix)
{
    const auto point = [crashPrefix](const char *what) {
        crashpoint::hit(QByteArray(QByteArray(crashPrefix) + "-index-" + what).constData());
    };
    IndexReplacement done;
    QSet<QString> written;
    for (qsizetype i = 0; i < packs.size(); i += kPacksPerIndexObject) {
        point("write-before");
        auto name = putObject(ObjectType::Index, QStringLiteral("index"),
                              ChunkIndex::serialize(packs.mid(i, kPacksPerIndexObject)));
        if (!name)
            return name.error();
        point("write-after");
        written.insert(*name);
        ++done.written;
    }
    for (const QString &name : oldIndex) {
        if (written.contains(name))
            continue; // the same content was written again: it is part of the new index
        point("delete-before");
        if (auto s = m_backend->remove(name).result(); !s && s.error().code != ErrorCode::NotFound)
            return s.error();
        point("delete-after");
        ++done.deleted;
    }
    return done;
}

QList<Error> Repository::damagedObjects() const
{
    QMutexLocker lock(&m_damageMutex);
    return m_damaged.values();
}

Result<GenerationRecord> Repository::readGeneration(const QString &id)
{
    const QString name = objectname::generation(id);
    auto payload = getObject(ObjectType::Generation, name);
    if (!payload)
        return payload.error();
    auto record = GenerationRecord::parse(*payload, name);
    if (!record)
        return record.error();
    record->id = id;
    return record;
}

Result<QList<GenerationRecord>> Repository::generations()
{
    auto names = m_backend->list(QStringLiteral("generations/")).result();
    if (!names)
        return names.error();
    // Every record is asked for at once: the storage serves them in parallel (a local
    // backend on its thread pool, a server over several connections), and each is opened as
    // it arrives.
    QList<QFuture<Result<QByteArray>>> sealed;
    sealed.reserve(names->size());
    for (const QString &name : std::as_const(*names))
        sealed.append(m_backend->get(name));
    QList<GenerationRecord> out;
    Status storageError;
    for (qsizetype i = 0; i < names->size(); ++i) {
        const QString &name = names->at(i);
        auto payload = openObject(ObjectType::Generation, name, sealed[i].result());
        auto record = payload ? GenerationRecord::parse(*payload, name)
                              : Result<GenerationRecord>(payload.error());
        if (!record) {
            if (!isDamage(record.error())) {
                if (storageError)
                    storageError = record.error();
                continue; // the other answers are still awaited before returning
            }
            QMutexLocker lock(&m_damageMutex);
            m_damaged.insert(name, Error{record.error().code, record.error().message, name});
            continue;
        }
        record->id = objectname::idOf(name);
        out.append(std::move(*record));
    }
    if (!storageError)
        return storageError.error();
    std::sort(out.begin(), out.end(), [](const GenerationRecord &a, const GenerationRecord &b) {
        return a.finished != b.finished ? a.finished < b.finished : a.id < b.id;
    });
    return out;
}

QFuture<Result<QList<GenerationRecord>>> Repository::generationsAsync()
{
    return QtConcurrent::run(&m_readers, [this] { return generations(); });
}

Result<GenerationRecord> Repository::resolveGeneration(const QString &spec)
{
    const auto unknown = [&] {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "Unknown generation: ") + spec);
    };
    if (spec.isEmpty())
        return unknown();
    if (spec == QStringLiteral("latest")) {
        auto all = generations();
        if (!all)
            return all.error();
        if (all->isEmpty())
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("obnam", "the repository has no generations yet"));
        return all->last();
    }
    auto names = m_backend->list(QStringLiteral("generations/")).result();
    if (!names)
        return names.error();
    QStringList matches;
    for (const QString &name : std::as_const(*names)) {
        const QString id = objectname::idOf(name);
        if (id.startsWith(spec))
            matches.append(id);
    }
    if (matches.isEmpty())
        return unknown();
    if (matches.size() > 1)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "ambiguous generation prefix %1 matches %2 generations")
                             .arg(spec)
                             .arg(matches.size()));
    return readGeneration(matches.first());
}

Result<QString> Repository::commitGeneration(const GenerationRecord &record)
{
    crashpoint::hit("generation-commit-before");
    auto name =
        putObject(ObjectType::Generation, QStringLiteral("generations"), record.serialize());
    if (!name)
        return name.error();
    crashpoint::hit("generation-commit-after");
    return objectname::idOf(*name);
}

} // namespace obnam
