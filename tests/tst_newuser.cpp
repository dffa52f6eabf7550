// What a new user meets in the first days, followed from README.md and docs/cli.md: init that
// fails and is run again, passphrases typed twice, a repository path that is not empty,
// exclude rules, a repository on a read-only disk, a partial check, and usage messages.
#include "CliRunner.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QtTest>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace obnam;
using test::CliHome;

namespace {

QProcessEnvironment passphrase()
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("correct horse"));
    return e;
}

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

} // namespace

class TestNewUser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedInitLeavesNothingBehind()
    {
        CliHome h;
        // No terminal, no OBNAM_PASSPHRASE: the passphrase step fails.
        auto r = h.run({QStringLiteral("init"), QStringLiteral("--root"), h.home()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no passphrase given")), qPrintable(r.err));
        QVERIFY2(!QFile::exists(h.configPath()), "a failed init wrote the configuration");
        QVERIFY(QDir(QFileInfo(h.configPath()).absolutePath())
                    .entryList(QDir::Files | QDir::Hidden)
                    .isEmpty());
        // The very same command, with a passphrase this time, works.
        r = h.run({QStringLiteral("init"), QStringLiteral("--root"), h.home()}, passphrase());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(h.configPath()));
        QVERIFY(r.out.contains(QStringLiteral("Wrote a default configuration")));
    }

    void wrongPassphraseForAnExistingRepositoryLeavesNothingBehind()
    {
        CliHome first;
        QVERIFY(first.run({QStringLiteral("init")}, passphrase()).code == 0);
        const QString repository = first.home() + QStringLiteral("/.local/share/obnam/repository");
        CliHome second;
        QProcessEnvironment wrong;
        wrong.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("wrong"));
        auto r =
            second.run({QStringLiteral("init"), QStringLiteral("--repository"), repository}, wrong);
        QCOMPARE(r.code, 1);
        QVERIFY(!QFile::exists(second.configPath()));
        r = second.run({QStringLiteral("init"), QStringLiteral("--repository"), repository},
                       passphrase());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Unlocked the existing repository")));
    }

    void differingPassphrasesAreAskedAgain()
    {
        CliHome h;
        auto r = h.run({QStringLiteral("init")}, {},
                       {"first try", "first tyr", "second try", "second try"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("do not match; try again")));
        // The passphrase that was confirmed is the one that opens the repository.
        QFile::remove(h.home() + QStringLiteral("/.config/obnam/passwords.yaml"));
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("second try"));
        QCOMPARE(h.run({QStringLiteral("list")}, pw).code, 0);
        // Three mismatches in a row end it, and nothing is written.
        CliHome g;
        r = g.run({QStringLiteral("init")}, {}, {"a1", "b1", "a2", "b2", "a3", "b3"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("did not match, three times")), qPrintable(r.err));
        QVERIFY(!QFile::exists(g.configPath()));
    }

    void nonEmptyDirectoryIsNotMadeARepository()
    {
        CliHome h;
        const QString documents = h.path() + QStringLiteral("/Documents");
        QVERIFY(QDir().mkpath(documents));
        QVERIFY(test::writeFile(enc(documents + QStringLiteral("/thesis.odt")), "years of work"));
        auto r = h.run({QStringLiteral("init"), QStringLiteral("--repository"), documents},
                       passphrase());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not empty and is not an obnam repository")),
                 qPrintable(r.err));
        QCOMPARE(QDir(documents).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("thesis.odt")});
        QVERIFY(!QFile::exists(h.configPath()));
        r = h.run({QStringLiteral("init"), QStringLiteral("--repository"), documents,
                   QStringLiteral("--allow-non-empty")},
                  passphrase());
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void excludeRulesWorkAsDocumented()
    {
        CliHome h;
        const QString home = h.home();
        for (const char *dir :
             {"/Documents/scratch", "/Documents/keep", "/src/a/Documents/scratch", "/src/build"})
            QVERIFY(QDir().mkpath(home + QLatin1String(dir)));
        for (const char *file :
             {"/Documents/scratch/junk", "/Documents/keep/letter", "/src/a/Documents/scratch/junk2",
              "/src/build/out.o", "/src/a/main.c"})
            QVERIFY(test::writeFile(enc(home + QLatin1String(file)), "x"));
        h.writeConfig("roots: [\"~\"]\nserver_url: " + h.repositoryPath().toUtf8() +
                      "\nexclude:\n"
                      "  - \"~/Documents/scratch\"\n" // the home's, by ~
                      "  - \"*.o\"\n"                 // any name
                      "  - \"a/Documents/scratch\"\n" // at any depth
                      "  - \"~/no/such/thing\"\n"     // matches nothing: a warning
                      "  - \"~/Downloads\"\n");       // a common exclusion: no warning
        QCOMPARE(h.run({QStringLiteral("init")}, passphrase()).code, 0);
        const auto b = h.run({QStringLiteral("backup")}, passphrase());
        QCOMPARE(b.code, 0);
        QVERIFY2(b.out.contains(QStringLiteral("warning: ") + home +
                                QStringLiteral("/no/such/thing: exclude pattern matched nothing")),
                 qPrintable(b.out));
        QCOMPARE(b.out.count(QStringLiteral("matched nothing")), 1);
        const auto files =
            h.run({QStringLiteral("list-files"), QStringLiteral("latest")}, passphrase());
        QVERIFY(files.out.contains(QStringLiteral("/Documents/keep/letter")));
        QVERIFY(files.out.contains(QStringLiteral("/src/a/main.c")));
        QVERIFY2(!files.out.contains(QStringLiteral("junk")), qPrintable(files.out));
        QVERIFY(!files.out.contains(QStringLiteral("out.o")));
    }

    void readOnlyRepositoryCanBeRestoredFrom()
    {
        CliHome h;
        const QString src = h.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(src));
        QVERIFY(
            test::writeFile(enc(src + QStringLiteral("/photo.jpg")), test::randomData(50000, 4)));
        h.writeSimpleConfig({src});
        QCOMPARE(h.run({QStringLiteral("init")}, passphrase()).code, 0);
        QCOMPARE(h.run({QStringLiteral("backup")}, passphrase()).code, 0);
        // A write-protected disk: a read-only bind mount as root, else the directory's modes.
        const QByteArray repo = enc(h.repositoryPath());
        bool mounted = false;
        if (::geteuid() == 0) {
            QVERIFY(::mount(repo.constData(), repo.constData(), nullptr, MS_BIND, nullptr) == 0);
            mounted = ::mount(nullptr, repo.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY,
                              nullptr) == 0;
            QVERIFY(mounted);
        } else {
            QDirIterator it(h.repositoryPath(), QDir::Dirs | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                ::chmod(enc(it.next()).constData(), 0555);
            ::chmod(repo.constData(), 0555);
        }
        struct Restore
        {
            QByteArray path;
            bool mounted;
            ~Restore()
            {
                if (mounted)
                    ::umount2(path.constData(), MNT_DETACH);
            }
        } restoreMount{repo, mounted};
        const QString target = h.path() + QStringLiteral("/recovered");
        auto r = h.run({QStringLiteral("restore"), QStringLiteral("latest"), target}, passphrase());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("cannot be written")) &&
                     r.err.contains(QStringLiteral("reading it without a lock")),
                 qPrintable(r.err));
        QCOMPARE(test::manifestDiff(test::manifest(enc(src)), test::manifest(enc(target + src))),
                 QString());
        r = h.run({QStringLiteral("check"), QStringLiteral("--read-data")}, passphrase());
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        // --no-lock: no lock and no note, wherever the repository is.
        r = h.run({QStringLiteral("check"), QStringLiteral("--no-lock")}, passphrase());
        QVERIFY2(r.code == 0 && !r.err.contains(QStringLiteral("note")), qPrintable(r.err));
        if (!mounted) {
            QDirIterator it(h.repositoryPath(), QDir::Dirs | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            ::chmod(repo.constData(), 0700);
            while (it.hasNext())
                ::chmod(enc(it.next()).constData(), 0700);
        }
    }

    void partialCheckReadsAtLeastOnePack()
    {
        CliHome h;
        const QString src = h.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(src));
        QVERIFY(test::writeFile(enc(src + QStringLiteral("/a")), test::randomData(100000, 5)));
        h.writeSimpleConfig({src});
        QCOMPARE(h.run({QStringLiteral("init")}, passphrase()).code, 0);
        QCOMPARE(h.run({QStringLiteral("backup")}, passphrase()).code, 0);
        for (int i = 0; i < 5; ++i) {
            const auto r = h.run(
                {QStringLiteral("check"), QStringLiteral("--read-data-subset=10%")}, passphrase());
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains(QStringLiteral("(read: 1,")), qPrintable(r.out));
        }
    }

    void everythingComesBackOnANewComputer()
    {
        // The old computer: backups to a disk.
        CliHome old;
        const QString disk = old.path() + QStringLiteral("/usb-disk/obnam");
        QVERIFY(QDir().mkpath(old.home() + QStringLiteral("/Pictures/2026")));
        QVERIFY(test::writeFile(enc(old.home() + QStringLiteral("/Pictures/2026/beach.jpg")),
                                test::randomData(400000, 11)));
        QVERIFY(test::writeFile(enc(old.home() + QStringLiteral("/notes.txt")), "remember this\n"));
        QCOMPARE(
            old.run({QStringLiteral("init"), QStringLiteral("--repository"), disk}, passphrase())
                .code,
            0);
        // Two backups, a day apart: obnam's run log is written after each backup, so the
        // folder that holds it is in the tree from the second one on.
        QCOMPARE(old.run({QStringLiteral("backup")}, passphrase()).code, 0);
        QCOMPARE(old.run({QStringLiteral("backup")}, passphrase()).code, 0);
        // Everything but obnam's own cache, which a backup leaves out, and its run log, which
        // changes after the last backup.
        const auto withoutCache = [](QMap<QByteArray, QByteArray> m) {
            m.removeIf([](const auto &it) {
                return it.key().contains(".cache/obnam") || it.key().contains(".local/state/obnam");
            });
            return m;
        };
        const auto original = withoutCache(test::manifest(enc(old.home())));
        // The new computer has nothing of the old one: only the disk and the passphrase, as
        // the user guide's "Recover everything on a new computer" says.
        CliHome fresh;
        auto r =
            fresh.run({QStringLiteral("init"), QStringLiteral("--repository"), disk}, passphrase());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Unlocked the existing repository")));
        QCOMPARE(fresh.run({QStringLiteral("list")}, passphrase()).out.count(QLatin1Char('\n')), 2);
        const QString target = fresh.path() + QStringLiteral("/recovered");
        r = fresh.run({QStringLiteral("restore"), QStringLiteral("latest"), target}, passphrase());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto restored = withoutCache(test::manifest(enc(target + old.home())));
        QVERIFY(restored.size() > 5);
        QCOMPARE(test::manifestDiff(original, restored), QString());
    }

    void usageMessagesSayWhatIsMeant()
    {
        CliHome h;
        auto r = h.run({QStringLiteral("restore"), QStringLiteral("latest")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'restore' takes at least 2 arguments, got 1")),
                 qPrintable(r.err));
        r = h.run({QStringLiteral("resolve")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'resolve' takes 1 argument, got 0")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestNewUser)
#include "tst_newuser.moc"
