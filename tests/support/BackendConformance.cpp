#include "BackendConformance.h"

#include "TestSupport.h"

#include <QtTest>

namespace obnam::test {

namespace {
const QString kPackA =
    QStringLiteral("packs/ab/ab00000000000000000000000000000000000000000000000000000000000001");
const QString kPackB =
    QStringLiteral("packs/ab/ab00000000000000000000000000000000000000000000000000000000000002");
const QString kPackC =
    QStringLiteral("packs/cd/cd00000000000000000000000000000000000000000000000000000000000003");
const QString kIndex = QStringLiteral("index/0123456789abcdef0123456789abcdef");
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
    QVERIFY(m_backend->put(kIndex, "hello", PutMode::CreateOnly).result());
    auto r = m_backend->get(kIndex).result();
    QVERIFY(r);
    QCOMPARE(*r, QByteArray("hello"));
    QVERIFY(m_backend->put(QStringLiteral("config"), "cfg", PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->get(QStringLiteral("config")).result(), QByteArray("cfg"));
}

void BackendConformance::getMissingIsNotFound()
{
    auto r = m_backend->get(kIndex).result();
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QCOMPARE(m_backend->stat(kIndex).result().error().code, ErrorCode::NotFound);
    QCOMPARE(m_backend->getRange(kIndex, 0, 1).result().error().code, ErrorCode::NotFound);
}

void BackendConformance::createOnlyRefusesExisting()
{
    QVERIFY(m_backend->put(kPackA, "one", PutMode::CreateOnly).result());
    auto s = m_backend->put(kPackA, "two", PutMode::CreateOnly).result();
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(*m_backend->get(kPackA).result(), QByteArray("one"));
}

void BackendConformance::overwriteReplaces()
{
    const QString lock = QStringLiteral("locks/00112233445566778899aabbccddeeff");
    QVERIFY(m_backend->put(lock, "one", PutMode::Overwrite).result());
    QVERIFY(m_backend->put(lock, "two", PutMode::Overwrite).result());
    QCOMPARE(*m_backend->get(lock).result(), QByteArray("two"));
}

void BackendConformance::emptyObject()
{
    QVERIFY(m_backend->put(kIndex, QByteArray(), PutMode::CreateOnly).result());
    auto r = m_backend->get(kIndex).result();
    QVERIFY(r);
    QCOMPARE(r->size(), 0);
    QCOMPARE(*m_backend->stat(kIndex).result(), qint64(0));
}

void BackendConformance::largeObject()
{
    const QByteArray data = randomData(20 * 1024 * 1024 + 3, 11);
    QVERIFY(m_backend->put(kPackA, data, PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->get(kPackA).result(), data);
}

void BackendConformance::getRange()
{
    const QByteArray data = randomData(100000, 12);
    QVERIFY(m_backend->put(kPackA, data, PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->getRange(kPackA, 0, 10).result(), data.left(10));
    QCOMPARE(*m_backend->getRange(kPackA, 5000, 30000).result(), data.mid(5000, 30000));
    QCOMPARE(*m_backend->getRange(kPackA, 99990, 10).result(), data.right(10));
    QCOMPARE(m_backend->getRange(kPackA, 0, 0).result()->size(), 0);
    QCOMPARE(m_backend->getRange(kPackA, -1, 5).result().error().code, ErrorCode::InvalidArgument);
}

void BackendConformance::shortRangeIsCorrupt()
{
    QVERIFY(m_backend->put(kPackA, "0123456789", PutMode::CreateOnly).result());
    auto r = m_backend->getRange(kPackA, 5, 10).result();
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Corrupt);
    QCOMPARE(r.error().path, kPackA);
}

void BackendConformance::statGivesSize()
{
    QVERIFY(m_backend->put(kPackA, QByteArray(1234, 'x'), PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->stat(kPackA).result(), qint64(1234));
}

void BackendConformance::listByPrefixIsSortedAndComplete()
{
    for (const QString &n : {kPackC, kPackB, kIndex, kPackA})
        QVERIFY(m_backend->put(n, "x", PutMode::CreateOnly).result());
    QCOMPARE(*m_backend->list(QStringLiteral("packs/")).result(),
             (QStringList{kPackA, kPackB, kPackC}));
    QCOMPARE(*m_backend->list(QStringLiteral("packs/ab/")).result(), (QStringList{kPackA, kPackB}));
    QCOMPARE(*m_backend->list(QStringLiteral("index/")).result(), QStringList{kIndex});
    QCOMPARE(m_backend->list(QString()).result()->size(), 4);
}

void BackendConformance::listOfEmptyPrefixIsEmpty()
{
    auto r = m_backend->list(QStringLiteral("generations/")).result();
    QVERIFY(r);
    QVERIFY(r->isEmpty());
}

void BackendConformance::removeDeletes()
{
    QVERIFY(m_backend->put(kPackA, "x", PutMode::CreateOnly).result());
    QVERIFY(m_backend->remove(kPackA).result());
    QCOMPARE(m_backend->get(kPackA).result().error().code, ErrorCode::NotFound);
    QVERIFY(m_backend->list(QStringLiteral("packs/")).result()->isEmpty());
    // A removed name can be created again.
    QVERIFY(m_backend->put(kPackA, "y", PutMode::CreateOnly).result());
}

void BackendConformance::removeMissingIsNotFound()
{
    QCOMPARE(m_backend->remove(kPackA).result().error().code, ErrorCode::NotFound);
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
        const QString id = QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0'));
        names.append(QStringLiteral("packs/") + id.left(2) + QLatin1Char('/') + id);
        writes.append(
            m_backend->put(names.last(), randomData(4096, quint32(i)), PutMode::CreateOnly));
    }
    for (int i = 0; i < writes.size(); ++i)
        QVERIFY(writes[i].result());
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(*m_backend->get(names[i]).result(), randomData(4096, quint32(i)));
    QCOMPARE(m_backend->list(QStringLiteral("packs/")).result()->size(), 64);
}

} // namespace obnam::test
