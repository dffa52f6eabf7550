// The backup window, driven through its real widgets on the offscreen platform, against real
// repositories, the real obnam-cli and (through tests/with-keyring.sh) a real Secret Service.
#include "BackupRunner.h"
#include "CliRunner.h"
#include "ClientConfig.h"
#include "GuiSupport.h"
#include "Keyring.h"
#include "MainWindow.h"
#include "PassphraseDialog.h"
#include "RunHistory.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "SingleInstance.h"
#include "TestSupport.h"
#include "Translations.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <csignal>
#include <thread>

#include <unistd.h>

using namespace obnam;
using namespace obnam::test;
using gui::BackupRunner;
using gui::MainWindow;

namespace {

const QByteArray kPassphrase = "a passphrase of several words";

// A home with data and an initialised repository, as `obnam-cli init` leaves it.
struct Fixture
{
    CliHome home;
    client::Paths paths{home.env()};

    explicit Fixture(int files = 30, int size = 20000)
    {
        for (int i = 0; i < files; ++i)
            putFile(home.home() + QStringLiteral("/data/d%1/f%2").arg(i % 10).arg(i),
                    randomData(size + i, quint32(i)));
        const auto r = home.run({QStringLiteral("init"), QStringLiteral("--root"),
                                 home.home() + QStringLiteral("/data")},
                                {}, {kPassphrase, kPassphrase});
        if (r.code != 0)
            qWarning("init failed: %s", qPrintable(r.err));
    }
    int generations() const
    {
        const auto r = home.run({QStringLiteral("list")});
        return int(r.out.count(QLatin1Char('\n')));
    }
};

} // namespace

class TestGuiWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        quietOffscreenPlatform();
        // The window's English, whatever this machine's language.
        QVERIFY(gui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
    }

    void backUpNowMakesAGenerationObnamCliLists()
    {
        Fixture f;
        MainWindow window(f.paths, f.home.configPath());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The history is read on a worker: shown as soon as it has been read.
        QTRY_COMPARE(child<QLabel>(&window, "last")->text(), QStringLiteral("never"));
        QCOMPARE(f.generations(), 0);
        QSignalSpy finished(&window.runner(), &BackupRunner::finished);
        click(child<QPushButton>(&window, "backUpNow"));
        QVERIFY(child<QGroupBox>(&window, "progress")->isVisible());
        QVERIFY(finished.wait(60000));
        const auto run = finished.at(0).at(0).value<client::Run>();
        QCOMPARE(run.outcome, client::Run::Succeeded);
        QCOMPARE(f.generations(), 1);
        const auto r = f.home.run({QStringLiteral("list")});
        QVERIFY(r.out.contains(run.generationId.left(12)));
        // The window shows it as the last backup and in the history.
        QTRY_VERIFY(child<QLabel>(&window, "last")->text().contains(QStringLiteral("succeeded")));
        QTRY_COMPARE(child<QTableView>(&window, "history")->model()->rowCount(), 1);
        QVERIFY(!child<QGroupBox>(&window, "progress")->isVisible());
    }

    void pauseAndCancelLeaveARepositoryThatChecks()
    {
        Fixture f(120, 1000000); // 120 MB: long enough to pause and cancel during it
        MainWindow window(f.paths, f.home.configPath());
        window.show();
        auto *pause = child<QPushButton>(&window, "pause");
        QSignalSpy finished(&window.runner(), &BackupRunner::finished);
        click(child<QPushButton>(&window, "backUpNow"));
        QTRY_COMPARE_WITH_TIMEOUT(window.runner().state(), BackupRunner::State::Running, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(&window, "read")->text().isEmpty(), 30000);
        click(pause);
        QCOMPARE(window.runner().state(), BackupRunner::State::Paused);
        QCOMPARE(pause->text().remove(QLatin1Char('&')), QStringLiteral("Resume"));
        QTest::qWait(300); // what was in flight settles
        const QString held = child<QLabel>(&window, "read")->text();
        QTest::qWait(700);
        QCOMPARE(child<QLabel>(&window, "read")->text(), held); // nothing read while paused
        click(pause);
        QCOMPARE(window.runner().state(), BackupRunner::State::Running);
        click(child<QPushButton>(&window, "cancel"));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).value<client::Run>().outcome, client::Run::Cancelled);
        QVERIFY(child<QLabel>(&window, "notice")->text().contains(QStringLiteral("cancelled")));
        QCOMPARE(f.generations(), 0);
        const auto check = f.home.run({QStringLiteral("check")});
        QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
        // The next backup goes on from what the cancelled one stored.
        click(child<QPushButton>(&window, "backUpNow"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.at(1).at(0).value<client::Run>().outcome, client::Run::Succeeded);
        QCOMPARE(f.generations(), 1);
    }

    void wrongPassphraseIsAskedAgainAndRemembered()
    {
        Fixture f;
        // This computer has the configuration but not the key: the passphrase is needed.
        QVERIFY(QFile::remove(
            client::ClientConfig::load(f.home.configPath(), f.paths)->credentialsPath()));
        const QString repository = f.home.repositoryPath();
        const QString entry = client::Keyring::entryName(
            client::ClientConfig::load(f.home.configPath(), f.paths)->serverUrl);
        (void)client::Keyring::remove(entry).result();
        MainWindow window(f.paths, f.home.configPath());
        window.show();
        QSignalSpy finished(&window.runner(), &BackupRunner::finished);
        click(child<QPushButton>(&window, "backUpNow"));
        gui::PassphraseDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = shownDialog<gui::PassphraseDialog>()), 30000);
        QVERIFY(!dialog->findChild<QLabel *>()->text().contains(QStringLiteral("did not")));
        type(child<QLineEdit>(dialog, "passphrase"), QStringLiteral("wrong"));
        click(child<QPushButton>(dialog, "open"));
        // Asked again, saying why.
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = shownDialog<gui::PassphraseDialog>()) &&
                dialog->findChild<QLabel *>()->text().contains(QStringLiteral("did not open")),
            30000);
        QCOMPARE(finished.count(), 0);
        type(child<QLineEdit>(dialog, "passphrase"), QString::fromUtf8(kPassphrase));
        click(child<QCheckBox>(dialog, "remember"));
        click(child<QPushButton>(dialog, "open"));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).value<client::Run>().outcome, client::Run::Succeeded);
        // Remembered in the keyring once it had opened the repository: the next backup asks
        // nobody, and obnam-cli finds it there too.
        QTRY_VERIFY_WITH_TIMEOUT(client::Keyring::read(entry).result()->has_value(), 10000);
        QCOMPARE(client::Keyring::read(entry).result()->value(), kPassphrase);
        QProcessEnvironment desktop;
        desktop.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
        const auto listed = f.home.runBinary({QStringLiteral("list")}, desktop);
        QVERIFY2(listed.code == 0, qPrintable(listed.err));
        QCOMPARE(listed.out.count(QLatin1Char('\n')), 1);
        click(child<QPushButton>(&window, "backUpNow"));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(1).at(0).value<client::Run>().outcome, client::Run::Succeeded);
        QVERIFY(!shownDialog<gui::PassphraseDialog>());
        (void)client::Keyring::remove(entry).result();
        Q_UNUSED(repository)
    }

    void aBackupRunningElsewhereIsShownNotStartedTwice()
    {
        Fixture f(60, 1000000);
        // The real obnam-cli, stopped while it holds the repository's lock.
        auto cli = f.home.start({QStringLiteral("backup")});
        QVERIFY(cli->waitForStarted());
        auto config = client::ClientConfig::load(f.home.configPath(), f.paths);
        QVERIFY(config);
        QTRY_VERIFY_WITH_TIMEOUT(client::liveLocks(*config).value().size() == 1, 30000);
        ::kill(pid_t(cli->processId()), SIGSTOP);

        MainWindow window(f.paths, f.home.configPath());
        window.runner().watch(f.home.configPath(), 200);
        window.show();
        auto *elsewhere = child<QLabel>(&window, "elsewhere");
        QTRY_VERIFY_WITH_TIMEOUT(elsewhere->isVisible(), 10000);
        QVERIFY2(elsewhere->text().contains(QStringLiteral("running elsewhere")),
                 qPrintable(elsewhere->text()));
        QSignalSpy busy(&window.runner(), &BackupRunner::busyElsewhere);
        QSignalSpy finished(&window.runner(), &BackupRunner::finished);
        click(child<QPushButton>(&window, "backUpNow"));
        QVERIFY(busy.wait(30000));
        QCOMPARE(finished.count(), 0); // not a failed run: nothing was started
        auto *notice = child<QLabel>(&window, "notice");
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(QStringLiteral("running elsewhere")));
        QVERIFY(!shownDialog<QMessageBox>());

        ::kill(pid_t(cli->processId()), SIGCONT);
        const auto r = CliHome::finish(*cli);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Gone once it ended, and its run is in the window's history.
        QTRY_VERIFY_WITH_TIMEOUT(!elsewhere->isVisible(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(child<QTableView>(&window, "history")->model()->rowCount(), 1,
                                  10000);
    }

    void closingWhileABackupRunsAsks()
    {
        Fixture f(60, 1000000);
        MainWindow window(f.paths, f.home.configPath());
        window.show();
        QSignalSpy finished(&window.runner(), &BackupRunner::finished);
        click(child<QPushButton>(&window, "backUpNow"));
        QTRY_COMPARE_WITH_TIMEOUT(window.runner().state(), BackupRunner::State::Running, 30000);
        window.close();
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = shownDialog<QMessageBox>()));
        QVERIFY(window.isVisible()); // nothing happens until the user answers
        click(child<QPushButton>(ask, "stopBackup"));
        QVERIFY(!window.isVisible());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).value<client::Run>().outcome, client::Run::Cancelled);
        QApplication::setQuitOnLastWindowClosed(true);
    }

    void settingsAreSavedAndTheRepositoryChecked()
    {
        Fixture f;
        QVERIFY(f.home.run({QStringLiteral("backup")}).code == 0);
        // A comment the user wrote by hand survives the settings window.
        QFile file(f.home.configPath());
        QVERIFY(file.open(QIODevice::Append));
        file.write("# my own note\n");
        file.close();
        gui::SettingsDialog dialog(f.paths, f.home.configPath());
        dialog.show();
        QTRY_VERIFY(dialog.tabs()->isEnabled()); // once the configuration has been read
        type(child<QLineEdit>(&dialog, "newRoot"), f.home.home() + QStringLiteral("/more"));
        // Enter adds the folder; it does not press Save.
        QTest::keyClick(child<QLineEdit>(&dialog, "newRoot"), Qt::Key_Return);
        QCOMPARE(child<QListWidget>(&dialog, "roots")->count(), 2);
        QTest::qWait(300); // a save would have closed it by now
        QVERIFY(dialog.isVisible());
        auto *daily = child<QSpinBox>(&dialog, "keepDaily");
        daily->setValue(7);
        QVERIFY(
            child<QLabel>(&dialog, "keepExplanation")->text().contains(QStringLiteral("7 day")));
        child<QSpinBox>(&dialog, "compression")->setValue(9);
        click(child<QCheckBox>(&dialog, "oneFileSystem"));

        // A sampled check, with its result in words.
        dialog.tabs()->setCurrentIndex(3);
        QSignalSpy checked(&dialog, &gui::SettingsDialog::checkFinished);
        click(child<QPushButton>(&dialog, "check"));
        QVERIFY(checked.wait(60000));
        QCOMPARE(checked.at(0).at(0).toBool(), true);
        QVERIFY2(
            child<QLabel>(&dialog, "checkResult")->text().contains(QStringLiteral("No damage")),
            qPrintable(child<QLabel>(&dialog, "checkResult")->text()));

        dialog.accept();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted)); // saved on a worker
        auto config = client::ClientConfig::load(f.home.configPath(), f.paths);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QCOMPARE(config->roots.size(), 2);
        QCOMPARE(config->retention.daily, 7);
        QCOMPARE(config->compression, 9);
        QVERIFY(config->oneFileSystem);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("# my own note"));
        // obnam-cli reads what was saved.
        const auto r = f.home.run({QStringLiteral("config")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void theHistoryShowsWarningsThatCanBeCopied()
    {
        Fixture f;
        // A run of obnam-cli that met unreadable files, as it records it.
        client::Run run;
        run.started = QDateTime::currentDateTime().addSecs(-60);
        run.durationSeconds = 12;
        run.files = 40;
        run.outcome = client::Run::SucceededWithWarnings;
        run.program = QStringLiteral("obnam-cli");
        run.warnings = {QStringLiteral("/home/u/private/a: Permission denied"),
                        QStringLiteral("/home/u/private/b: Permission denied")};
        QVERIFY(client::RunHistory(f.paths).append(run));
        MainWindow window(f.paths, f.home.configPath());
        window.show();
        auto *table = child<QTableView>(&window, "history");
        QTRY_COMPARE(table->model()->rowCount(), 1);
        const QModelIndex outcome = table->model()->index(0, table->model()->columnCount() - 1);
        QVERIFY(outcome.data().toString().contains(QStringLiteral("2 warnings")));
        QVERIFY(!outcome.data(Qt::DecorationRole).value<QIcon>().isNull()); // and in words
        auto *show = child<QPushButton>(&window, "showWarnings");
        QVERIFY(!show->isEnabled());
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down); // from the keyboard
        QTRY_VERIFY(show->isEnabled());
        QTest::keyClick(table, Qt::Key_Return); // opens the run's warnings, as the button does
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("warningsDialog"))));
        QCOMPARE(child<QPlainTextEdit>(dialog, "warningList")->toPlainText(),
                 run.warnings.join(QLatin1Char('\n')));
        QPushButton *copy = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            if (b->text().remove(QLatin1Char('&')) == QStringLiteral("Copy all"))
                copy = b;
        click(copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), run.warnings.join(QLatin1Char('\n')));
    }

    void aSecondLaunchRaisesTheFirst()
    {
        QTemporaryDir dir;
        gui::SingleInstance first(dir.path(), QStringLiteral("gui.socket"));
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &gui::SingleInstance::activated);
        // A second launch finds the first from another thread, as another process would.
        bool secondIsFirst = true;
        std::thread other([&] {
            gui::SingleInstance second(dir.path(), QStringLiteral("gui.socket"));
            secondIsFirst = second.claim();
        });
        QTRY_VERIFY(activated.count() == 1);
        other.join();
        QVERIFY(!secondIsFirst);
        // A socket left by an instance that is gone does not stop the next one.
        QFile::remove(dir.filePath(QStringLiteral("stale.socket")));
        QVERIFY(writeFile(QFile::encodeName(dir.filePath(QStringLiteral("stale.socket"))), ""));
        gui::SingleInstance third(dir.path(), QStringLiteral("stale.socket"));
        QVERIFY(third.claim());
    }
};

QTEST_MAIN(TestGuiWindow)
#include "tst_guiwindow.moc"
