// obnam-cli check against real repositories: healthy ones pass (with and without read-data),
// and every bit flipped in a pack, an index object, a generation record, the config or a key slot
// is found by `check --read-data`, while restore either refuses or restores the right bytes.
// Deleted, truncated and swapped objects are named with the files they affect.
#include "CliRunner.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

QStringList objectsBelow(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    out.sort();
    return out;
}

bool flipBit(const QString &path, qint64 offset, int bit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    char c = 0;
    if (!f.getChar(&c) || !f.seek(offset))
        return false;
    c = char(c ^ (1 << bit));
    return f.putChar(c);
}

} // namespace

class TestCheck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::CliHome> m_home;
    QString m_source;
    QStringList m_generations; // oldest first
    QProcessEnvironment m_env;

    test::CliRun cli(const QStringList &args) { return m_home->run(args, m_env); }

    QString restoreDiff(const QString &generation)
    {
        static int n = 0;
        const QString target = m_home->path() + QStringLiteral("/restore-%1").arg(++n);
        const auto r = cli({QStringLiteral("restore"), generation, target});
        const QString diff = r.code == 0
                                 ? test::manifestDiff(test::manifest(enc(m_source)),
                                                      test::manifest(enc(target + m_source)))
                                 : QStringLiteral("restore failed: ") + r.err;
        QDir(target).removeRecursively();
        return diff;
    }

    void dropCache() { QDir(m_home->home() + QStringLiteral("/.cache/obnam")).removeRecursively(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_home = std::make_unique<test::CliHome>();
        m_source = m_home->path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(m_source + QStringLiteral("/sub")));
        for (int i = 0; i < 24; ++i)
            QVERIFY(test::writeFile(enc(m_source + QStringLiteral("/sub/file-%1").arg(i)),
                                    test::randomData(20000 + i * 3000, quint32(i))));
        QVERIFY(test::writeFile(enc(m_source + QStringLiteral("/text")),
                                QByteArray("compressible line\n").repeated(20000)));
        m_home->writeConfig("roots: [\"" + m_source.toUtf8() + "\"]\nserver_url: " +
                            m_home->repositoryPath().toUtf8() + "\nchunk_size: 16384\n");
        m_env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("check"));
        auto r = cli({QStringLiteral("init")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("backup")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("resolve"), QStringLiteral("latest")});
        m_generations.append(r.out.trimmed());
    }

    void healthyRepositoryPasses()
    {
        auto r = cli({QStringLiteral("check")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("status: OK")));
        r = cli({QStringLiteral("check"), QStringLiteral("--read-data")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const int packs =
            int(objectsBelow(m_home->repositoryPath() + QStringLiteral("/packs")).size());
        QVERIFY2(r.out.contains(QStringLiteral("packs: %1 (read: %1,").arg(packs)),
                 qPrintable(r.out));
        // Slices 1/2 and 2/2 together read every pack exactly once.
        int read = 0;
        for (const QString &slice : {QStringLiteral("1/2"), QStringLiteral("2/2")}) {
            r = cli({QStringLiteral("check"), QStringLiteral("--read-data-subset"), slice,
                     QStringLiteral("--json")});
            QCOMPARE(r.code, 0);
            read += QJsonDocument::fromJson(r.out.toUtf8())
                        .object()
                        .value(QStringLiteral("packs_read"))
                        .toInt();
        }
        QCOMPARE(read, packs);
        r = cli(
            {QStringLiteral("check"), QStringLiteral("--read-data-subset"), QStringLiteral("50%")});
        QCOMPARE(r.code, 0);
        for (const QString &bad :
             {QStringLiteral("0%"), QStringLiteral("3/2"), QStringLiteral("x")}) {
            r = cli({QStringLiteral("check"), QStringLiteral("--read-data-subset"), bad});
            QCOMPARE(r.code, 2);
            QVERIFY(r.err.contains(QStringLiteral("--read-data-subset")));
        }
    }

    void everyFlippedBitIsFound()
    {
        const QString repo = m_home->repositoryPath();
        const QStringList kinds{QStringLiteral("/packs"), QStringLiteral("/index"),
                                QStringLiteral("/generations"), QStringLiteral("/config"),
                                QStringLiteral("/keys")};
        QRandomGenerator random(20261127);
        int trials = 0, foundByCheck = 0, refusedByRestore = 0, restoredRight = 0;
        QMap<QString, int> perKind;
        for (int i = 0; i < 250; ++i) {
            const QString kind = kinds[i % kinds.size()];
            const QStringList objects = kind == QStringLiteral("/config")
                                            ? QStringList{repo + kind}
                                            : objectsBelow(repo + kind);
            QVERIFY(!objects.isEmpty());
            const QString object = objects[int(random.bounded(quint32(objects.size())))];
            const qint64 size = QFileInfo(object).size();
            const qint64 offset = qint64(random.bounded(quint64(size)));
            const int bit = int(random.bounded(8u));
            QVERIFY(flipBit(object, offset, bit));
            ++trials;
            ++perKind[kind];
            dropCache();
            const auto r = cli({QStringLiteral("check"), QStringLiteral("--read-data")});
            if (r.code == 1 && (r.out.contains(QStringLiteral("status: DAMAGED")) ||
                                r.err.contains(QStringLiteral("error:"))))
                ++foundByCheck;
            else
                qWarning("not found: %s offset %lld bit %d\n%s", qPrintable(object), offset, bit,
                         qPrintable(r.out + r.err));
            dropCache();
            const QString diff = restoreDiff(m_generations.first());
            if (diff.startsWith(QStringLiteral("restore failed")))
                ++refusedByRestore;
            else if (diff.isEmpty())
                ++restoredRight; // the flip was in bytes restore never reads (a pack header)
            else
                QFAIL(qPrintable(QStringLiteral("restore produced wrong data after a flip in ") +
                                 object + QStringLiteral(": ") + diff));
            QVERIFY(flipBit(object, offset, bit)); // undo
        }
        dropCache();
        QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("--read-data")}).code, 0);
        qInfo("bit flips: %d trials (%d packs, %d index, %d generations, %d config, %d key "
              "slots); check --read-data found %d; restore refused %d and restored the right "
              "bytes %d times",
              trials, perKind.value(kinds[0]), perKind.value(kinds[1]), perKind.value(kinds[2]),
              perKind.value(kinds[3]), perKind.value(kinds[4]), foundByCheck, refusedByRestore,
              restoredRight);
        QCOMPARE(foundByCheck, trials);
    }

    void missingPackIsNamedAndStoredAgain()
    {
        // Its own repository with enough data for several packs, so that losing one pack loses
        // file data but not the generation's database.
        test::CliHome home;
        const QString source = home.path() + QStringLiteral("/big");
        QVERIFY(QDir().mkpath(source));
        for (int i = 0; i < 10; ++i)
            QVERIFY(test::writeFile(enc(source + QStringLiteral("/part-%1").arg(i)),
                                    test::randomData(4 * 1024 * 1024, quint32(500 + i))));
        home.writeConfig("roots: [\"" + source.toUtf8() +
                         "\"]\nserver_url: " + home.repositoryPath().toUtf8() + "\n");
        const auto run = [&](const QStringList &args) {
            return home.run(args, m_env);
        };
        QCOMPARE(run({QStringLiteral("init")}).code, 0);
        QCOMPARE(run({QStringLiteral("backup")}).code, 0);
        const QString first =
            run({QStringLiteral("resolve"), QStringLiteral("latest")}).out.trimmed();
        const QStringList packs = objectsBelow(home.repositoryPath() + QStringLiteral("/packs"));
        QVERIFY2(packs.size() >= 3, qPrintable(packs.join(QLatin1Char(' '))));
        QString victim; // a full pack: file data only
        for (const QString &p : packs)
            if (QFileInfo(p).size() > 15 * 1024 * 1024)
                victim = p;
        QVERIFY(!victim.isEmpty());
        QVERIFY(QFile::remove(victim));
        auto r = run({QStringLiteral("check")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("damaged: packs/")) &&
                     r.out.contains(QStringLiteral("pack is missing")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("affected: generation ") + first) &&
                     r.out.contains(source + QStringLiteral("/part-")),
                 qPrintable(r.out));
        // The next backup stores the lost chunks again, and both generations restore whole.
        r = run({QStringLiteral("backup")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({QStringLiteral("check"), QStringLiteral("--read-data")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("stored again")), qPrintable(r.out));
        for (const QString &gen : {first, QStringLiteral("latest")}) {
            const QString target = home.path() + QStringLiteral("/restored-") + gen;
            r = run({QStringLiteral("restore"), gen, target});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(test::manifestDiff(test::manifest(enc(source)),
                                        test::manifest(enc(target + source))),
                     QString());
        }
    }

    void truncatedAndSwappedObjectsAreFound()
    {
        const QString repo = m_home->repositoryPath();
        const QStringList packs = objectsBelow(repo + QStringLiteral("/packs"));
        QString victim;
        for (const QString &p : packs)
            if (victim.isEmpty() || QFileInfo(p).size() > QFileInfo(victim).size())
                victim = p;
        QFile f(victim);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray whole = f.readAll();
        QVERIFY(f.resize(whole.size() / 2));
        f.close();
        dropCache();
        auto r = cli({QStringLiteral("check")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("lies outside the pack")), qPrintable(r.out));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(f.write(whole) == whole.size());
        f.close();
        QCOMPARE(cli({QStringLiteral("check")}).code, 0);

        // An index object and a generation record with their contents swapped.
        const QStringList index{objectsBelow(repo + QStringLiteral("/index")).first(),
                                objectsBelow(repo + QStringLiteral("/generations")).first()};
        QVERIFY(QFile::rename(index[0], index[0] + QStringLiteral(".tmp")));
        QVERIFY(QFile::rename(index[1], index[0]));
        QVERIFY(QFile::rename(index[0] + QStringLiteral(".tmp"), index[1]));
        dropCache();
        r = cli({QStringLiteral("check")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("does not match its name")), qPrintable(r.out));
        QVERIFY(QFile::rename(index[0], index[0] + QStringLiteral(".tmp")));
        QVERIFY(QFile::rename(index[1], index[0]));
        QVERIFY(QFile::rename(index[0] + QStringLiteral(".tmp"), index[1]));
        QCOMPARE(cli({QStringLiteral("check")}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCheck)

#include "tst_check.moc"
