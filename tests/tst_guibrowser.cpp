// The generation browser, driven through its real widgets on the offscreen platform, against a
// real repository made by the real obnam-cli: backups and folders, a search that finds a file
// deleted generations ago, a file's versions, restoring one file, the preview of a restore onto
// files that are there, Cancel, and opening a read-only copy.
#include "BrowserWindow.h"
#include "CliRunner.h"
#include "FileTreeModel.h"
#include "GenerationListModel.h"
#include "GuiSupport.h"
#include "RestoreDialog.h"
#include "TestSupport.h"
#include "Text.h"
#include "Translations.h"

#include <QDesktopServices>
#include <QListWidget>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

#include <sys/stat.h>

using namespace obnam;
using namespace obnam::test;
using gui::BrowserWindow;
using gui::RestoreDialog;

namespace {

const QByteArray kPassphrase = "a passphrase of several words";

// Five backups of a small tree: report.odt changes in the third and the fifth, notes.txt is
// deleted after the second, big.bin (24 MB) is there throughout.
struct Fixture
{
    CliHome home;
    client::Paths paths{home.env()};
    QString data = home.home() + QStringLiteral("/data");
    QStringList generations; // oldest first

    Fixture()
    {
        putFile(data + QStringLiteral("/docs/report.odt"), "first draft");
        putFile(data + QStringLiteral("/docs/notes.txt"), "remember the milk");
        putFile(data + QStringLiteral("/big.bin"), randomData(24 * 1024 * 1024, 7));
        for (int i = 0; i < 40; ++i)
            putFile(data + QStringLiteral("/many/file-%1.txt").arg(i), QByteArray::number(i));
        const auto r = home.run({QStringLiteral("init"), QStringLiteral("--root"), data}, {},
                                {kPassphrase, kPassphrase});
        if (r.code != 0)
            qWarning("init failed: %s", qPrintable(r.err));
        backUp();
        backUp();
        putFile(data + QStringLiteral("/docs/report.odt"), "second draft, longer");
        QFile::remove(data + QStringLiteral("/docs/notes.txt"));
        backUp();
        backUp();
        putFile(data + QStringLiteral("/docs/report.odt"), "final version, the longest of all");
        backUp();
    }
    void backUp()
    {
        QTest::qSleep(20);
        const auto r = home.run({QStringLiteral("backup")});
        if (r.code != 0)
            qWarning("backup failed: %s", qPrintable(r.err));
        generations.append(r.out.section(QStringLiteral("generation-id: "), 1).trimmed());
    }
    QString path(const QString &rel) const { return data + QLatin1Char('/') + rel; }
};

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A browser with its backups listed and its search index ready.
std::unique_ptr<BrowserWindow> openBrowser(const Fixture &f)
{
    auto w = std::make_unique<BrowserWindow>(f.paths, f.home.configPath());
    w->setAttribute(Qt::WA_DeleteOnClose, false);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return {};
    QSignalSpy shown(w.get(), &BrowserWindow::treeShown);
    QDeadlineTimer deadline(30000);
    while (!w->browser().indexReady() && !deadline.hasExpired())
        QTest::qWait(20);
    if (!w->browser().indexReady() || (shown.isEmpty() && !shown.wait(30000)))
        return {};
    return w;
}

QModelIndex rowNamed(QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < model->rowCount(parent); ++r)
        if (model->index(r, 0, parent).data().toString() == name)
            return model->index(r, 0, parent);
    return {};
}

// Expands the folders on the way to `path` below the tree's top, waiting for each to load.
QModelIndex expandTo(QTreeView *tree, const QString &path)
{
    QAbstractItemModel *model = tree->model();
    QModelIndex at;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QModelIndex next;
        for (int tries = 0; tries < 300 && !next.isValid(); ++tries) {
            next = rowNamed(model, at, part);
            if (!next.isValid()) {
                if (at.isValid())
                    tree->expand(at);
                if (model->canFetchMore(at))
                    model->fetchMore(at);
                QTest::qWait(20);
            }
        }
        if (!next.isValid())
            return {};
        at = next;
    }
    return at;
}

RestoreDialog *restoreDialog()
{
    QDeadlineTimer deadline(5000);
    RestoreDialog *d = nullptr;
    while (!(d = shownDialog<RestoreDialog>()) && !deadline.hasExpired())
        QTest::qWait(20);
    return d;
}

} // namespace

// The desktop's "open with the default application", caught.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

class TestGuiBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        quietOffscreenPlatform();
        QVERIFY(gui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
    }

    void backupsAndTheirFolders()
    {
        Fixture f;
        auto w = openBrowser(f);
        QVERIFY(w);
        auto *list = child<QTableView>(w.get(), "generations");
        QCOMPARE(list->model()->rowCount(), 5);
        // Newest first, with what each changed against the one before it.
        const auto cell = [list](int row, int column) {
            return list->model()->index(row, column).data().toString();
        };
        using G = gui::GenerationListModel;
        QCOMPARE(cell(2, G::Removed), QStringLiteral("1")); // the third: notes.txt went
        QCOMPARE(cell(2, G::Changed), QStringLiteral("2")); // report.odt and its folder
        QCOMPARE(cell(0, G::Changed), QStringLiteral("1"));
        QCOMPARE(cell(3, G::Added) + cell(3, G::Changed) + cell(3, G::Removed),
                 QStringLiteral("000"));

        // The newest backup's tree, down to the folder the backup began at.
        auto *tree = child<QTreeView>(w.get(), "tree");
        const QModelIndex docs = expandTo(tree, f.path(QStringLiteral("docs")));
        QVERIFY(docs.isValid());
        tree->expand(docs);
        QTRY_COMPARE(tree->model()->rowCount(docs), 1); // notes.txt is gone
        const QModelIndex report = tree->model()->index(0, 0, docs);
        QCOMPARE(report.data().toString(), QStringLiteral("report.odt"));
        QCOMPARE(report.siblingAtColumn(gui::FileTreeModel::Recorded).data().toString(),
                 QStringLiteral("Changed"));
        const QModelIndex many = expandTo(tree, f.path(QStringLiteral("many")));
        tree->expand(many);
        QTRY_COMPARE(tree->model()->rowCount(many), 40);
        // Names in the order a person reads them: file-2 before file-10.
        QCOMPARE(tree->model()->index(2, 0, many).data().toString(), QStringLiteral("file-2.txt"));

        // The filter of the open folder.
        tree->setCurrentIndex(many);
        type(child<QLineEdit>(w.get(), "filter"), QStringLiteral("-3"));
        QTRY_COMPARE(tree->model()->rowCount(many), 1 + 10); // file-3, file-30 … file-39
        type(child<QLineEdit>(w.get(), "filter"), QString());
        QTRY_COMPARE(tree->model()->rowCount(many), 40);

        // The second backup still has notes.txt.
        QSignalSpy shown(w.get(), &BrowserWindow::treeShown);
        w->selectGeneration(f.generations.at(1));
        QVERIFY(shown.wait(30000));
        const QModelIndex olderDocs = expandTo(tree, f.path(QStringLiteral("docs")));
        tree->expand(olderDocs);
        QTRY_COMPARE(tree->model()->rowCount(olderDocs), 2);
        QVERIFY(rowNamed(tree->model(), olderDocs, QStringLiteral("notes.txt")).isValid());
    }

    void searchFindsAFileDeletedGenerationsAgoAndItsVersions()
    {
        Fixture f;
        auto w = openBrowser(f);
        QVERIFY(w);
        auto *hits = child<QTableView>(w.get(), "hits");
        type(child<QLineEdit>(w.get(), "search"), QStringLiteral("notes"));
        QTRY_COMPARE(hits->model()->rowCount(), 1);
        QVERIFY(hits->isVisible());
        QCOMPARE(hits->model()->index(0, 0).data().toString(), QStringLiteral("notes.txt"));
        QCOMPARE(hits->model()->index(0, 2).data().toString(), QStringLiteral("2 of 5"));

        // A file changed in two of five backups has three versions.
        type(child<QLineEdit>(w.get(), "search"), QStringLiteral("*.odt"));
        QTRY_COMPARE(hits->model()->index(0, 0).data().toString(), QStringLiteral("report.odt"));
        QCOMPARE(hits->model()->rowCount(), 1);
        hits->setCurrentIndex(hits->model()->index(0, 0));
        auto *versions = child<QTableView>(w.get(), "versions");
        QTRY_COMPARE(versions->model()->rowCount(), 3);
        QCOMPARE(versions->model()->index(0, gui::VersionsModel::Backups).data().toString(),
                 QStringLiteral("2"));
        QCOMPARE(versions->model()->index(2, gui::VersionsModel::Backups).data().toString(),
                 QStringLiteral("1"));
        QVERIFY(child<QLabel>(w.get(), "versionsTitle")
                    ->text()
                    .contains(QStringLiteral("3 different versions")));

        // Enter on a hit shows it in the tree of the newest backup that has it.
        type(child<QLineEdit>(w.get(), "search"), QStringLiteral("notes"));
        QTRY_COMPARE(hits->model()->index(0, 0).data().toString(), QStringLiteral("notes.txt"));
        hits->setCurrentIndex(hits->model()->index(0, 0));
        hits->setFocus();
        QTest::keyClick(hits, Qt::Key_Return);
        auto *tree = child<QTreeView>(w.get(), "tree");
        QTRY_COMPARE_WITH_TIMEOUT(tree->currentIndex().data().toString(),
                                  QStringLiteral("notes.txt"), 30000);
        QCOMPARE(child<QTableView>(w.get(), "generations")->currentIndex().row(), 3);
    }

    void restoreAVersionGivesItsBytes()
    {
        Fixture f;
        auto w = openBrowser(f);
        QVERIFY(w);
        type(child<QLineEdit>(w.get(), "search"), QStringLiteral("report"));
        auto *hits = child<QTableView>(w.get(), "hits");
        QTRY_COMPARE(hits->model()->rowCount(), 1);
        hits->setCurrentIndex(hits->model()->index(0, 0));
        auto *versions = child<QTableView>(w.get(), "versions");
        QTRY_COMPARE(versions->model()->rowCount(), 3);
        versions->selectRow(0); // the first draft
        click(child<QPushButton>(w.get(), "restoreVersion"));
        RestoreDialog *d = restoreDialog();
        QVERIFY(d);
        click(child<QRadioButton>(d, "elsewhere"));
        const QString target = f.home.home() + QStringLiteral("/restored");
        type(child<QLineEdit>(d, "folder"), target);
        auto *restore = child<QPushButton>(d, "restore");
        QTRY_VERIFY_WITH_TIMEOUT(restore->isEnabled(), 30000);
        QSignalSpy finished(&d->job(), &gui::RestoreJob::finished);
        click(restore);
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(0).at(0).value<gui::RestoreJob::Outcome>().ok);
        QCOMPARE(contents(target + f.path(QStringLiteral("docs/report.odt"))),
                 QByteArray("first draft"));
        // The file and the folders above it, which a restore gives their recorded metadata.
        const QString status = child<QLabel>(d, "status")->text();
        QVERIFY2(status.startsWith(QStringLiteral("Restored 3 items (") + gui::text::bytes(11) +
                                   QStringLiteral(") to ") + target),
                 qPrintable(status));
        d->close();
    }

    void previewNamesWhatIsThereAndTheFreeSpace()
    {
        Fixture f;
        auto w = openBrowser(f);
        QVERIFY(w);
        auto *tree = child<QTreeView>(w.get(), "tree");
        const QModelIndex docs = expandTo(tree, f.path(QStringLiteral("docs")));
        QVERIFY(docs.isValid());
        tree->setCurrentIndex(docs);
        tree->selectionModel()->select(docs, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
        // Back to where it came from, where report.odt is (a newer one) and notes.txt is not.
        click(child<QPushButton>(w.get(), "restore"));
        RestoreDialog *d = restoreDialog();
        QVERIFY(d);
        QVERIFY(child<QRadioButton>(d, "original")->isChecked());
        std::optional<RestorePreview> preview;
        connect(&d->job(), &gui::RestoreJob::previewed, this,
                [&preview](const QString &, const Result<RestorePreview> &p) {
                    if (p)
                        preview = *p;
                });
        QTRY_VERIFY_WITH_TIMEOUT(preview.has_value(), 30000);
        QCOMPARE(preview->existing,
                 QList<QByteArray>{QFile::encodeName(f.path(QStringLiteral("docs/report.odt")))});
        QVERIFY(preview->create.isEmpty()); // the folder is there: merged, not created
        const QString space = test::freeSpaceProblem(preview->freeBytes, f.data);
        QVERIFY2(space.isEmpty(), qPrintable(space));
        QCOMPARE(preview->volume, QStorageInfo(f.data).rootPath());
        auto *list = child<QListWidget>(d, "preview");
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().endsWith(f.path(QStringLiteral("docs/report.odt"))));
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("Already there")));
        QVERIFY(child<QLabel>(d, "space")->text().contains(preview->volume));
        QVERIFY(child<QLabel>(d, "space")->text().contains(gui::text::bytes(33)));
        if (preview->freeBytes >= 0)
            QVERIFY(
                child<QLabel>(d, "space")->text().contains(gui::text::bytes(preview->freeBytes)));

        // Keep both: the backed-up file lands beside the one that is there.
        click(child<QRadioButton>(d, "keepBoth"));
        auto *restore = child<QPushButton>(d, "restore");
        QTRY_VERIFY_WITH_TIMEOUT(restore->isEnabled(), 30000);
        QSignalSpy finished(&d->job(), &gui::RestoreJob::finished);
        click(restore);
        QVERIFY(finished.wait(60000));
        QCOMPARE(contents(f.path(QStringLiteral("docs/report.odt"))),
                 QByteArray("final version, the longest of all"));
        QCOMPARE(contents(f.path(QStringLiteral("docs/report (restored).odt"))),
                 QByteArray("final version, the longest of all"));
        d->close();
    }

    void cancelLeavesNoPartialFile()
    {
        Fixture f;
        auto w = openBrowser(f);
        QVERIFY(w);
        type(child<QLineEdit>(w.get(), "search"), QStringLiteral("big.bin"));
        auto *hits = child<QTableView>(w.get(), "hits");
        QTRY_COMPARE(hits->model()->rowCount(), 1);
        hits->setCurrentIndex(hits->model()->index(0, 0));
        auto *versions = child<QTableView>(w.get(), "versions");
        QTRY_COMPARE(versions->model()->rowCount(), 1);
        versions->selectRow(0);
        click(child<QPushButton>(w.get(), "restoreVersion"));
        RestoreDialog *d = restoreDialog();
        QVERIFY(d);
        click(child<QRadioButton>(d, "elsewhere"));
        const QString target = f.home.home() + QStringLiteral("/cancelled");
        type(child<QLineEdit>(d, "folder"), target);
        auto *restore = child<QPushButton>(d, "restore");
        QTRY_VERIFY_WITH_TIMEOUT(restore->isEnabled(), 30000);
        QSignalSpy finished(&d->job(), &gui::RestoreJob::finished);
        click(restore);
        click(child<QPushButton>(d, "pause")); // held at its first safe point
        QTRY_VERIFY_WITH_TIMEOUT(d->job().waiting() > 0, 30000);
        click(child<QPushButton>(d, "close")); // Cancel
        QVERIFY(finished.wait(60000));
        const auto outcome = finished.at(0).at(0).value<gui::RestoreJob::Outcome>();
        QVERIFY(outcome.cancelled);
        QVERIFY(!QFileInfo::exists(target + f.path(QStringLiteral("big.bin"))));
        QVERIFY(child<QLabel>(d, "status")->text().startsWith(QStringLiteral("Cancelled.")));
        d->close();
    }

    void openGivesAReadOnlyCopy()
    {
        Fixture f;
        auto w = openBrowser(f);
        QVERIFY(w);
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
        type(child<QLineEdit>(w.get(), "search"), QStringLiteral("report.odt"));
        auto *hits = child<QTableView>(w.get(), "hits");
        QTRY_COMPARE(hits->model()->rowCount(), 1);
        hits->setCurrentIndex(hits->model()->index(0, 0));
        auto *versions = child<QTableView>(w.get(), "versions");
        QTRY_COMPARE(versions->model()->rowCount(), 3);
        versions->selectRow(1);
        QSignalSpy opened(w.get(), &BrowserWindow::openedForViewing);
        click(child<QPushButton>(w.get(), "openVersion"));
        QVERIFY(opened.wait(30000));
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        const QString file = opened.at(0).at(0).toString();
        QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(file)});
        QCOMPARE(contents(file), QByteArray("second draft, longer"));
        QVERIFY(file.startsWith(f.home.home() + QStringLiteral("/.cache/obnam/")));
        QCOMPARE(QFileInfo(file).permissions() &
                     (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        // Nowhere near where it was backed up from.
        QCOMPARE(contents(f.path(QStringLiteral("docs/report.odt"))),
                 QByteArray("final version, the longest of all"));
    }
};

QTEST_MAIN(TestGuiBrowser)
#include "tst_guibrowser.moc"
