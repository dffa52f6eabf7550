// Writes the seed corpora fuzz/corpus/<target>/ with the project's own serializers and the
// fixed keys of FuzzSupport.h, so the seeds authenticate and reach the code behind the checks.
// Every seed is read back with the real parser before it is written; any failure exits 1.
// Usage: make_seeds <corpus directory>. Salts and nonces are random, so bytes differ per run.

#include "ClientConfig.h"
#include "FuzzSupport.h"
#include "backend/MemoryBackend.h"
#include "backend/ObjectName.h"
#include "crypto/Compression.h"
#include "gen/GenerationDb.h"
#include "repo/ChunkIndex.h"
#include "repo/GenerationRecord.h"
#include "repo/KeySlot.h"
#include "repo/ObjectCodec.h"
#include "repo/Pack.h"
#include "repo/RepoConfig.h"
#include "repo/Repository.h"
#include "support/Bytes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace obnam;

namespace {

QString corpusRoot;
int failures = 0;

void write(const char *target, const char *name, const QByteArray &bytes, bool valid)
{
    const QString dir = corpusRoot + QLatin1Char('/') + QLatin1String(target);
    QFile file(dir + QLatin1Char('/') + QLatin1String(name));
    if (!valid || bytes.size() > 64 * 1024 || !QDir().mkpath(dir) ||
        !file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "make_seeds: %s/%s not written (valid=%d, %lld bytes)\n", target, name,
                     int(valid), qlonglong(bytes.size()));
        ++failures;
        return;
    }
    std::printf("%s/%s: %lld bytes\n", target, name, qlonglong(bytes.size()));
}

// Deterministic filler data: a SHA-256 chain.
QByteArray filler(qsizetype size, const char *label)
{
    QByteArray out;
    QByteArray block = crypto::sha256(QByteArray(label));
    while (out.size() < size) {
        out.append(block);
        block = crypto::sha256(block);
    }
    out.truncate(size);
    return out;
}

QByteArray chunkId(int n)
{
    return crypto::hmacSha256(fuzz::fixedKeys().idKey, QByteArray::number(n));
}

const ObjectCodec &codec()
{
    static const ObjectCodec c(fuzz::fixedKeys().dataKey, fuzz::fixedRepositoryId());
    return c;
}

bool opens(ObjectType type, const QByteArray &sealed)
{
    return codec().open(type, sealed, QStringLiteral("seed"), fuzz::kMaxPayload).ok();
}

QList<IndexedPack> samplePacks()
{
    QList<IndexedPack> packs;
    for (int p = 0; p < 2; ++p) {
        IndexedPack pack{crypto::sha256(QByteArray::number(p)), QByteArray(16, char('a' + p)), {}};
        for (int i = 0; i < 3; ++i)
            pack.entries.append(
                PackEntry{chunkId(10 * p + i), quint64(21 + 100 * i), 90, 70, quint32(i + 1)});
        packs.append(pack);
    }
    return packs;
}

GenerationRecord sampleRecord()
{
    GenerationRecord g;
    g.dbChunks = {chunkId(100), chunkId(101)};
    g.dbSize = 24576;
    g.clientName = QStringLiteral("laptop");
    g.hostname = QStringLiteral("laptop.example.org");
    g.started =
        QDateTime::fromString(QStringLiteral("2024-03-01T10:00:00.123Z"), Qt::ISODateWithMs);
    g.finished = g.started.addSecs(95);
    g.fileCount = 1234;
    g.totalBytes = 987654321;
    g.parent = QString::fromLatin1(crypto::sha256("parent").toHex());
    return g;
}

void envelopeSeeds()
{
    const QByteArray index =
        codec().seal(ObjectType::Index, ChunkIndex::serialize(samplePacks()), 3);
    const QByteArray record = codec().seal(ObjectType::Generation, sampleRecord().serialize(), 0);
    const QByteArray lock =
        codec().seal(ObjectType::Lock, QByteArrayLiteral("{\"client\":\"x\"}"), 0);
    write("envelope", "index-zstd", index, opens(ObjectType::Index, index));
    write("envelope", "generation-stored", record, opens(ObjectType::Generation, record));
    write("envelope", "lock-stored", lock, opens(ObjectType::Lock, lock));
}

bool headerParses(const QByteArray &packBytes)
{
    return pack::parseHeader(fuzz::fixedKeys().dataKey, fuzz::fixedRepositoryId(), packBytes,
                             QStringLiteral("seed"))
        .ok();
}

// The harness's second form: body size in 16-byte units, then the header plaintext. The zstd
// variant repeats one chunk id, which the header allows, so that zstd actually shrinks it.
QByteArray headerPlaintext(quint8 bodyUnits, int level)
{
    const quint32 count = level > 0 ? 6 : 2;
    ByteWriter w;
    w.u32(count);
    for (quint32 i = 0; i < count; ++i) {
        w.raw(chunkId(level > 0 ? 200 : 200 + int(i)));
        w.u64(21 + 20 * quint64(i)); // offset
        w.u32(20);                   // length
        w.u32(4);                    // plain length
        w.u32(i + 1);                // counter
    }
    const QByteArray packed = compression::pack(w.data(), level);
    return packed[0] == char(level > 0 ? 1 : 0) ? char(bodyUnits) + packed : QByteArray();
}

void packSeeds()
{
    PackBuilder builder(fuzz::fixedKeys().dataKey, fuzz::fixedRepositoryId());
    for (int i = 0; i < 3; ++i) {
        const QByteArray chunk = filler(300 + 200 * i, "pack chunk");
        builder.add(chunkId(300 + i), compression::pack(chunk, i == 0 ? 0 : 3),
                    quint32(chunk.size()));
    }
    const QByteArray full = builder.finish().bytes;
    const QByteArray empty = builder.finish().bytes;
    write("pack_header", "pack-3-chunks", full, headerParses(full));
    write("pack_header", "pack-empty", empty, headerParses(empty));
    const QByteArray stored = headerPlaintext(8, 0);
    const QByteArray zstd = headerPlaintext(8, 3);
    write("pack_header", "header-stored", stored, !stored.isEmpty());
    write("pack_header", "header-zstd", zstd, !zstd.isEmpty());
}

void indexSeeds()
{
    const auto parses = [](const QByteArray &payload) {
        return ChunkIndex::parse(payload, QStringLiteral("seed")).ok();
    };
    const QByteArray payload = ChunkIndex::serialize(samplePacks());
    const QByteArray empty = ChunkIndex::serialize({});
    const QByteArray sealed = codec().seal(ObjectType::Index, payload, 3);
    write("index", "payload-2-packs", payload, parses(payload));
    write("index", "payload-empty", empty, parses(empty));
    write("index", "sealed-2-packs", sealed,
          parses(*codec().open(ObjectType::Index, sealed, QStringLiteral("seed"))));
}

void keySlotSeeds()
{
    const crypto::KdfParams cheap[] = {crypto::KdfParams::testing(), {16, 2, 2}};
    const char *names[] = {"testing-params", "two-lanes"};
    for (int i = 0; i < 2; ++i) {
        const auto slot = KeySlot::wrap(fuzz::fixedKeys(), fuzz::fixedPassphrase(), cheap[i],
                                        fuzz::fixedRepositoryId(), fuzz::fixedSlotId());
        const bool opens = slot && KeySlot::unwrap(*slot, fuzz::fixedPassphrase(),
                                                   fuzz::fixedRepositoryId(), fuzz::fixedSlotId())
                                       .ok();
        write("keyslot", names[i], slot ? *slot : QByteArray(), opens);
    }
}

void generationRecordSeeds()
{
    const auto parses = [](const QByteArray &payload) {
        return GenerationRecord::parse(payload, QStringLiteral("seed")).ok();
    };
    GenerationRecord first = sampleRecord();
    first.parent.clear();
    const QByteArray sealed = codec().seal(ObjectType::Generation, sampleRecord().serialize(), 3);
    write("generation_record", "payload", sampleRecord().serialize(),
          parses(sampleRecord().serialize()));
    write("generation_record", "payload-no-parent", first.serialize(), parses(first.serialize()));
    write("generation_record", "sealed", sealed,
          parses(*codec().open(ObjectType::Generation, sealed, QStringLiteral("seed"))));
}

QByteArray makeDatabase(const QString &path, int files)
{
    {
        auto db = GenerationDb::create(path);
        if (!db)
            return {};
        if (!(*db)->setMeta(QStringLiteral("client_name"), QStringLiteral("laptop")))
            return {};
        for (int i = 0; i < files; ++i) {
            FileEntry e;
            e.path = QByteArray("/home/user/file-") + QByteArray::number(i);
            e.kind = FileKind(i % 3); // regular, directory, symlink
            e.mode = 0644;
            e.uid = 1000;
            e.gid = 1000;
            e.user = QStringLiteral("user");
            e.group = QStringLiteral("user");
            e.size = 1000 * i;
            e.mtimeNs = 1700000000000000000LL + i;
            e.target = e.kind == FileKind::Symlink ? QByteArray("../target") : QByteArray();
            e.reason = Reason(i % 4);
            QList<QByteArray> chunks;
            if (e.kind == FileKind::Regular)
                chunks = {chunkId(400 + i), chunkId(500 + i)};
            if (!(*db)->insertFile(e, chunks))
                return {};
        }
        if (!(*db)->finish())
            return {};
    }
    auto check = GenerationDb::openReadOnly(path);
    if (!check || !(*check)->fileCount() || *(*check)->fileCount() != files)
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void generationDbSeeds()
{
    QTemporaryDir tmp;
    const QByteArray three = makeDatabase(tmp.filePath(QStringLiteral("three.db")), 3);
    const QByteArray none = makeDatabase(tmp.filePath(QStringLiteral("none.db")), 0);
    write("generation_db", "three-files", three, !three.isEmpty());
    write("generation_db", "no-files", none, !none.isEmpty());
}

void repoConfigSeeds()
{
    const quint32 averages[] = {1024 * 1024, 64 * 1024};
    const char *names[] = {"default-chunker", "small-chunks"};
    for (int i = 0; i < 2; ++i) {
        RepoConfig config;
        config.repositoryId = fuzz::fixedRepositoryId();
        config.chunker = ChunkerParams::forAverage(averages[i]);
        config.packSize = 4 * 1024 * 1024 * quint32(i + 1);
        // As Repository::configMac() computes it (private there).
        const QByteArray key = crypto::hkdfSha256(fuzz::fixedKeys().dataKey, config.repositoryId,
                                                  "obnam-config-mac-v1", 32);
        config.mac = crypto::hmacSha256(key, config.macInput());
        const QByteArray bytes = config.serialize();
        auto backend = std::make_shared<MemoryBackend>();
        backend->setRawObject(objectname::config(), bytes);
        write("repo_config", names[i], bytes, Repository::open(backend, fuzz::fixedKeys()).ok());
    }
}

void clientConfigSeeds()
{
    QTemporaryDir tmp;
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), tmp.path());
    const client::Paths paths(env);
    const auto loads = [&](const QByteArray &yaml) {
        const QString check = tmp.filePath(QStringLiteral("check.yaml"));
        {
            QFile file(check);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                file.write(yaml) != yaml.size())
                return false;
        }
        return client::ClientConfig::load(check, paths).ok();
    };

    const QString path = tmp.filePath(QStringLiteral("default.yaml"));
    QByteArray generated;
    if (client::ClientConfig::writeDefault(path, {QStringLiteral("/home/user")},
                                           QStringLiteral("/srv/backup/repo"))) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            generated = file.readAll();
    }
    const QByteArray https = "roots:\n"
                             "  - ~/Documents\n"
                             "  - /etc\n"
                             "server_url: https://backup.example.org:8888\n"
                             "verify_tls_cert: true\n"
                             "access_token: 0123456789abcdef0123456789abcdef\n"
                             "server_cert_sha256: \"" +
                             crypto::sha256("cert").toHex(':') +
                             "\"\n"
                             "chunk_size: 65536\n"
                             "log: ~/obnam.log\n"
                             "exclude_cache_tag_directories: false\n"
                             "exclude: [\"*.tmp\", \"/home/user/.cache\"]\n"
                             "one_file_system: yes\n"
                             "client_name: laptop\n"
                             "compression: 19\n";
    const QByteArray local = "roots: [/home/user]\n"
                             "server_url: file:///srv/backup/repo\n"
                             "compression: none\n"
                             "one_file_system: false\n";
    const QByteArray caFile = "roots: [/home/user]\n"
                              "server_url: https://backup.example.org\n"
                              "server_ca_file: ~/ca.pem\n";
    write("client_config", "generated-default", generated, loads(generated));
    write("client_config", "https-every-key", https, loads(https));
    write("client_config", "local-no-compression", local, loads(local));
    // Refused, after every other key parsed: the harness's ~/ca.pem holds no certificate.
    write("client_config", "https-ca-file", caFile, !loads(caFile));
}

void chunkerSeeds()
{
    // Byte 0: average 64 << (b % 7); byte 1: minimum avg * b / 255; byte 2: max avg * (1 + b % 8).
    write("chunker", "avg1k-random", QByteArray("\x04\x40\x03", 3) + filler(16 * 1024, "c1"), true);
    write("chunker", "avg64-text",
          QByteArray("\x00\xff\x07", 3) + QByteArray("all work and no play ").repeated(100), true);
    write("chunker", "avg4k-zeros", QByteArray("\x06\x01\x00", 3) + QByteArray(10000, '\0'), true);
}

void decompressSeeds()
{
    const auto roundTrips = [](const QByteArray &packed, const QByteArray &plain) {
        const auto out = compression::unpack(packed, 256 * 1024);
        return out && *out == plain;
    };
    const QByteArray text = QByteArray("obnam stores chunks compressed ").repeated(200);
    const QByteArray random = filler(2000, "incompressible");
    const QByteArray zstd = compression::pack(text, 3);
    const QByteArray stored = compression::pack(text.left(100), 0);
    const QByteArray fallback = compression::pack(random, 3);
    write("decompress", "zstd-text", zstd, zstd[0] == '\x01' && roundTrips(zstd, text));
    write("decompress", "stored", stored, roundTrips(stored, text.left(100)));
    write("decompress", "incompressible", fallback,
          fallback[0] == '\x00' && roundTrips(fallback, random));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus directory>\n", argv[0]);
        return 2;
    }
    fuzz::initQt();
    corpusRoot = QString::fromLocal8Bit(argv[1]);
    envelopeSeeds();
    packSeeds();
    indexSeeds();
    keySlotSeeds();
    generationRecordSeeds();
    generationDbSeeds();
    repoConfigSeeds();
    clientConfigSeeds();
    chunkerSeeds();
    decompressSeeds();
    if (failures)
        std::fprintf(stderr, "make_seeds: %d seed(s) failed\n", failures);
    return failures ? 1 : 0;
}
