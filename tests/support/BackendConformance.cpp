#include "BackendConformance.h"

#include "TestSupport.h"
#include "backend/ObjectName.h"
#include "crypto/Crypto.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

namespace obnam::test {

namespace {
// Packs, index objects and generation records are named by the SHA-256 of their bytes and a
// server verifies that, so the fixtures name them the same way; keys/ and locks/ objects are
// not content-addressed and carry the cases where one name holds different bytes over time.
QString hashHex(const QByteArray &data)
{
    return QString::fromLatin1(crypto::sha256(data).toHex());
}
QString packOf(const QByteArray &data)
{
    return objectname::pack(hashHex(data));
}
QString indexOf(const QByteArray &data)
{
    return objectname::index(hashHex(data));
}
const QString kKey = QStringLiteral("keys/00112233445566778899aabbccddeeff");
const QString kLock = QStringLiteral("locks/00112233445566778899aabbccddeeff");
} // namespace

BackendConformance::BackendConformance(Factory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{}

void BackendConformance::init()
{
    m_backend = m_factory();
    QVERIFY(m_backend);
}

void BackendConformance::cleanup()
{
    m_backend.reset();
}

void BackendConformance::putThenGet()
{
    const QString index = indexOf("hello");
    QVERIFY(m_backend->put(index, "hello", PutMode::CreateOnly).result());
    auto r = m_backend->get(index).result();
    QVERIFY(r);
    QCOMPARE(*r, QByteArray("hello"));
    QVERIFY(m_backend->put(QStringLiteral("config"), "cfg", PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->get(QStringLiteral("config")).result(), QByteArray("cfg"));
}

void BackendConformance::getMissingIsNotFound()
{
    const QString index = indexOf("absent");
    auto r = m_backend->get(index).result();
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QCOMPARE(m_backend->stat(index).result().error().code, ErrorCode::NotFound);
    QCOMPARE(m_backend->getRange(index, 0, 1).result().error().code, ErrorCode::NotFound);
}

void BackendConformance::createOnlyRefusesExisting()
{
    QVERIFY(m_backend->put(kKey, "one", PutMode::CreateOnly).result());
    auto s = m_backend->put(kKey, "two", PutMode::CreateOnly).result();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(*m_backend->get(kKey).result(), QByteArray("one"));
    // The same holds for a pack stored twice.
    const QString pack = packOf("one");
    QVERIFY(m_backend->put(pack, "one", PutMode::CreateOnly).result());
    QCOMPARE(m_backend->put(pack, "one", PutMode::CreateOnly).result().error().code,
             ErrorCode::AlreadyExists);
}

void BackendConformance::overwriteReplaces()
{
    QVERIFY(m_backend->put(kLock, "one", PutMode::Overwrite).result());
    QVERIFY(m_backend->put(kLock, "two", PutMode::Overwrite).result());
    QCOMPARE(*m_backend->get(kLock).result(), QByteArray("two"));
}

void BackendConformance::emptyObject()
{
    const QString index = indexOf(QByteArray());
    QVERIFY(m_backend->put(index, QByteArray(), PutMode::CreateOnly).result());
    auto r = m_backend->get(index).result();
    QVERIFY(r);
    QCOMPARE(r->size(), 0);
    QCOMPARE(*m_backend->stat(index).result(), qint64(0));
}

void BackendConformance::largeObject()
{
    const QByteArray data = randomData(20 * 1024 * 1024 + 3, 11);
    QVERIFY(m_backend->put(packOf(data), data, PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->get(packOf(data)).result(), data);
}

void BackendConformance::getRange()
{
    const QByteArray data = randomData(100000, 12);
    const QString pack = packOf(data);
    QVERIFY(m_backend->put(pack, data, PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->getRange(pack, 0, 10).result(), data.left(10));
    QCOMPARE(*m_backend->getRange(pack, 5000, 30000).result(), data.mid(5000, 30000));
    QCOMPARE(*m_backend->getRange(pack, 99990, 10).result(), data.right(10));
    QCOMPARE(m_backend->getRange(pack, 0, 0).result()->size(), 0);
    QCOMPARE(m_backend->getRange(pack, -1, 5).result().error().code, ErrorCode::InvalidArgument);
    // The waiting form answers the same, from whatever thread asks.
    const auto now =
        QtConcurrent::run([&] {
            return QList<Result<QByteArray>>{m_backend->readRangeNow(pack, 5000, 30000),
                                             m_backend->readRangeNow(pack, 99990, 10),
                                             m_backend->readRangeNow(pack, -1, 5),
                                             m_backend->readRangeNow(pack, 99995, 10)};
        }).result();
    QCOMPARE(*now[0], data.mid(5000, 30000));
    QCOMPARE(*now[1], data.right(10));
    QCOMPARE(now[2].error().code, ErrorCode::InvalidArgument);
    QCOMPARE(now[3].error().code, ErrorCode::Corrupt);
    QCOMPARE(now[3].error().path, pack);
    QCOMPARE(m_backend->readRangeNow(packOf("absent"), 0, 1).error().code, ErrorCode::NotFound);
}

void BackendConformance::largeRangesAtAnyOffset()
{
    // Chunk-sized reads, at offsets and of lengths that are no multiple of any block size
    // (a local backend reads them past the page cache, in aligned blocks), read right after
    // the write and again from other threads.
    const QByteArray data = randomData(3 * 1024 * 1024 + 77, 13);
    const QString pack = packOf(data);
    QVERIFY(m_backend->put(pack, data, PutMode::CreateOnly).result());
    const QList<QPair<qint64, qint64>> ranges = {{0, 1024 * 1024},
                                                 {1, 300000},
                                                 {4095, 4097 * 100},
                                                 {1234567, 1024 * 1024 + 3},
                                                 {data.size() - 400000, 400000},
                                                 {data.size() - 262144 - 1, 262144}};
    for (const auto &[offset, length] : ranges) {
        QCOMPARE(*m_backend->readRangeNow(pack, offset, length), data.mid(offset, length));
        QCOMPARE(*m_backend->getRange(pack, offset, length).result(), data.mid(offset, length));
    }
    const auto together = QtConcurrent::blockingMapped(ranges, [&](const QPair<qint64, qint64> &r) {
        return m_backend->readRangeNow(pack, r.first, r.second);
    });
    for (qsizetype i = 0; i < ranges.size(); ++i)
        QCOMPARE(*together[i], data.mid(ranges[i].first, ranges[i].second));
    // Past the end of the object: corrupt, whichever way it is read.
    const auto beyond = m_backend->readRangeNow(pack, data.size() - 300000, 300001);
    QVERIFY(!beyond);
    QCOMPARE(beyond.error().code, ErrorCode::Corrupt);
    QCOMPARE(beyond.error().path, pack);
}

void BackendConformance::shortRangeIsCorrupt()
{
    const QString pack = packOf("0123456789");
    QVERIFY(m_backend->put(pack, "0123456789", PutMode::CreateOnly).result());
    auto r = m_backend->getRange(pack, 5, 10).result();
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Corrupt);
    QCOMPARE(r.error().path, pack);
}

void BackendConformance::statGivesSize()
{
    const QByteArray data(1234, 'x');
    QVERIFY(m_backend->put(packOf(data), data, PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->stat(packOf(data)).result(), qint64(1234));
}

void BackendConformance::listByPrefixIsSortedAndComplete()
{
    QStringList packs;
    for (int i = 0; i < 12; ++i) {
        const QByteArray data = QByteArray::number(i);
        packs.append(packOf(data));
        QVERIFY(m_backend->put(packs.last(), data, PutMode::CreateOnly).result());
    }
    QVERIFY(m_backend->put(indexOf("i"), "i", PutMode::CreateOnly).result());
    packs.sort();
    QCOMPARE(*m_backend->list(QStringLiteral("packs/")).result(), packs);
    const QString prefix = packs.first().left(9); // "packs/xy/"
    QStringList sameDir;
    for (const QString &p : packs)
        if (p.startsWith(prefix))
            sameDir.append(p);
    QCOMPARE(*m_backend->list(prefix).result(), sameDir);
    QCOMPARE(*m_backend->list(QStringLiteral("index/")).result(), QStringList{indexOf("i")});
    QCOMPARE(m_backend->list(QString()).result()->size(), 13);
}

void BackendConformance::listOfEmptyPrefixIsEmpty()
{
    auto r = m_backend->list(QStringLiteral("generations/")).result();
    QVERIFY(r);
    QVERIFY(r->isEmpty());
}

void BackendConformance::removeDeletes()
{
    const QString pack = packOf("x");
    QVERIFY(m_backend->put(pack, "x", PutMode::CreateOnly).result());
    QVERIFY(m_backend->remove(pack).result());
    QCOMPARE(m_backend->get(pack).result().error().code, ErrorCode::NotFound);
    QVERIFY(m_backend->list(QStringLiteral("packs/")).result()->isEmpty());
    // A removed name can be created again.
    QVERIFY(m_backend->put(pack, "x", PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->get(pack).result(), QByteArray("x"));
}

void BackendConformance::removeMissingIsNotFound()
{
    QCOMPARE(m_backend->remove(packOf("x")).result().error().code, ErrorCode::NotFound);
}

void BackendConformance::invalidNamesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("dotdot") << QStringLiteral("../config");
    QTest::newRow("nested dotdot") << QStringLiteral("index/../../etc/passwd");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
    QTest::newRow("upper hex") << QStringLiteral("index/0123456789ABCDEF0123");
    QTest::newRow("short id") << QStringLiteral("index/0123");
    QTest::newRow("long id") << (QStringLiteral("index/") + QString(65, QLatin1Char('a')));
    QTest::newRow("nul") << (QStringLiteral("index/0123456789abcdef") + QChar(0));
    QTest::newRow("unknown kind") << QStringLiteral("secrets/0123456789abcdef");
    QTest::newRow("pack prefix mismatch") << QStringLiteral("packs/ab/cd00000000000000000000");
    QTest::newRow("pack without prefix") << QStringLiteral("packs/ab00000000000000000000");
    QTest::newRow("trailing slash") << QStringLiteral("index/0123456789abcdef/");
    QTest::newRow("encoded slash") << QStringLiteral("index%2F0123456789abcdef");
}

void BackendConformance::invalidNamesAreRefused()
{
    QFETCH(QString, name);
    QCOMPARE(m_backend->put(name, "x", PutMode::Overwrite).result().error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(m_backend->get(name).result().error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m_backend->getRange(name, 0, 1).result().error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m_backend->stat(name).result().error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m_backend->remove(name).result().error().code, ErrorCode::InvalidArgument);
    QVERIFY(m_backend->list(QString()).result()->isEmpty());
}

void BackendConformance::invalidPrefixesAreRefused()
{
    for (const QString &p :
         {QStringLiteral("../"), QStringLiteral("packs/zz/"), QStringLiteral("index"),
          QStringLiteral("/"), QStringLiteral("packs/ab/cd/")})
        QCOMPARE(m_backend->list(p).result().error().code, ErrorCode::InvalidArgument);
}

void BackendConformance::manyWritesInFlight()
{
    QList<QFuture<Status>> writes;
    QList<QString> names;
    for (int i = 0; i < 64; ++i) {
        const QByteArray data = randomData(4096, quint32(i));
        names.append(packOf(data));
        writes.append(m_backend->put(names.last(), data, PutMode::CreateOnly));
    }
    for (int i = 0; i < writes.size(); ++i)
        QVERIFY(writes[i].result());
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(*m_backend->get(names[i]).result(), randomData(4096, quint32(i)));
    QCOMPARE(m_backend->list(QStringLiteral("packs/")).result()->size(), 64);
}

} // namespace obnam::test
