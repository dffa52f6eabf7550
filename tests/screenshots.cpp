// obnam-screenshots: takes the screenshots docs/gui.md shows, under a real X server, in one
// language: the first-run wizard as a new user fills it in, the window idle after a backup and
// during one, the settings, and the generation browser (a tree with a file's versions, a
// search, the preview of a restore). It also looks at every page it shows for text that does not
// fit its widget and fails, naming each, when it finds some: a screenshot is only as good as what a
// person would see.
//
// Usage (scripts/screenshots.sh runs it under xvfb-run):
//   obnam-screenshots OUTPUT-DIR LANGUAGE [HOME REPOSITORY]
// LANGUAGE: en, de or fr. HOME (made and filled with sample files) and REPOSITORY default to
// folders in a temporary directory; the script gives paths a reader expects to see.
#include "BrowserWindow.h"
#include "GuiSupport.h"
#include "MainWindow.h"
#include "RestoreDialog.h"
#include "RunHistory.h"
#include "SettingsDialog.h"
#include "SetupWizard.h"
#include "TestSupport.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeEdit>
#include <QTreeView>

#include <cstdio>
#include <functional>

using namespace obnam;

namespace {

QTextStream err(stderr);

bool waitFor(const std::function<bool()> &done, int ms = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// Lets the window paint what it was just told to show.
void settle(int ms = 300)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

// Text that needs more room than its widget has, in every visible label and button.
QStringList clipped(QWidget *top)
{
    QStringList found;
    const auto check = [&found](QWidget *w, const QString &text) {
        if (!w->isVisible() || text.isEmpty())
            return;
        const QSize need = w->minimumSizeHint();
        if (w->width() + 1 < need.width() || w->height() + 1 < need.height())
            found.append(QStringLiteral("%1 \"%2\": %3x%4, needs %5x%6")
                             .arg(w->objectName().isEmpty()
                                      ? QLatin1String(w->metaObject()->className())
                                      : w->objectName(),
                                  text)
                             .arg(w->width())
                             .arg(w->height())
                             .arg(need.width())
                             .arg(need.height()));
    };
    for (QLabel *l : top->findChildren<QLabel *>())
        if (!l->wordWrap())
            check(l, l->text());
    for (QAbstractButton *b : top->findChildren<QAbstractButton *>())
        check(b, b->text());
    return found;
}

class Shooter
{
public:
    Shooter(QString dir, QString language)
        : m_dir(std::move(dir))
        , m_language(std::move(language))
    {}

    bool shoot(QWidget *w, const QString &name)
    {
        settle();
        for (const QString &c : clipped(w))
            m_problems.append(name + QStringLiteral(": clipped ") + c);
        const QPixmap shot = w->screen()->grabWindow(w->winId());
        const QString file = m_dir + QStringLiteral("/%1-%2.png").arg(m_language, name);
        if (shot.isNull() || !shot.save(file)) {
            m_problems.append(name + QStringLiteral(": cannot save ") + file);
            return false;
        }
        err << "saved " << file << " (" << shot.width() << "x" << shot.height() << ")\n";
        err.flush();
        return true;
    }
    void problem(const QString &what) { m_problems.append(what); }
    const QStringList &problems() const { return m_problems; }

private:
    QString m_dir;
    QString m_language;
    QStringList m_problems;
};

// A home with what people keep: documents, photos, music.
void fillHome(const QString &home, int batch, int files, int size)
{
    const QStringList folders = {QStringLiteral("Documents"), QStringLiteral("Pictures"),
                                 QStringLiteral("Music")};
    for (int i = 0; i < files; ++i)
        test::putFile(home + QStringLiteral("/%1/set-%2/file-%3")
                                 .arg(folders[i % folders.size()])
                                 .arg(batch)
                                 .arg(i),
                      test::randomData(size + i, quint32(batch * 100000 + i)));
}

QModelIndex childNamed(QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < model->rowCount(parent); ++r)
        if (model->index(r, 0, parent).data().toString() == name)
            return model->index(r, 0, parent);
    return {};
}

// The browser: the newest backup's Documents with the report's versions, a search for a file
// only older backups hold, and the preview of restoring the report where it came from.
void shootBrowser(Shooter &shooter, gui::BrowserWindow &browser, const QString &home)
{
    (void)QTest::qWaitForWindowExposed(&browser);
    auto *tree = browser.findChild<QTreeView *>(QStringLiteral("tree"));
    if (!waitFor([&] { return browser.browser().indexReady() && tree->model()->rowCount() > 0; })) {
        shooter.problem(QStringLiteral("the browser did not open"));
        return;
    }
    QModelIndex at;
    const QString report = home + QStringLiteral("/Documents/Quarterly report.odt");
    for (const QString &part : report.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QModelIndex next;
        waitFor([&] {
            next = childNamed(tree->model(), at, part);
            if (!next.isValid() && tree->model()->canFetchMore(at))
                tree->model()->fetchMore(at);
            return next.isValid();
        });
        if (!next.isValid()) {
            shooter.problem(QStringLiteral("the browser has no ") + part);
            return;
        }
        if (at.isValid())
            tree->expand(at);
        at = next;
    }
    tree->setCurrentIndex(at);
    tree->scrollTo(at);
    auto *versions = browser.findChild<QTableView *>(QStringLiteral("versions"));
    if (!waitFor([&] { return versions->model()->rowCount() == 3; }))
        shooter.problem(QStringLiteral("the report does not have three versions"));
    shooter.shoot(&browser, QStringLiteral("browser"));

    test::type(browser.findChild<QLineEdit *>(QStringLiteral("search")), QStringLiteral("notes"));
    auto *hits = browser.findChild<QTableView *>(QStringLiteral("hits"));
    if (!waitFor([&] {
            return hits->model()->rowCount() == 1 &&
                   hits->model()->index(0, 0).data().toString().contains(QLatin1String("notes"));
        }))
        shooter.problem(QStringLiteral("the search found no notes"));
    shooter.shoot(&browser, QStringLiteral("browser-search"));

    test::type(browser.findChild<QLineEdit *>(QStringLiteral("search")), QStringLiteral("report"));
    if (!waitFor([&] { return versions->model()->rowCount() == 3; }))
        shooter.problem(QStringLiteral("the search did not show the report's versions"));
    versions->selectRow(1);
    test::click(browser.findChild<QPushButton *>(QStringLiteral("restoreVersion")));
    gui::RestoreDialog *dialog = nullptr;
    if (!waitFor([&] { return (dialog = test::shownDialog<gui::RestoreDialog>()) != nullptr; }) ||
        !waitFor([&] {
            return dialog->findChild<QPushButton *>(QStringLiteral("restore"))->isEnabled();
        })) {
        shooter.problem(QStringLiteral("the restore dialog did not show its preview"));
        return;
    }
    shooter.shoot(dialog, QStringLiteral("restore-preview"));
    dialog->close();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    // A part of the screen as it is (tests/tray-x11.sh: the tray and its menu, which belong
    // to another process).
    if (args.size() == 7 && args[1] == QStringLiteral("--grab")) {
        const QPixmap shot = QApplication::primaryScreen()->grabWindow(
            0, args[3].toInt(), args[4].toInt(), args[5].toInt(), args[6].toInt());
        if (shot.isNull() || !shot.save(args[2])) {
            err << "cannot grab the screen into " << args[2] << "\n";
            return 1;
        }
        err << "saved " << args[2] << " (" << shot.width() << "x" << shot.height() << ")\n";
        return 0;
    }
    if (args.size() != 3 && args.size() != 5) {
        err << "usage: obnam-screenshots OUTPUT-DIR LANGUAGE [HOME REPOSITORY]\n";
        return 2;
    }
    const QString outDir = QFileInfo(args[1]).absoluteFilePath();
    const QLocale locale(args[2]);
    QDir().mkpath(outDir);
    QLocale::setDefault(locale);
    if (!gui::installTranslations(app, locale) && locale.language() != QLocale::English) {
        err << "no translation for " << args[2] << "\n";
        return 1;
    }
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/obnam.svg")));

    QTemporaryDir tmp;
    const QString home = args.size() == 5 ? args[3] : tmp.path() + QStringLiteral("/home/alex");
    const QString repository =
        args.size() == 5 ? args[4] : tmp.path() + QStringLiteral("/media/alex/backup-disk/obnam");
    QDir().mkpath(home);
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    const client::Paths paths(env);
    const QString configPath = paths.defaultConfigFile();
    fillHome(home, 0, 600, 20000);
    test::putFile(home + QStringLiteral("/Documents/Quarterly report.odt"),
                  test::randomData(36000, 1));
    test::putFile(home + QStringLiteral("/Documents/Old notes.txt"), "Call the plumber.\n");
    Shooter shooter(outDir, args[2]);

    // The wizard, as a new user fills it in.
    {
        gui::SetupWizard wizard(paths, configPath);
        wizard.show();
        if (!QTest::qWaitForWindowExposed(&wizard))
            return 1;
        shooter.shoot(&wizard, QStringLiteral("wizard-start"));
        test::click(wizard.button(QWizard::NextButton));
        shooter.shoot(&wizard, QStringLiteral("wizard-folders"));
        test::click(wizard.button(QWizard::NextButton));
        test::type(wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("folder")),
                   repository);
        shooter.shoot(&wizard, QStringLiteral("wizard-where"));
        test::click(wizard.button(QWizard::NextButton));
        if (!waitFor([&] { return wizard.currentId() == gui::SetupWizard::PassphrasePageId; })) {
            shooter.problem(QStringLiteral("the wizard did not reach the passphrase page"));
        } else {
            const QString passphrase = QStringLiteral("tulip copper evening marble");
            test::type(wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("passphrase")),
                       passphrase);
            test::type(wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("repeat")),
                       passphrase);
            shooter.shoot(&wizard, QStringLiteral("wizard-passphrase"));
            test::click(wizard.button(QWizard::NextButton));
            if (!waitFor([&] { return wizard.currentId() == gui::SetupWizard::FinishPageId; }))
                shooter.problem(QStringLiteral("the wizard did not finish"));
            else
                shooter.shoot(&wizard, QStringLiteral("wizard-finish"));
            test::click(wizard.button(QWizard::FinishButton));
        }
    }

    if (QFileInfo::exists(configPath)) {
        gui::MainWindow window(paths, configPath);
        window.show();
        (void)QTest::qWaitForWindowExposed(&window);
        // A first backup, so the window has a history to show.
        bool done = false;
        QObject::connect(&window.runner(), &gui::BackupRunner::finished, &window,
                         [&done](const client::Run &run) {
                             done = true;
                             for (const QString &w : run.warnings)
                                 err << "backup warning: " << w << "\n";
                         });
        window.backUpNow();
        if (!waitFor([&] { return done; }, 300000))
            shooter.problem(QStringLiteral("the first backup did not end"));
        shooter.shoot(&window, QStringLiteral("window-idle"));

        // New photos: the next backup has something to read, long enough to be seen.
        test::putFile(home + QStringLiteral("/Documents/Quarterly report.odt"),
                      test::randomData(41000, 2));
        fillHome(home, 1, 60, 4000000);
        done = false;
        bool far = false;
        QObject::connect(
            &window.runner(), &gui::BackupRunner::progress, &window,
            [&far](const OperationProgress &p) { far = far || p.bytesRead > 60000000; });
        window.backUpNow();
        if (!waitFor([&] { return far || done; }, 300000) || done)
            shooter.problem(QStringLiteral("the second backup was over before it was seen"));
        else
            shooter.shoot(&window, QStringLiteral("window-backing-up"));
        waitFor([&] { return done; }, 300000);

        gui::SettingsDialog settings(paths, configPath);
        settings.show();
        (void)QTest::qWaitForWindowExposed(&settings);
        if (!waitFor([&] { return settings.tabs()->isEnabled(); }))
            shooter.problem(QStringLiteral("the settings did not load"));
        shooter.shoot(&settings, QStringLiteral("settings-folders"));
        settings.tabs()->setCurrentIndex(2);
        settings.findChild<QSpinBox *>(QStringLiteral("keepDaily"))->setValue(7);
        settings.findChild<QSpinBox *>(QStringLiteral("keepWeekly"))->setValue(4);
        settings.findChild<QSpinBox *>(QStringLiteral("keepMonthly"))->setValue(12);
        shooter.shoot(&settings, QStringLiteral("settings-keeping"));
        settings.tabs()->setCurrentIndex(3);
        auto *every = settings.findChild<QComboBox *>(QStringLiteral("scheduleEvery"));
        every->setCurrentIndex(every->findData(int(client::Schedule::Every::Daily)));
        settings.findChild<QTimeEdit *>(QStringLiteral("scheduleTime"))->setTime(QTime(12, 30));
        settings.findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->setChecked(true);
        shooter.shoot(&settings, QStringLiteral("settings-schedule"));
        settings.reject();

        // A third backup, after the report changed again and the old notes went: the browser
        // then has versions to show and a file that only older backups hold.
        test::putFile(home + QStringLiteral("/Documents/Quarterly report.odt"),
                      test::randomData(48000, 3));
        QFile::remove(home + QStringLiteral("/Documents/Old notes.txt"));
        done = false;
        window.backUpNow();
        if (!waitFor([&] { return done; }, 300000))
            shooter.problem(QStringLiteral("the third backup did not end"));
        // The restore dialog offers a folder in the home directory: the sample one.
        qputenv("HOME", QFile::encodeName(home));
        shootBrowser(shooter, *window.openBrowser(), home);
    } else {
        shooter.problem(QStringLiteral("the wizard wrote no configuration"));
    }

    for (const QString &p : shooter.problems())
        err << "problem: " << p << "\n";
    err.flush();
    return shooter.problems().isEmpty() ? 0 : 1;
}
