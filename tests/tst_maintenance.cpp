// forget, prune, repair and locks on real local repositories, through obnam-cli in-process,
// plus the retention rules on synthetic generations.
#include "CliRunner.h"
#include "TestSupport.h"
#include "backend/LocalBackend.h"
#include "maint/Retention.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
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
        out.append(it.next().mid(dir.size()));
    out.sort();
    return out;
}

qint64 bytesBelow(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

GenerationRecord at(const QString &when)
{
    GenerationRecord g;
    g.finished = QDateTime::fromString(when, Qt::ISODate);
    g.id = when;
    return g;
}

} // namespace

class TestMaintenance : public QObject
{
    Q_OBJECT

private:
    // A home with a repository holding `generations` backups of a tree that changes between
    // them (half the files replaced each time).
    struct Repo
    {
        std::unique_ptr<test::CliHome> home;
        QString source;
        QProcessEnvironment env;
        QStringList generations;
        test::CliRun run(const QStringList &args) const { return home->run(args, env); }
        QString restoreDiff(const QString &gen) const
        {
            static int n = 0;
            const QString target = home->path() + QStringLiteral("/restore-%1").arg(++n);
            const auto r = run({QStringLiteral("restore"), gen, target});
            if (r.code != 0)
                return QStringLiteral("restore failed: ") + r.err;
            return test::manifestDiff(test::manifest(enc(source)),
                                      test::manifest(enc(target + source)));
        }
    };

    Repo makeRepo(int generations, int files = 12, qsizetype size = 1024 * 1024)
    {
        Repo r;
        r.home = std::make_unique<test::CliHome>();
        r.source = r.home->path() + QStringLiteral("/src");
        QDir().mkpath(r.source);
        r.env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("maintenance"));
        r.home->writeConfig("roots: [\"" + r.source.toUtf8() +
                            "\"]\nserver_url: " + r.home->repositoryPath().toUtf8() + "\n");
        if (r.run({QStringLiteral("init")}).code != 0)
            return r;
        for (int g = 0; g < generations; ++g) {
            for (int i = 0; i < files; ++i) {
                if (g > 0 && i % 2 == 0)
                    continue; // the other half stays the same
                test::writeFile(enc(r.source + QStringLiteral("/f%1").arg(i)),
                                test::randomData(size, quint32(g * 1000 + i)));
            }
            if (r.run({QStringLiteral("backup")}).code != 0)
                return r;
            r.generations.append(
                r.run({QStringLiteral("resolve"), QStringLiteral("latest")}).out.trimmed());
        }
        return r;
    }

private Q_SLOTS:
    void retentionRules()
    {
        const QList<GenerationRecord> gens{
            at(QStringLiteral("2026-11-27T10:00:00")), at(QStringLiteral("2026-11-27T09:30:00")),
            at(QStringLiteral("2026-11-27T09:00:00")), at(QStringLiteral("2026-11-26T23:00:00")),
            at(QStringLiteral("2026-11-20T12:00:00")), at(QStringLiteral("2026-10-01T12:00:00")),
            at(QStringLiteral("2025-06-01T12:00:00"))};
        const auto kept = [&](const RetentionPolicy &p) {
            QStringList out;
            for (const RetentionDecision &d : applyRetention(gens, p))
                if (d.keep)
                    out.append(d.generation.id.left(13));
            return out;
        };
        QCOMPARE(kept({2, 0, 0, 0, 0, 0}),
                 (QStringList{QStringLiteral("2026-11-27T10"), QStringLiteral("2026-11-27T09")}));
        // hourly 2: the 10:00 one and the newest of the 09:xx hour (09:30).
        QCOMPARE(kept({0, 2, 0, 0, 0, 0}),
                 (QStringList{QStringLiteral("2026-11-27T10"), QStringLiteral("2026-11-27T09")}));
        QCOMPARE(kept({0, 0, 2, 0, 0, 0}),
                 (QStringList{QStringLiteral("2026-11-27T10"), QStringLiteral("2026-11-26T23")}));
        QCOMPARE(kept({0, 0, 0, 2, 0, 0}),
                 (QStringList{QStringLiteral("2026-11-27T10"), QStringLiteral("2026-11-20T12")}));
        QCOMPARE(kept({0, 0, 0, 0, 3, 0}),
                 (QStringList{QStringLiteral("2026-11-27T10"), QStringLiteral("2026-10-01T12"),
                              QStringLiteral("2025-06-01T12")}));
        QCOMPARE(kept({0, 0, 0, 0, 0, 5}),
                 (QStringList{QStringLiteral("2026-11-27T10"), QStringLiteral("2025-06-01T12")}));
        QCOMPARE(kept({1, 0, 0, 0, 0, 2}),
                 (QStringList{QStringLiteral("2026-11-27T10"), QStringLiteral("2025-06-01T12")}));
        QVERIFY(RetentionPolicy{}.isEmpty());
    }

    void forgetThenPruneFreesSpaceAndKeepsWhatIsKept()
    {
        Repo r = makeRepo(3, 16, 2 * 1024 * 1024); // 32 MiB, then 16 MiB new per generation
        QCOMPARE(r.generations.size(), 3);
        const QString repo = r.home->repositoryPath();

        auto out = r.run({QStringLiteral("forget")});
        QCOMPARE(out.code, 2); // no policy
        out = r.run({QStringLiteral("forget"), QStringLiteral("--keep-last"), QStringLiteral("1"),
                     QStringLiteral("--dry-run")});
        QCOMPARE(out.code, 0);
        QVERIFY(out.out.contains(QStringLiteral("would remove ") + r.generations[0]));
        QCOMPARE(objectsBelow(repo + QStringLiteral("/generations")).size(), 3);

        out = r.run({QStringLiteral("forget"), QStringLiteral("--keep-last"), QStringLiteral("1")});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QVERIFY(out.out.contains(QStringLiteral("keep   ") + r.generations[2]));
        QCOMPARE(objectsBelow(repo + QStringLiteral("/generations")).size(), 1);

        const qint64 before = bytesBelow(repo + QStringLiteral("/packs"));
        const QStringList packsBefore = objectsBelow(repo + QStringLiteral("/packs"));
        out = r.run({QStringLiteral("prune"), QStringLiteral("--dry-run")});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QCOMPARE(objectsBelow(repo + QStringLiteral("/packs")), packsBefore);
        out = r.run({QStringLiteral("prune")});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        const qint64 after = bytesBelow(repo + QStringLiteral("/packs"));
        qInfo("prune: %lld -> %lld bytes of packs\n%s", before, after, qPrintable(out.out));
        // Generation 3 needs 32 MiB of the 64 MiB stored.
        QVERIFY2(after < before * 3 / 4, qPrintable(out.out));
        QVERIFY(after >= 32 * 1024 * 1024);

        out = r.run({QStringLiteral("check"), QStringLiteral("--read-data")});
        QVERIFY2(out.code == 0, qPrintable(out.out + out.err));
        QVERIFY(!out.out.contains(QStringLiteral("note:")));
        QCOMPARE(r.restoreDiff(r.generations[2]), QString());
        // A second prune has nothing left to do.
        out = r.run({QStringLiteral("prune")});
        QVERIFY(out.out.contains(QStringLiteral("unused-packs deleted: 0")));
        QVERIFY(out.out.contains(QStringLiteral("repacked: 0")));
        // And the next backup still works on the pruned repository.
        QVERIFY(test::writeFile(enc(r.source + QStringLiteral("/late")), "late\n"));
        QCOMPARE(r.run({QStringLiteral("backup")}).code, 0);
        QCOMPARE(r.restoreDiff(QStringLiteral("latest")), QString());
    }

    void pruneStopsWhenTheIndexAndTheStorageDisagree()
    {
        Repo r = makeRepo(2, 20, 1024 * 1024);
        const QString repo = r.home->repositoryPath();
        QVERIFY(
            r.run({QStringLiteral("forget"), QStringLiteral("--keep-last"), QStringLiteral("1")})
                .code == 0);
        QStringList packs = objectsBelow(repo + QStringLiteral("/packs"));
        QVERIFY(packs.size() >= 2);
        QVERIFY(QFile::remove(repo + QStringLiteral("/packs") + packs.first()));
        const QStringList before = objectsBelow(repo);
        const auto out = r.run({QStringLiteral("prune")});
        QCOMPARE(out.code, 1);
        QVERIFY2(out.err.contains(QStringLiteral("prune stopped before deleting anything")),
                 qPrintable(out.err));
        QCOMPARE(objectsBelow(repo), before);
    }

    void repairDropsDamagedChunksAndNamesFiles()
    {
        Repo r = makeRepo(1, 20, 1024 * 1024);
        const QString repo = r.home->repositoryPath();
        // Damage the middle of the largest pack: a chunk's ciphertext.
        QString victim;
        for (const QString &p : objectsBelow(repo + QStringLiteral("/packs")))
            if (victim.isEmpty() || QFileInfo(repo + QStringLiteral("/packs") + p).size() >
                                        QFileInfo(repo + QStringLiteral("/packs") + victim).size())
                victim = p;
        QFile f(repo + QStringLiteral("/packs") + victim);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(f.size() / 3));
        QVERIFY(f.write("\xff\xff\xff\xff", 4) == 4);
        f.close();
        auto out = r.run({QStringLiteral("repair")});
        QCOMPARE(out.code, 1);
        QVERIFY2(out.out.contains(QStringLiteral("left out")), qPrintable(out.out));
        QVERIFY2(out.out.contains(QStringLiteral("affected: generation ") + r.generations[0] +
                                  QStringLiteral(": ") + r.source + QStringLiteral("/f")),
                 qPrintable(out.out));
        // The damaged file fails to restore loudly until a backup stores its chunk again; that
        // heals the old generation too (the same chunk id, in a new pack).
        QVERIFY(r.restoreDiff(r.generations[0]).startsWith(QStringLiteral("restore failed")));
        out = r.run({QStringLiteral("backup")});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        out = r.run({QStringLiteral("check"), QStringLiteral("--read-data-subset"),
                     QStringLiteral("100%")});
        // The damaged pack itself is still stored (prune removes it once nothing uses it).
        QVERIFY2(!out.out.contains(QStringLiteral("affected:")), qPrintable(out.out));
        QCOMPARE(r.restoreDiff(r.generations[0]), QString());
        QCOMPARE(r.restoreDiff(QStringLiteral("latest")), QString());
        out = r.run({QStringLiteral("prune")});
        QVERIFY2(out.code == 0, qPrintable(out.out + out.err));
        out = r.run({QStringLiteral("check"), QStringLiteral("--read-data")});
        QVERIFY2(out.code == 0, qPrintable(out.out + out.err));
    }

    void locksKeepPruneAndBackupApart()
    {
        Repo r = makeRepo(1, 2, 1000);
        const QString credentials =
            r.home->home() + QStringLiteral("/.config/obnam/passwords.yaml");
        QVERIFY(QFileInfo::exists(credentials));
        auto repo = Repository::open(std::make_shared<LocalBackend>(r.home->repositoryPath()),
                                     "maintenance");
        QVERIFY(repo);
        {
            auto exclusive = RepositoryLock::acquire(**repo, true, QStringLiteral("test"));
            QVERIFY(exclusive);
            auto out = r.run({QStringLiteral("backup")});
            QCOMPARE(out.code, 1);
            QVERIFY2(out.err.contains(QStringLiteral("the repository is locked: exclusive lock")),
                     qPrintable(out.err));
            // A second exclusive lock is refused as well; its own lock object is removed.
            QVERIFY(!RepositoryLock::acquire(**repo, true, QStringLiteral("second")));
            QCOMPARE(RepositoryLock::list(**repo)->size(), 1);
        }
        {
            auto shared = RepositoryLock::acquire(**repo, false, QStringLiteral("test"));
            QVERIFY(shared);
            QCOMPARE(r.run({QStringLiteral("backup")}).code, 0); // shared with shared
            const auto out = r.run({QStringLiteral("prune")});
            QCOMPARE(out.code, 1);
            QVERIFY(out.err.contains(QStringLiteral("locked")));
        }
        QCOMPARE(RepositoryLock::list(**repo)->size(), 0);
    }

    void staleLocksAreIgnoredAndRemoved()
    {
        Repo r = makeRepo(1, 2, 1000);
        auto repo = Repository::open(std::make_shared<LocalBackend>(r.home->repositoryPath()),
                                     "maintenance");
        QVERIFY(repo);
        // Locks as other processes would have left them.
        const auto plant = [&](const QString &host, qint64 pid, const QDateTime &refreshed) {
            const QByteArray json =
                QJsonDocument(
                    QJsonObject{
                        {QStringLiteral("exclusive"), true},
                        {QStringLiteral("hostname"), host},
                        {QStringLiteral("pid"), pid},
                        {QStringLiteral("purpose"), QStringLiteral("prune")},
                        {QStringLiteral("created"), refreshed.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("refreshed"), refreshed.toString(Qt::ISODateWithMs)}})
                    .toJson();
            const QString name =
                QStringLiteral("locks/") +
                QString::fromLatin1(QByteArray::number(pid).toHex()).leftJustified(32, u'0');
            return (*repo)
                ->backend()
                .put(name, (*repo)->codec().seal(ObjectType::Lock, json), PutMode::Overwrite)
                .result();
        };
        QProcess finished;
        finished.start(QStringLiteral("true"));
        QVERIFY(finished.waitForFinished());
        const qint64 deadPid = finished.processId() > 0 ? finished.processId() : 4194304;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Gone: this host, a process that no longer runs (kill -9 of a prune).
        QVERIFY(plant(QSysInfo::machineHostName(), deadPid, now));
        // Gone: another host, not refreshed for an hour.
        QVERIFY(plant(QStringLiteral("old-laptop"), 11, now.addSecs(-3600)));
        auto out = r.run({QStringLiteral("backup")});
        QVERIFY2(out.code == 0, qPrintable(out.err)); // stale locks do not block
        // The backup removes the one of this host, whose process is provably gone, and says
        // so; the other host's is left to 'unlock'.
        QVERIFY2(out.err.contains(QStringLiteral("removed the stale lock")) &&
                     out.err.contains(QStringLiteral("pid %1").arg(deadPid)),
                 qPrintable(out.err));
        QCOMPARE(out.err.count(QStringLiteral("removed the stale lock")), 1);
        // Alive: another host, refreshed a minute ago. It blocks, and unlock keeps it.
        QVERIFY(plant(QStringLiteral("busy-server"), 12, now.addSecs(-60)));
        out = r.run({QStringLiteral("backup")});
        QCOMPARE(out.code, 1);
        QVERIFY2(out.err.contains(QStringLiteral("busy-server")), qPrintable(out.err));
        out = r.run({QStringLiteral("unlock")});
        QCOMPARE(out.code, 0);
        QVERIFY2(out.out.contains(QStringLiteral("removed: 1, still held: 1")),
                 qPrintable(out.out));
        out = r.run({QStringLiteral("unlock"), QStringLiteral("--remove-all")});
        QVERIFY2(out.out.contains(QStringLiteral("removed: 1, still held: 0")),
                 qPrintable(out.out));
        QCOMPARE(r.run({QStringLiteral("backup")}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestMaintenance)

#include "tst_maintenance.moc"
