// Runs the backend conformance suite against the in-memory and local-directory backends and
// the caching decorator, plus what only a local directory can show (no temporaries left, files
// named as objects) and what the cache promises (copies used only while they verify).
#include "BackendConformance.h"
#include "TestSupport.h"
#include "backend/CachingBackend.h"
#include "backend/LocalBackend.h"
#include "backend/MemoryBackend.h"
#include "backend/ObjectName.h"
#include "crypto/Crypto.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace obnam;

class TestLocalBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesLeaveNoTemporaries()
    {
        QTemporaryDir dir;
        LocalBackend b(dir.path());
        const QString name = QStringLiteral("index/0123456789abcdef0123");
        QVERIFY(b.put(name, "a", PutMode::CreateOnly).result());
        QVERIFY(!b.put(name, "b", PutMode::CreateOnly).result());
        QStringList files;
        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next().mid(dir.path().size() + 1));
        QCOMPARE(files, QStringList{name});
    }

    void listSkipsStrayFiles()
    {
        QTemporaryDir dir;
        LocalBackend b(dir.path());
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/index")));
        QFile stray(dir.path() + QStringLiteral("/index/.tmp-1234"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        QVERIFY(b.list(QStringLiteral("index/")).result()->isEmpty());
    }

    void removedPackIsNotReadFromAnOpenFile()
    {
        QTemporaryDir dir;
        LocalBackend b(dir.path());
        const QByteArray data = "pack bytes";
        const QString name = objectname::pack(QString::fromLatin1(crypto::sha256(data).toHex()));
        QVERIFY(b.put(name, data, PutMode::CreateOnly).result());
        QCOMPARE(*b.readRangeNow(name, 5, 5), QByteArray("bytes")); // now held open
        QCOMPARE(*b.readRangeNow(name, 0, 4), QByteArray("pack"));
        QVERIFY(b.remove(name).result());
        QCOMPARE(b.readRangeNow(name, 0, 4).error().code, ErrorCode::NotFound);
        // Many packs read in turn: each answers with its own bytes.
        for (int i = 0; i < 40; ++i) {
            const QByteArray d = "pack " + QByteArray::number(i);
            const QString n = objectname::pack(QString::fromLatin1(crypto::sha256(d).toHex()));
            QVERIFY(b.put(n, d, PutMode::CreateOnly).result());
            QCOMPARE(*b.readRangeNow(n, 0, d.size()), d);
            QCOMPARE(*b.readRangeNow(n, 5, d.size() - 5), d.mid(5));
        }
    }

    void packRangesFarBeyondAnyObjectAreInvalid()
    {
        // Offsets from a damaged index: refused before any arithmetic on them, as is the
        // range beyond the end of a real object (corrupt, and read once more).
        QTemporaryDir dir;
        LocalBackend b(dir.path());
        const QByteArray data = test::randomData(600000, 21);
        const QString name = objectname::pack(QString::fromLatin1(crypto::sha256(data).toHex()));
        QVERIFY(b.put(name, data, PutMode::CreateOnly).result());
        const qint64 far = std::numeric_limits<qint64>::max() - 1000;
        QCOMPARE(b.readRangeNow(name, far, 300000).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(b.readRangeNow(name, (qint64(1) << 62) + 1, 300000).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(b.readRangeNow(name, 400000, 300000).error().code, ErrorCode::Corrupt);
        QCOMPARE(*b.readRangeNow(name, 300001, 299999), data.mid(300001));
    }

    void missingRootIsNotFound()
    {
        LocalBackend b(QStringLiteral("/nonexistent/obnam-test-root"));
        QCOMPARE(b.list(QString()).result().error().code, ErrorCode::NotFound);
        QCOMPARE(b.get(QStringLiteral("config")).result().error().code, ErrorCode::NotFound);
    }

    void unwritableRootIsPermanent()
    {
        if (geteuid() == 0)
            QSKIP("root can write anywhere");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        LocalBackend b(dir.path());
        auto s = b.put(QStringLiteral("config"), "x", PutMode::CreateOnly).result();
        QVERIFY(!s);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
};

class TestCachingBackend : public QObject
{
    Q_OBJECT

    static QString indexName(const QByteArray &data)
    {
        return QStringLiteral("index/") + QString::fromLatin1(crypto::sha256(data).toHex());
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    std::shared_ptr<MemoryBackend> m_inner;
    std::unique_ptr<CachingBackend> m_cache;
    QString copyOf(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_inner = std::make_shared<MemoryBackend>();
        m_cache = std::make_unique<CachingBackend>(m_inner, m_dir.path(),
                                                   QStringList{QStringLiteral("index/")});
    }
    void cleanup()
    {
        m_cache.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void secondReadComesFromTheCopy()
    {
        const QByteArray data = "sealed index bytes";
        const QString name = indexName(data);
        QVERIFY(m_inner->put(name, data, PutMode::CreateOnly).result());
        QCOMPARE(*m_cache->get(name).result(), data);
        QCOMPARE(m_cache->misses(), 1);
        QCOMPARE(readFile(copyOf(name)), data);
        QCOMPARE(QFileInfo(copyOf(name)).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFileDevice::Permissions());
        // The storage now answers differently; the verified copy is what is read.
        m_inner->setRawObject(name, "damaged on the server");
        QCOMPARE(*m_cache->get(name).result(), data);
        QCOMPARE(m_cache->hits(), 1);
        QCOMPARE(m_cache->misses(), 1);
    }

    void whatIsWrittenIsNotDownloadedAgain()
    {
        const QByteArray data = "an index object this client wrote";
        const QString name = indexName(data);
        QVERIFY(m_cache->put(name, data, PutMode::CreateOnly).result());
        QCOMPARE(m_inner->rawObject(name), data);
        QCOMPARE(*m_cache->get(name).result(), data);
        QCOMPARE(m_cache->hits(), 1);
        QCOMPARE(m_cache->misses(), 0);
        // A refused write leaves no copy behind.
        const QString taken = indexName("taken");
        m_inner->setRawObject(taken, "other bytes");
        QVERIFY(!m_cache->put(taken, "taken", PutMode::CreateOnly).result());
        QVERIFY(!QFile::exists(copyOf(taken)));
    }

    void damagedCopyIsFetchedAgain()
    {
        const QByteArray data = "index object";
        const QString name = indexName(data);
        m_inner->setRawObject(name, data);
        QVERIFY(m_cache->get(name).result());
        QFile copy(copyOf(name));
        QVERIFY(copy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        copy.write("index objecT");
        copy.close();
        QCOMPARE(*m_cache->get(name).result(), data);
        QCOMPARE(m_cache->misses(), 2);
        QCOMPARE(readFile(copyOf(name)), data); // replaced by a good copy
    }

    void objectsNotNamedByTheirHashAreNotKept()
    {
        const QString name = QStringLiteral("index/00112233445566778899aabbccddeeff");
        QVERIFY(m_cache->put(name, "not its hash", PutMode::CreateOnly).result());
        QVERIFY(!QFile::exists(copyOf(name)));
        m_inner->setRawObject(name, "changed");
        QCOMPARE(*m_cache->get(name).result(), QByteArray("changed"));
    }

    void listingForgetsCopiesOfRemovedObjects()
    {
        const QString kept = indexName("kept"), gone = indexName("gone");
        QVERIFY(m_cache->put(kept, "kept", PutMode::CreateOnly).result());
        QVERIFY(m_cache->put(gone, "gone", PutMode::CreateOnly).result());
        QVERIFY(QFile::exists(copyOf(gone)));
        QVERIFY(m_inner->remove(gone).result()); // by another client, say a prune
        QCOMPARE(*m_cache->list(QStringLiteral("index/")).result(), QStringList{kept});
        QVERIFY(!QFile::exists(copyOf(gone)));
        QVERIFY(QFile::exists(copyOf(kept)));
        QVERIFY(m_cache->remove(kept).result());
        QVERIFY(!QFile::exists(copyOf(kept)));
    }

    void listingRemovesOnlyStaleTemporaries()
    {
        QVERIFY(QDir().mkpath(copyOf(QStringLiteral("index"))));
        const QString stale = copyOf(QStringLiteral("index/.tmp-0001"));
        const QString fresh = copyOf(QStringLiteral("index/.tmp-0002"));
        for (const QString &path : {stale, fresh}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("partial");
        }
        {
            QFile f(stale);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(-7200),
                                  QFileDevice::FileModificationTime));
        }
        QVERIFY(m_cache->list(QStringLiteral("index/")).result());
        QVERIFY(!QFile::exists(stale)); // its writer died long ago
        QVERIFY(QFile::exists(fresh));  // perhaps still being written by another process
    }

    void otherPrefixesPassThrough()
    {
        const QByteArray data = "pack bytes";
        const QString pack = objectname::pack(QString::fromLatin1(crypto::sha256(data).toHex()));
        QVERIFY(m_cache->put(pack, data, PutMode::CreateOnly).result());
        QCOMPARE(*m_cache->get(pack).result(), data);
        QCOMPARE(*m_cache->readRangeNow(pack, 5, 5), QByteArray("bytes"));
        QVERIFY(!QFile::exists(copyOf(pack)));
        QCOMPARE(m_cache->hits() + m_cache->misses(), 0);
    }

    void unusableCacheDirectoryStillAnswers()
    {
        // The cache path is a file: no copy can be written, every call still succeeds.
        QFile blocker(m_dir.path() + QStringLiteral("/blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        CachingBackend cache(m_inner, blocker.fileName(), QStringList{QStringLiteral("index/")});
        const QByteArray data = "index";
        QVERIFY(cache.put(indexName(data), data, PutMode::CreateOnly).result());
        QCOMPARE(*cache.get(indexName(data)).result(), data);
        QCOMPARE(*cache.list(QStringLiteral("index/")).result(), QStringList{indexName(data)});
        QCOMPARE(cache.misses(), 1);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    {
        test::BackendConformance memory([] { return std::make_shared<MemoryBackend>(); });
        memory.setObjectName(QStringLiteral("MemoryBackend"));
        failures += QTest::qExec(&memory, argc, argv);
    }
    {
        auto dirs = std::make_shared<QList<std::shared_ptr<QTemporaryDir>>>();
        test::BackendConformance local([dirs] {
            dirs->append(std::make_shared<QTemporaryDir>());
            return std::make_shared<LocalBackend>(dirs->last()->path());
        });
        failures += QTest::qExec(&local, argc, argv);
    }
    {
        auto dirs = std::make_shared<QList<std::shared_ptr<QTemporaryDir>>>();
        test::BackendConformance cached([dirs] {
            dirs->append(std::make_shared<QTemporaryDir>());
            return std::make_shared<CachingBackend>(
                std::make_shared<MemoryBackend>(), dirs->last()->path(),
                QStringList{QStringLiteral("index/"), QStringLiteral("generations/")});
        });
        cached.setObjectName(QStringLiteral("CachingBackend"));
        failures += QTest::qExec(&cached, argc, argv);
    }
    TestCachingBackend caching;
    failures += QTest::qExec(&caching, argc, argv);
    TestLocalBackend extra;
    failures += QTest::qExec(&extra, argc, argv);
    return failures == 0 ? 0 : 1;
}

#include "tst_backend.moc"
