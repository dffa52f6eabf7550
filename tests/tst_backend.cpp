// Runs the backend conformance suite against the in-memory and local-directory backends,
// plus what only a local directory can show (no temporaries left, files named as objects).
#include "BackendConformance.h"
#include "backend/LocalBackend.h"
#include "backend/MemoryBackend.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

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
    TestLocalBackend extra;
    failures += QTest::qExec(&extra, argc, argv);
    return failures == 0 ? 0 : 1;
}

#include "tst_backend.moc"
