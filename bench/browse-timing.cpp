// obnam-browse-timing: how long the generation browser takes on a real repository, measured
// through its real window and models (offscreen): opening (the list of backups and the top of
// the newest one's tree, after the repository is open), expanding a large folder, searches
// across every backup, a file's versions; and the search index's size against the generation
// databases'. Used by bench/browse.sh.
#include "Browser.h"
#include "BrowserWindow.h"
#include "FileTreeModel.h"
#include "Paths.h"
#include "SearchIndex.h"
#include "Session.h"
#include "repo/Repository.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <QTreeView>

#include <cstdio>

using namespace obnam;

namespace {

QTextStream out(stdout);

// Runs the event loop until `done` holds or a minute passes; false on timeout.
bool waitFor(const std::function<bool()> &done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > 60000)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1) + QStringLiteral(" ms");
}

QModelIndex childNamed(QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < model->rowCount(parent); ++r)
        if (model->index(r, 0, parent).data().toString() == name)
            return model->index(r, 0, parent);
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("obnam.yaml"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption folder(QStringLiteral("folder"),
                                    QStringLiteral("A large folder to expand."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption search(QStringLiteral("search"), QStringLiteral("A search."),
                                    QStringLiteral("PATTERN"));
    const QCommandLineOption versions(QStringLiteral("versions"),
                                      QStringLiteral("A file whose versions to list."),
                                      QStringLiteral("PATH"));
    parser.addOptions({config, folder, search, versions});
    parser.process(app);

    gui::BrowserWindow window(client::Paths(), parser.value(config));
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    gui::Browser &browser = window.browser();
    QElapsedTimer clock;
    clock.start();
    qint64 openedAt = -1, shownAt = -1, indexedAt = -1;
    QObject::connect(&browser, &gui::Browser::opened, [&] { openedAt = clock.nsecsElapsed(); });
    QObject::connect(&window, &gui::BrowserWindow::treeShown,
                     [&] { shownAt = shownAt < 0 ? clock.nsecsElapsed() : shownAt; });
    QObject::connect(&browser, &gui::Browser::indexFinished,
                     [&] { indexedAt = clock.nsecsElapsed(); });
    window.show();
    if (!waitFor([&] { return shownAt >= 0 && indexedAt >= 0; })) {
        std::fprintf(stderr, "the browser did not open\n");
        return 1;
    }
    out << "| step | time |\n|---|---|\n";
    out << "| open the repository (credentials, index objects, generation records) | "
        << ms(openedAt) << " |\n";
    out << "| then: the list of " << browser.generations().size()
        << " backups and the top of the newest one's tree | " << ms(shownAt - openedAt) << " |\n";
    out << "| the search index up to date (from opening) | " << ms(indexedAt - openedAt) << " |\n";

    auto *tree = window.findChild<QTreeView *>(QStringLiteral("tree"));
    if (parser.isSet(folder)) {
        // Down to the folder's parent, then time the folder itself.
        const QStringList parts = parser.value(folder).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QModelIndex at;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            QModelIndex next;
            waitFor([&] {
                next = childNamed(tree->model(), at, parts[i]);
                if (!next.isValid() && tree->model()->canFetchMore(at))
                    tree->model()->fetchMore(at);
                return next.isValid();
            });
            if (!next.isValid()) {
                std::fprintf(stderr, "no folder %s\n", qPrintable(parts[i]));
                return 1;
            }
            if (i + 1 < parts.size()) {
                tree->expand(next);
                at = next;
                continue;
            }
            QElapsedTimer t;
            t.start();
            tree->expand(next);
            if (tree->model()->canFetchMore(next))
                tree->model()->fetchMore(next);
            waitFor([&] { return tree->model()->rowCount(next) > 0; });
            tree->scrollTo(tree->model()->index(0, 0, next));
            QCoreApplication::processEvents();
            tree->viewport()->repaint(); // laid out and painted, as a person sees it
            out << "| expand a folder of " << tree->model()->rowCount(next) << " entries | "
                << ms(t.nsecsElapsed()) << " |\n";
        }
    }

    for (const QString &pattern : parser.values(search)) {
        QList<client::SearchHit> hits;
        bool answered = false, truncated = false;
        const auto c =
            QObject::connect(&browser, &gui::Browser::searched,
                             [&](const QString &, const QList<client::SearchHit> &h, bool t) {
                                 hits = h;
                                 truncated = t;
                                 answered = true;
                             });
        QElapsedTimer t;
        t.start();
        browser.search(pattern);
        waitFor([&] { return answered; });
        const qint64 took = t.nsecsElapsed();
        QObject::disconnect(c);
        qsizetype inGenerations = 0;
        for (const client::SearchHit &h : hits)
            inGenerations += h.generations.size();
        out << "| search `" << pattern << "`: " << hits.size() << (truncated ? "+" : "")
            << " paths in " << inGenerations << " path-generations | " << ms(took) << " |\n";
    }

    if (parser.isSet(versions)) {
        bool answered = false;
        QList<client::IndexedVersion> found;
        QObject::connect(&browser, &gui::Browser::versionsFound,
                         [&](const QByteArray &, const QList<client::IndexedVersion> &v) {
                             found = v;
                             answered = true;
                         });
        QElapsedTimer t;
        t.start();
        browser.versions(QFile::encodeName(parser.value(versions)));
        waitFor([&] { return answered; });
        qsizetype in = 0;
        for (const client::IndexedVersion &v : found)
            in += v.generations.size();
        out << "| versions of one file: " << found.size() << " in " << in << " backups | "
            << ms(t.nsecsElapsed()) << " |\n";
    }

    qint64 databases = 0;
    for (const GenerationRecord &g : browser.generations())
        databases += g.dbSize;
    const qint64 index = QFileInfo(client::SearchIndex::fileIn(browser.session()->cacheDir)).size();
    out << "\nSearch index: " << QString::number(double(index) / 1048576.0, 'f', 1) << " MiB; the "
        << browser.generations().size()
        << " generation databases: " << QString::number(double(databases) / 1048576.0, 'f', 1)
        << " MiB (index "
        << QString::number(100.0 * double(index) / double(qMax<qint64>(databases, 1)), 'f', 1)
        << " % of them).\n";
    out.flush();
    return 0;
}
