#pragma once

#include "ChunkIndex.h"
#include "GenerationRecord.h"
#include "MasterKeys.h"
#include "ObjectCodec.h"
#include "RepoConfig.h"
#include "backend/Backend.h"
#include "chunk/Chunker.h"
#include "crypto/Kdf.h"

#include <QFuture>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QThreadPool>

#include <memory>

namespace obnam {

struct KeySlotInfo
{
    QString id;
    crypto::KdfParams params;
};

// An open repository: its config, its keys, its index, and the operations on objects that
// every engine shares. Methods block on the backend's futures, so call them from worker
// threads (QtConcurrent::run), never from a GUI thread.
class Repository
{
public:
    struct InitOptions
    {
        ChunkerParams chunker;
        quint32 packSize = 16 * 1024 * 1024;
        crypto::KdfParams kdf = crypto::KdfParams::production();
    };

    // Creates a new repository; fails with AlreadyExists if the backend holds one.
    static Result<std::unique_ptr<Repository>> init(std::shared_ptr<Backend> backend,
                                                    const QByteArray &passphrase,
                                                    const InitOptions &options);
    // Opens with a passphrase, trying each key slot.
    static Result<std::unique_ptr<Repository>> open(std::shared_ptr<Backend> backend,
                                                    const QByteArray &passphrase);
    // Opens with master keys the client already holds (its credentials file): no KDF cost.
    // `repositoryId` (hex), when given, is the repository the keys belong to: a storage
    // holding another one (another client's token, a changed address) is named as such
    // instead of looking damaged.
    static Result<std::unique_ptr<Repository>> open(std::shared_ptr<Backend> backend,
                                                    const MasterKeys &keys,
                                                    const QString &repositoryId = {});
    // The same without reading the index: for looking at locks, key slots and generation
    // records only (a window watching for other clients' backups). Nothing that reads or
    // stores data may use such a repository.
    static Result<std::unique_ptr<Repository>> openWithoutIndex(std::shared_ptr<Backend> backend,
                                                                const MasterKeys &keys,
                                                                const QString &repositoryId);
    static Result<bool> exists(Backend &backend);

    ~Repository();

    Backend &backend() { return *m_backend; }
    std::shared_ptr<Backend> backendPtr() const { return m_backend; }
    const RepoConfig &config() const { return m_config; }
    const MasterKeys &keys() const { return m_keys; }
    const Chunker &chunker() const { return m_chunker; }
    const ObjectCodec &codec() const { return m_codec; }
    ChunkIndex &index() { return m_index; }
    const ChunkIndex &index() const { return m_index; }

    // Chunk id: HMAC-SHA256 of the plaintext under the id key.
    QByteArray chunkId(QByteArrayView plaintext) const;
    // Fetches, decrypts, decompresses and verifies a chunk against its id.
    Result<QByteArray> readChunk(const QByteArray &chunkId);
    // The same, for a chunk whose place the caller has already looked up in index().
    Result<QByteArray> readChunk(const ChunkLocation &location);
    // The same verification for a blob already read from its pack.
    Result<QByteArray> openChunk(const ChunkLocation &location, QByteArray blob);
    // Exactly `length` bytes of a pack from `offset`, unverified: a stretch of sealed chunks
    // for openChunk(), read at once (readRangeNow()).
    Result<QByteArray> readPackRange(const QByteArray &packId, quint64 offset, quint64 length);

    // Key slots.
    Result<QString> addKey(const QByteArray &passphrase, const crypto::KdfParams &params);
    Status removeKey(const QString &slotId); // refuses to remove the last slot
    Result<QList<KeySlotInfo>> listKeys();
    struct KeySlotCheck
    {
        int checked = 0;
        QList<Error> damaged; // path: the slot's object name
    };
    // Authenticates every key slot with the master keys (no passphrase needed).
    Result<KeySlotCheck> verifyKeySlots();
    Status changePassphrase(const QString &slotId, const QByteArray &oldPassphrase,
                            const QByteArray &newPassphrase, const crypto::KdfParams &params);

    // Content-addressed encrypted objects (index, generation records): name = kind/sha256.
    Result<QString> putObject(ObjectType type, const QString &kind, const QByteArray &payload);
    // After a write: the storage must show the object with the size written.
    Status verifyStored(const QString &name, qint64 size);
    // Verifies the bytes hash to the name, then decrypts.
    Result<QByteArray> getObject(ObjectType type, const QString &name);
    // Checks an object read from the storage against its name and opens it.
    Result<QByteArray> openObject(ObjectType type, const QString &name,
                                  const Result<QByteArray> &sealed) const;

    // An index object holds at most this many packs, which bounds what an interrupted writer
    // loses and what a reader must download at once.
    static constexpr int kPacksPerIndexObject = 64;
    struct IndexReplacement
    {
        int written = 0;
        int deleted = 0;
    };
    // Prune and repair: writes `packs` as new index objects, then removes the `oldIndex`
    // objects not written again. New before old, so a crash leaves a usable index. Crash
    // points are "<crashPrefix>-index-write-…" and "<crashPrefix>-index-delete-…".
    Result<IndexReplacement> replaceIndex(const QList<IndexedPack> &packs,
                                          const QStringList &oldIndex, const char *crashPrefix);
    // (Re)reads every index object into the in-memory index. A damaged index object (or, in
    // generations(), a damaged generation record) does not stop the repository from working:
    // it is skipped and listed in damagedObjects(), so `check` and warnings can name it.
    // Errors of the storage itself (unreachable server, I/O) still fail.
    Status loadIndex();
    QList<Error> damagedObjects() const;
    // Packs that index objects name but the storage does not hold, with the entries the
    // index gave for them. Their chunks are left out of index().
    QList<IndexedPack> missingPacks() const;

    // Generations, oldest first.
    Result<QList<GenerationRecord>> generations();
    // "latest", a full id, or a unique prefix of one.
    // generations() without waiting, for a window: the answer arrives on a thread of the
    // repository's, to be continued with .then(context, ...).
    QFuture<Result<QList<GenerationRecord>>> generationsAsync();
    Result<GenerationRecord> resolveGeneration(const QString &spec);
    Result<GenerationRecord> readGeneration(const QString &id);
    // Writes the record, making the generation visible. Returns its id.
    Result<QString> commitGeneration(const GenerationRecord &record);

private:
    Repository(std::shared_ptr<Backend> backend, RepoConfig config, MasterKeys keys);
    static Result<RepoConfig> readConfig(Backend &backend);
    static QByteArray configMac(const MasterKeys &keys, const RepoConfig &config);
    static Result<std::unique_ptr<Repository>> openKeys(std::shared_ptr<Backend> backend,
                                                        const MasterKeys &keys,
                                                        const QString &repositoryId,
                                                        bool withIndex);
    static Result<std::unique_ptr<Repository>> finishOpen(std::shared_ptr<Backend> backend,
                                                          RepoConfig config, MasterKeys keys,
                                                          bool withIndex = true);
    Result<QByteArray> packSubkey(const QByteArray &packId, const QByteArray &salt);
    struct StoredKeySlot
    {
        QString name; // keys/<id>
        Result<QByteArray> bytes;
    };
    // Every key slot's object; failures to read a slot are left to the caller to judge.
    Result<QList<StoredKeySlot>> readKeySlots();

    std::shared_ptr<Backend> m_backend;
    RepoConfig m_config;
    MasterKeys m_keys;
    Chunker m_chunker;
    ObjectCodec m_codec;
    ChunkIndex m_index;
    mutable QMutex m_damageMutex;
    QMap<QString, Error> m_damaged; // object name -> why it could not be used
    QList<IndexedPack> m_missingPacks;
    QMutex m_subkeyMutex;
    QHash<QByteArray, QByteArray> m_subkeys; // pack id -> subkey, so reads skip HKDF
    // Runs the asynchronous reads (generationsAsync()); the destructor waits for them before
    // it wipes the keys.
    QThreadPool m_readers;
};

} // namespace obnam
