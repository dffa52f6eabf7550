// What a window does when it opens a repository: list its generations and read a directory
// of one of them, continuing the futures on its own (GUI) thread. The thread's event loop must
// never stall: the longest gap between two turns of it is measured while 50 generations are
// listed and a 10,000-entry directory is read, and must stay under 20 ms.
#include "History.h"
#include "TestSupport.h"
#include "backend/LocalBackend.h"
#include "backend/MemoryBackend.h"
#include "engine/GenerationReader.h"
#include "repo/Repository.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace obnam;

class TestBrowsing : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<Repository> m_repo;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        Repository::InitOptions io;
        io.kdf = crypto::KdfParams::testing();
        auto repo = Repository::init(
            std::make_shared<LocalBackend>(m_tmp.path() + QStringLiteral("/repo")), "pw", io);
        QVERIFY(repo);
        m_repo = std::move(*repo);
        // One generation with a directory of 10,000 entries (and a subtree beside it, to be
        // skipped), and 49 small ones.
        QList<FileEntry> big;
        FileEntry dir;
        dir.kind = FileKind::Directory;
        dir.mode = 0755;
        dir.path = "/home";
        big.append(dir);
        dir.path = "/home/many";
        big.append(dir);
        for (int i = 0; i < 10000; ++i) {
            FileEntry f;
            f.kind = FileKind::Regular;
            f.mode = 0644;
            f.path = "/home/many/file-" + QByteArray::number(i).rightJustified(5, '0');
            big.append(f);
        }
        dir.path = "/home/many/sub";
        big.append(dir);
        for (int i = 0; i < 2000; ++i) {
            FileEntry f;
            f.kind = FileKind::Regular;
            f.mode = 0644;
            f.path = "/home/many/sub/deep-" + QByteArray::number(i);
            big.append(f);
        }
        QVERIFY(!test::commitCrafted(*m_repo, m_tmp.path(), big, "x").isEmpty());
        for (int g = 0; g < 49; ++g) {
            FileEntry f;
            f.kind = FileKind::Regular;
            f.mode = 0644;
            f.path = "/home/note-" + QByteArray::number(g);
            QVERIFY(!test::commitCrafted(*m_repo, m_tmp.path(), {dir, f}, "y").isEmpty());
        }
    }

    void childrenSkipsSubtrees()
    {
        auto all = m_repo->generations();
        QVERIFY(all && all->size() == 50);
        GenerationRecord big;
        for (const GenerationRecord &r : std::as_const(*all))
            if (r.fileCount > 10000)
                big = r;
        auto reader =
            GenerationReader::open(*m_repo, big, m_tmp.path() + QStringLiteral("/cache")).result();
        QVERIFY(reader);
        auto children = (*reader)->children("/home/many").result();
        QVERIFY(children);
        QCOMPARE(children->size(), 10001); // the files and "sub", not what is inside "sub"
        QCOMPARE(children->first().path, QByteArray("/home/many/file-00000"));
        QCOMPARE(children->last().path, QByteArray("/home/many/sub"));
        QCOMPARE((*reader)->children("/home/many/sub").result()->size(), 2000);
        QCOMPARE((*reader)->children("/home").result()->size(), 1);
        QCOMPARE((*reader)->children("/").result()->size(), 1);
        QVERIFY((*reader)->children("/nowhere").result()->isEmpty());
        QVERIFY(!(*reader)->children("/home").result()->first().onTheWay);
        auto one = (*reader)->entry("/home/many/file-04711").result();
        QVERIFY(one && one->has_value() && (**one).kind == FileKind::Regular);
    }

    void foldersAboveTheRootsAreListed()
    {
        // A backup of /srv/data/www alone: nothing recorded for /srv or /srv/data.
        FileEntry f;
        f.kind = FileKind::Regular;
        f.mode = 0644;
        f.path = "/srv/data/www/index.html";
        FileEntry www;
        www.kind = FileKind::Directory;
        www.mode = 0755;
        www.path = "/srv/data/www";
        // A repository of its own: the other tests count this one's generations.
        Repository::InitOptions io;
        io.kdf = crypto::KdfParams::testing();
        auto repo = Repository::init(std::make_shared<MemoryBackend>(), "pw", io);
        QVERIFY(repo);
        // "www.zip" sorts between "www" and "www/…": www is still listed once.
        FileEntry zip = f;
        zip.path = "/srv/data/www.zip";
        const QString id = test::commitCrafted(**repo, m_tmp.path(), {www, f, zip}, "z");
        QVERIFY(!id.isEmpty());
        auto gen = (*repo)->readGeneration(id);
        QVERIFY(gen);
        auto reader =
            GenerationReader::open(**repo, *gen, m_tmp.path() + QStringLiteral("/srv-cache"))
                .result();
        QVERIFY(reader);
        auto top = (*reader)->children("/").result();
        QVERIFY(top);
        QCOMPARE(top->size(), 1);
        QCOMPARE(top->first().path, QByteArray("/srv"));
        QVERIFY(top->first().onTheWay);
        QCOMPARE(top->first().kind, FileKind::Directory);
        auto data = (*reader)->children("/srv/data").result();
        QCOMPARE(data->size(), 2);
        QCOMPARE(data->first().path, QByteArray("/srv/data/www"));
        QVERIFY(!data->first().onTheWay); // www is in the generation
        QCOMPARE(data->last().path, QByteArray("/srv/data/www.zip"));
        // A folder on the way with a file beside it that sorts into its subtree's range.
        FileEntry deep = f;
        deep.path = "/opt/app/bin/tool";
        FileEntry appZip = f;
        appZip.path = "/opt/app.zip";
        // And a backup of the whole file system, whose first row is "/" itself.
        FileEntry root = www;
        root.path = "/";
        const QString id2 = test::commitCrafted(**repo, m_tmp.path(), {root, deep, appZip}, "w");
        QVERIFY(!id2.isEmpty());
        auto gen2 = (*repo)->readGeneration(id2);
        QVERIFY(gen2);
        auto reader2 =
            GenerationReader::open(**repo, *gen2, m_tmp.path() + QStringLiteral("/srv-cache"))
                .result();
        QVERIFY(reader2);
        auto top2 = (*reader2)->children("/").result();
        QVERIFY2(top2, qPrintable(top2 ? QString() : top2.error().toString()));
        QCOMPARE(top2->size(), 1);
        QCOMPARE(top2->first().path, QByteArray("/opt"));
        auto opt = (*reader2)->children("/opt").result();
        QCOMPARE(opt->size(), 2); // app (on the way) once, and app.zip
        QCOMPARE(std::count_if(opt->cbegin(), opt->cend(),
                               [](const FileEntry &e) { return e.path == "/opt/app"; }),
                 1);
        QCOMPARE((*reader)->children("/srv/data/www").result()->size(), 1);
    }

    void historyAcrossGenerations()
    {
        client::Session session;
        session.repository = std::move(m_repo);
        session.cacheDir = m_tmp.path() + QStringLiteral("/history-cache");
        const auto restoreRepo = qScopeGuard([&] { m_repo = std::move(session.repository); });
        // Every generation has this directory (the small ones were made with it too).
        auto home = client::fileHistory(session, "/home/many/sub").result();
        QVERIFY(home);
        QCOMPARE(home->size(), 50);
        for (qsizetype i = 1; i < home->size(); ++i)
            QVERIFY(home->at(i - 1).generation.finished <= home->at(i).generation.finished);
        auto note = client::fileHistory(session, "/home/note-7").result();
        QVERIFY(note);
        QCOMPARE(note->size(), 1);
        QCOMPARE(note->first().entry.path, QByteArray("/home/note-7"));
        QVERIFY(client::fileHistory(session, "/no/such/path").result()->isEmpty());
    }

    void theGuiThreadNeverStalls()
    {
        QList<qint64> stalls;
        for (int attempt = 0; attempt < 3; ++attempt) {
            QObject window;
            std::optional<int> listed;
            std::optional<qsizetype> entries;
            std::shared_ptr<GenerationReader> reader;
            const QString cache = m_tmp.path() + QStringLiteral("/gui-cache-%1").arg(attempt);
            const qint64 stall = test::longestStall(
                [&] {
                    m_repo->generationsAsync().then(
                        &window, [&](const Result<QList<GenerationRecord>> &all) {
                            listed = all ? int(all->size()) : -1;
                            if (!all)
                                return;
                            GenerationRecord big;
                            for (const GenerationRecord &r : *all)
                                if (r.fileCount > 10000)
                                    big = r;
                            GenerationReader::open(*m_repo, big, cache)
                                .then(&window,
                                      [&](const Result<std::shared_ptr<GenerationReader>> &r) {
                                          if (!r) {
                                              entries = -1;
                                              return;
                                          }
                                          reader = *r;
                                          reader->children("/home/many")
                                              .then(&window,
                                                    [&](const Result<QList<FileEntry>> &c) {
                                                        entries = c ? c->size() : -1;
                                                    });
                                      });
                        });
                },
                [&] { return entries.has_value(); });
            QCOMPARE(listed, std::optional<int>(50));
            QCOMPARE(entries, std::optional<qsizetype>(10001));
            stalls.append(stall);
        }
        qInfo("longest event-loop stall while listing 50 generations and reading a "
              "10,000-entry directory: %lld, %lld, %lld ms (three runs)",
              stalls[0], stalls[1], stalls[2]);
        // The best of three: another test on the same two cores can delay a turn of the loop
        // once in a while; a stall the reader caused would show in every run.
        QVERIFY(*std::min_element(stalls.cbegin(), stalls.cend()) < 20);
    }
};

QTEST_GUILESS_MAIN(TestBrowsing)
#include "tst_browsing.moc"
