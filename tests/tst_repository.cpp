// Repository life cycle: init, open with passphrase or keys, key slots, and every way a
// damaged or foreign repository must be refused with a clear error.
#include "TestSupport.h"
#include "backend/MemoryBackend.h"
#include "backend/ObjectName.h"
#include "crypto/Compression.h"
#include "crypto/Crypto.h"
#include "engine/GenerationStore.h"
#include "repo/ChunkIndex.h"
#include "repo/ChunkWriter.h"
#include "repo/KeySlot.h"
#include "repo/Repository.h"

#include <QtTest>

using namespace obnam;

namespace {

Repository::InitOptions fastOptions()
{
    Repository::InitOptions o;
    o.chunker = ChunkerParams::forAverage(4096);
    o.packSize = 64 * 1024;
    o.kdf = crypto::KdfParams::testing();
    return o;
}

// Stores `count` random chunks and returns their ids.
QList<QByteArray> storeChunks(Repository &repo, int count, quint32 seed)
{
    ChunkWriter writer(repo);
    QList<QByteArray> ids;
    for (int i = 0; i < count; ++i) {
        const QByteArray data = test::randomData(3000 + i, seed + quint32(i));
        ids.append(repo.chunkId(data));
        if (!writer.add(ids.last(), compression::pack(data, 3), quint32(data.size())))
            return {};
    }
    if (!writer.flush())
        return {};
    return ids;
}

} // namespace

class TestRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initThenOpen()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "correct horse", fastOptions());
        QVERIFY2(repo, qPrintable(repo ? QString() : repo.error().toString()));
        const QByteArray id = (*repo)->config().repositoryId;
        QCOMPARE(backend->objectCount(QStringLiteral("keys/")), 1);
        auto again = Repository::open(backend, "correct horse");
        QVERIFY(again);
        QCOMPARE((*again)->config().repositoryId, id);
        QCOMPARE((*again)->keys().serialize(), (*repo)->keys().serialize());
        QCOMPARE((*again)->config().chunker.avgSize, quint32(4096));
    }

    void initRefusesExistingRepository()
    {
        auto backend = std::make_shared<MemoryBackend>();
        QVERIFY(Repository::init(backend, "pw", fastOptions()));
        auto second = Repository::init(backend, "pw", fastOptions());
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::AlreadyExists);
    }

    void wrongPassphrase()
    {
        auto backend = std::make_shared<MemoryBackend>();
        QVERIFY(Repository::init(backend, "right", fastOptions()));
        auto repo = Repository::open(backend, "wrong");
        QVERIFY(!repo);
        QCOMPARE(repo.error().code, ErrorCode::WrongPassphrase);
        QVERIFY(repo.error().message.contains(QStringLiteral("wrong passphrase")));
    }

    void openEmptyBackendSaysNoRepository()
    {
        auto repo = Repository::open(std::make_shared<MemoryBackend>(), "pw");
        QVERIFY(!repo);
        QCOMPARE(repo.error().code, ErrorCode::NotFound);
        QVERIFY(repo.error().message.contains(QStringLiteral("no repository")));
    }

    void missingKeySlot()
    {
        auto backend = std::make_shared<MemoryBackend>();
        QVERIFY(Repository::init(backend, "pw", fastOptions()));
        const QString slot = backend->list(QStringLiteral("keys/")).result()->first();
        QVERIFY(backend->remove(slot).result());
        auto repo = Repository::open(backend, "pw");
        QVERIFY(!repo);
        QCOMPARE(repo.error().code, ErrorCode::NotFound);
        QVERIFY(repo.error().message.contains(QStringLiteral("no key slots")));
    }

    void corruptKeySlot()
    {
        auto backend = std::make_shared<MemoryBackend>();
        QVERIFY(Repository::init(backend, "pw", fastOptions()));
        const QString slot = backend->list(QStringLiteral("keys/")).result()->first();
        backend->setRawObject(slot, "{not json");
        auto repo = Repository::open(backend, "pw");
        QVERIFY(!repo);
        QCOMPARE(repo.error().code, ErrorCode::Corrupt);
        QCOMPARE(repo.error().path, slot);
    }

    void keySlotCannotMoveBetweenRepositories()
    {
        auto a = std::make_shared<MemoryBackend>();
        auto b = std::make_shared<MemoryBackend>();
        QVERIFY(Repository::init(a, "pw", fastOptions()));
        QVERIFY(Repository::init(b, "pw", fastOptions()));
        const QString slotA = a->list(QStringLiteral("keys/")).result()->first();
        const QString slotB = b->list(QStringLiteral("keys/")).result()->first();
        QVERIFY(b->remove(slotB).result());
        b->setRawObject(slotA, a->rawObject(slotA));
        auto repo = Repository::open(b, "pw");
        QVERIFY(!repo);
        QCOMPARE(repo.error().code, ErrorCode::WrongPassphrase);
    }

    void unknownFormatVersion()
    {
        auto backend = std::make_shared<MemoryBackend>();
        QVERIFY(Repository::init(backend, "pw", fastOptions()));
        QByteArray config = backend->rawObject(QStringLiteral("config"));
        config.replace("\"version\": 1", "\"version\": 7");
        backend->setRawObject(QStringLiteral("config"), config);
        auto repo = Repository::open(backend, "pw");
        QVERIFY(!repo);
        QCOMPARE(repo.error().code, ErrorCode::Unsupported);
        QVERIFY2(repo.error().message.contains(QStringLiteral("repository format 7")) &&
                     repo.error().message.contains(QStringLiteral("newer version")),
                 qPrintable(repo.error().message));
    }

    void garbageConfig()
    {
        auto backend = std::make_shared<MemoryBackend>();
        backend->setRawObject(QStringLiteral("config"), test::randomData(100, 1));
        auto repo = Repository::open(backend, "pw");
        QVERIFY(!repo);
        QCOMPARE(repo.error().code, ErrorCode::Corrupt);
        QCOMPARE(repo.error().path, QStringLiteral("config"));
    }

    void keySlots()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "first", fastOptions());
        QVERIFY(repo);
        auto second = (*repo)->addKey("second", crypto::KdfParams::testing());
        QVERIFY(second);
        QCOMPARE((*repo)->listKeys()->size(), 2);
        QVERIFY(Repository::open(backend, "first"));
        QVERIFY(Repository::open(backend, "second"));

        // Changing a passphrase re-wraps the slot; the data keys stay the same.
        QVERIFY(
            (*repo)->changePassphrase(*second, "second", "third", crypto::KdfParams::testing()));
        QCOMPARE(Repository::open(backend, "second").error().code, ErrorCode::WrongPassphrase);
        auto third = Repository::open(backend, "third");
        QVERIFY(third);
        QCOMPARE((*third)->keys().serialize(), (*repo)->keys().serialize());
        QCOMPARE((*repo)
                     ->changePassphrase(*second, "wrong", "x", crypto::KdfParams::testing())
                     .error()
                     .code,
                 ErrorCode::WrongPassphrase);

        // Removing a slot locks out its passphrase; the last slot is never removed.
        QVERIFY((*repo)->removeKey(*second));
        QCOMPARE(Repository::open(backend, "third").error().code, ErrorCode::WrongPassphrase);
        const QString last = (*repo)->listKeys()->first().id;
        auto refused = (*repo)->removeKey(last);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("last key slot")));
        QCOMPARE((*repo)->removeKey(QStringLiteral("0123456789abcdef")).error().code,
                 ErrorCode::NotFound);
    }

    void everyByteOfAKeySlotIsAuthenticated()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "first", fastOptions());
        QVERIFY(repo);
        auto second = (*repo)->addKey("second", crypto::KdfParams::testing());
        QVERIFY(second);
        auto clean = (*repo)->verifyKeySlots();
        QVERIFY(clean);
        QCOMPARE(clean->checked, 2);
        QVERIFY(clean->damaged.isEmpty());

        // The master keys prove every byte of a slot intact, without its passphrase: a
        // changed byte anywhere, the MAC included, is reported for that slot alone.
        const QString name = QStringLiteral("keys/") + *second;
        const QByteArray original = backend->rawObject(name);
        const QByteArray rid = (*repo)->config().repositoryId;
        for (qsizetype i = 0; i < original.size(); ++i) {
            QByteArray changed = original;
            changed[i] = char(changed[i] ^ 0x04);
            QVERIFY2(!KeySlot::authenticate(changed, (*repo)->keys(), rid, *second),
                     qPrintable(QString::number(i)));
        }
        QVERIFY(KeySlot::authenticate(original, (*repo)->keys(), rid, *second));
        // Bound to its id: the same bytes under another name do not pass.
        QVERIFY(!KeySlot::authenticate(original, (*repo)->keys(), rid,
                                       QStringLiteral("00112233445566778899aabbccddeeff")));
        // Another repository's keys do not pass either.
        auto other = Repository::init(std::make_shared<MemoryBackend>(), "first", fastOptions());
        QVERIFY(other);
        QVERIFY(!KeySlot::authenticate(original, (*other)->keys(), rid, *second));

        QByteArray damaged = original;
        damaged[20] = char(damaged[20] ^ 0x01);
        backend->setRawObject(name, damaged);
        auto found = (*repo)->verifyKeySlots();
        QVERIFY(found);
        QCOMPARE(found->damaged.size(), 1);
        QCOMPARE(found->damaged.first().path, name);
        QVERIFY(Repository::open(backend, "first")); // the other slot still opens
    }

    void productionKdfIsUsedByDefault()
    {
        QVERIFY(Repository::InitOptions().kdf.memoryKiB >= 64 * 1024);
    }

    void chunksRoundTripThroughPacksAndIndex()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        const auto ids = storeChunks(**repo, 100, 1);
        QCOMPARE(ids.size(), 100);
        QVERIFY(backend->objectCount(QStringLiteral("packs/")) >= 4);
        QVERIFY(backend->objectCount(QStringLiteral("index/")) >= 1);

        auto reopened = Repository::open(backend, "pw");
        QVERIFY(reopened);
        QCOMPARE((*reopened)->index().chunkCount(), 100);
        for (int i = 0; i < ids.size(); ++i)
            QCOMPARE(*(*reopened)->readChunk(ids[i]), test::randomData(3000 + i, quint32(1 + i)));
    }

    void indexTellsIdsApartByEveryByte()
    {
        // The index hashes an id by its first bytes; ids that share them are still different
        // chunks, and an id of another length (from a damaged generation) is simply unknown.
        const QByteArray a = crypto::sha256("a");
        QByteArray b = a;
        b[31] = char(b[31] ^ 1);
        ChunkIndex index;
        index.addPack(IndexedPack{
            crypto::sha256("pack 1"), QByteArray(16, 's'), {PackEntry{a, 10, 20, 30, 1}}});
        QVERIFY(index.contains(a));
        QVERIFY(!index.contains(b));
        QVERIFY(!index.contains(a.left(31)));
        QVERIFY(!index.contains(a + 'x'));
        QVERIFY(!index.contains({}));
        QVERIFY(!index.find(a.left(16)));
        index.addPack(IndexedPack{crypto::sha256("pack 2"),
                                  QByteArray(16, 't'),
                                  {PackEntry{b, 40, 50, 60, 2}, PackEntry{a, 70, 80, 90, 3}}});
        QCOMPARE(index.chunkCount(), 2);
        QCOMPARE(index.packCount(), 2);
        // The first location seen wins.
        const auto foundA = index.find(a);
        QVERIFY(foundA);
        QCOMPARE(foundA->packId, crypto::sha256("pack 1"));
        QCOMPARE(foundA->entry.offset, quint64(10));
        QCOMPARE(foundA->entry.chunkId, a);
        const auto foundB = index.find(b);
        QVERIFY(foundB);
        QCOMPARE(foundB->packId, crypto::sha256("pack 2"));
        QCOMPARE(foundB->salt, QByteArray(16, 't'));
        QCOMPARE(foundB->entry.length, quint32(50));
        QCOMPARE(foundB->entry.plainLength, quint32(60));
        QCOMPARE(foundB->entry.counter, quint32(2));
        // Listing by pack gives the ids back whole.
        const QList<IndexedPack> packs = index.packs();
        QCOMPARE(packs.size(), 2);
        QCOMPARE(packs[0].entries.size(), 1);
        QCOMPARE(packs[0].entries[0].chunkId, a);
        QCOMPARE(packs[1].entries.size(), 1);
        QCOMPARE(packs[1].entries[0].chunkId, b);
        index.removePacks({crypto::sha256("pack 2")});
        QVERIFY(index.contains(a));
        QVERIFY(!index.contains(b));
    }

    void packIdIsHashOfItsBytes()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        storeChunks(**repo, 10, 2);
        const QStringList packs = *backend->list(QStringLiteral("packs/")).result();
        for (const QString &name : packs)
            QCOMPARE(QString::fromLatin1(crypto::sha256(backend->rawObject(name)).toHex()),
                     objectname::idOf(name));
    }

    void storageHoldsNoPlaintext()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        const QByteArray marker = QByteArray("PLAINTEXT-MARKER-").repeated(200);
        ChunkWriter writer(**repo);
        QVERIFY(writer.add((*repo)->chunkId(marker), compression::pack(marker, 0),
                           quint32(marker.size())));
        QVERIFY(writer.flush());
        const auto names = backend->list(QString()).result();
        QVERIFY(names);
        for (const QString &name : *names)
            QVERIFY2(!backend->rawObject(name).contains("PLAINTEXT-MARKER"), qPrintable(name));
    }

    void flippedBitInPackIsDetected()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        const auto ids = storeChunks(**repo, 5, 3);
        const auto loc = (*repo)->index().find(ids[2]);
        QVERIFY(loc);
        const QString pack = objectname::pack(QString::fromLatin1(loc->packId.toHex()));
        QByteArray bytes = backend->rawObject(pack);
        bytes[qsizetype(loc->entry.offset + 10)] ^= 0x04;
        backend->setRawObject(pack, bytes);
        auto r = (*repo)->readChunk(ids[2]);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY(r.error().path.contains(pack));
        QVERIFY(r.error().path.contains(QString::fromLatin1(ids[2].toHex())));
        QVERIFY((*repo)->readChunk(ids[1]));
    }

    void truncatedPackIsDetected()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        const auto ids = storeChunks(**repo, 3, 4);
        const auto loc = (*repo)->index().find(ids[2]);
        const QString pack = objectname::pack(QString::fromLatin1(loc->packId.toHex()));
        backend->setRawObject(pack,
                              backend->rawObject(pack).left(qsizetype(loc->entry.offset + 5)));
        auto r = (*repo)->readChunk(ids[2]);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QCOMPARE(r.error().path, pack);
    }

    void swappedPacksAreDetected()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto options = fastOptions();
        options.packSize = 4096; // one chunk per pack
        auto repo = Repository::init(backend, "pw", options);
        QVERIFY(repo);
        const auto ids = storeChunks(**repo, 4, 5);
        const auto a = (*repo)->index().find(ids[0]);
        const auto b = (*repo)->index().find(ids[3]);
        QVERIFY(a->packId != b->packId);
        const QString packA = objectname::pack(QString::fromLatin1(a->packId.toHex()));
        const QString packB = objectname::pack(QString::fromLatin1(b->packId.toHex()));
        const QByteArray bytesA = backend->rawObject(packA);
        backend->setRawObject(packA, backend->rawObject(packB));
        backend->setRawObject(packB, bytesA);
        QCOMPARE((*repo)->readChunk(ids[0]).error().code, ErrorCode::Corrupt);
        QCOMPARE((*repo)->readChunk(ids[3]).error().code, ErrorCode::Corrupt);
    }

    void corruptIndexObjectNamesIt()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        storeChunks(**repo, 3, 6);
        const QString index = backend->list(QStringLiteral("index/")).result()->first();
        QByteArray bytes = backend->rawObject(index);
        bytes[bytes.size() / 2] ^= 0x80;
        backend->setRawObject(index, bytes);
        // The repository still opens; the damaged object is named and its chunks are unknown.
        auto reopened = Repository::open(backend, "pw");
        QVERIFY(reopened);
        const QList<Error> damaged = (*reopened)->damagedObjects();
        QCOMPARE(damaged.size(), 1);
        QCOMPARE(damaged.first().code, ErrorCode::Corrupt);
        QCOMPARE(damaged.first().path, index);
        QCOMPARE((*reopened)->index().chunkCount(), 0);
    }

    void changedConfigIsRefused()
    {
        auto backend = std::make_shared<MemoryBackend>();
        QVERIFY(Repository::init(backend, "pw", fastOptions()));
        QByteArray config = backend->rawObject(QStringLiteral("config"));
        // Still valid JSON with valid values: only the authentication code notices.
        QVERIFY(config.contains("\"pack_size\": 65536"));
        config.replace("\"pack_size\": 65536", "\"pack_size\": 65537");
        backend->setRawObject(QStringLiteral("config"), config);
        auto reopened = Repository::open(backend, "pw");
        QVERIFY(!reopened);
        QCOMPARE(reopened.error().code, ErrorCode::Corrupt);
        QVERIFY2(
            reopened.error().message.contains(QStringLiteral("the repository's config object")),
            qPrintable(reopened.error().message));
    }

    void packHeaderAuthenticatesAndLists()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        const auto ids = storeChunks(**repo, 4, 7);
        const QString pack = backend->list(QStringLiteral("packs/")).result()->first();
        const QByteArray bytes = backend->rawObject(pack);
        auto header =
            pack::parseHeader((*repo)->keys().dataKey, (*repo)->config().repositoryId, bytes, pack);
        QVERIFY(header);
        QVERIFY(!header->entries.isEmpty());
        QVERIFY(ids.contains(header->entries.first().chunkId));
        QByteArray bad = bytes;
        bad[bad.size() - 20] ^= 1;
        QCOMPARE(
            pack::parseHeader((*repo)->keys().dataKey, (*repo)->config().repositoryId, bad, pack)
                .error()
                .code,
            ErrorCode::Corrupt);
        QCOMPARE(pack::parseHeader((*repo)->keys().dataKey, (*repo)->config().repositoryId,
                                   bytes.left(30), pack)
                     .error()
                     .code,
                 ErrorCode::Corrupt);
    }

    void objectFromAnotherRepositoryIsRefused()
    {
        auto a = std::make_shared<MemoryBackend>();
        auto b = std::make_shared<MemoryBackend>();
        auto ra = Repository::init(a, "pw", fastOptions());
        auto rb = Repository::init(b, "pw", fastOptions());
        QVERIFY(ra && rb);
        auto name =
            (*ra)->putObject(ObjectType::Index, QStringLiteral("index"), ChunkIndex::serialize({}));
        QVERIFY(name);
        b->setRawObject(*name, a->rawObject(*name));
        QCOMPARE((*rb)->getObject(ObjectType::Index, *name).error().code, ErrorCode::Corrupt);
        // Wrong type is refused too.
        QCOMPARE((*ra)->getObject(ObjectType::Generation, *name).error().code, ErrorCode::Corrupt);
    }

    void renamedObjectIsDetected()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        auto one = (*repo)->putObject(ObjectType::Index, QStringLiteral("index"),
                                      ChunkIndex::serialize({}));
        auto two = (*repo)->putObject(ObjectType::Index, QStringLiteral("index"),
                                      ChunkIndex::serialize({}));
        QVERIFY(one && two && *one != *two);
        backend->setRawObject(*one, backend->rawObject(*two));
        auto r = (*repo)->getObject(ObjectType::Index, *one);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("does not match its name")));
    }

    void deduplicationStoresEachChunkOnce()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        ChunkWriter writer(**repo);
        const QByteArray data = test::randomData(5000, 8);
        for (int i = 0; i < 10; ++i)
            QVERIFY(writer.add((*repo)->chunkId(data), compression::pack(data, 3),
                               quint32(data.size())));
        QVERIFY(writer.flush());
        QCOMPARE(writer.stats().newChunks, qint64(1));
        QCOMPARE(writer.stats().reusedChunks, qint64(9));
        QCOMPARE((*repo)->index().chunkCount(), 1);
    }

    void knownChunksAreNotCompressedAgain()
    {
        auto backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        const QList<QByteArray> stored = storeChunks(**repo, 3, 40);
        QCOMPARE(stored.size(), 3);
        const QByteArray old = test::randomData(3001, 41); // the second chunk storeChunks made
        const QByteArray fresh = test::randomData(7000, 99);
        const QList<PreparedChunk> prepared =
            generationstore::prepareChunks(**repo, {old, fresh}, 3);
        QCOMPARE(prepared.size(), 2);
        QCOMPARE(prepared[0].id, stored[1]);
        QVERIFY(prepared[0].packed.isEmpty()); // in the index: only hashed
        QCOMPARE(prepared[0].plainLength, quint32(old.size()));
        QVERIFY(!prepared[1].packed.isEmpty());
        ChunkWriter writer(**repo);
        for (const PreparedChunk &c : prepared)
            QVERIFY(writer.add(c.id, c.packed, c.plainLength));
        QVERIFY(writer.flush());
        QCOMPARE(writer.stats().reusedChunks, qint64(1));
        QCOMPARE(*(*repo)->readChunk(prepared[1].id), fresh);
        // A chunk claimed to be known that the repository lacks is an error, not a hole.
        const auto lost = writer.add(QByteArray(32, 'x'), {}, 10);
        QVERIFY(!lost);
        QVERIFY(lost.error().message.contains(QStringLiteral("not in the repository")));
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
