#include "Launcher.h"

#include "BackupRunner.h"
#include "BrowserWindow.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "ScheduledBackups.h"
#include "SetupWizard.h"
#include "SystemSources.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTimer>

namespace obnam::gui {

// The real clock, power, network and disk, kept together for the scheduler.
class SystemSourcesBundle
{
public:
    SystemClock clock;
    UPowerSource power;
    NetworkInfoSource network;
    FileDiskSource disk;
};

Launcher::Launcher(client::Paths paths, QString configPath, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_configPath(std::move(configPath))
{}

Launcher::~Launcher()
{
    delete m_wizard;
    delete m_window;
    delete m_tray;
    delete m_scheduled;
    delete m_runner; // waits for a running backup's worker
}

MainWindow *Launcher::window() const
{
    return m_window;
}

SetupWizard *Launcher::wizard() const
{
    return m_wizard;
}

void Launcher::start()
{
    if (QFileInfo::exists(m_configPath)) {
        startScheduler();
        if (!m_trayOnly)
            showWindow(false);
        return;
    }
    m_wizard = new SetupWizard(m_paths, m_configPath);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QWizard::accepted, this, [this] {
        // Cancelled before the passphrase page: nothing was written, and nothing to show.
        if (!QFileInfo::exists(m_configPath))
            return;
        startScheduler();
        showWindow(m_wizard->startBackupNow());
    });
    m_wizard->show();
}

void Launcher::startScheduler()
{
    if (m_scheduled)
        return;
    m_runner = new BackupRunner(m_paths);
    m_sources = std::make_unique<SystemSourcesBundle>();
    m_notifier = new DesktopNotifier(this);
    ScheduledBackups::Sources sources{&m_sources->clock,
                                      &m_sources->power,
                                      &m_sources->network,
                                      &m_sources->disk,
                                      {&m_sources->power, &m_sources->network}};
    m_scheduled = new ScheduledBackups(m_paths, m_configPath, m_runner, sources, m_notifier);
    m_tray = new TrayIcon(m_scheduled, m_runner);
    m_notifier->setTray(m_tray->trayIcon());
    connect(m_tray, &TrayIcon::openWindow, this, [this] { showWindow(false); });
    connect(m_tray, &TrayIcon::browse, this, [this] {
        showWindow(false);
        m_window->openBrowser();
    });
    connect(m_tray, &TrayIcon::quit, this, [this] {
        // A running backup stops at its next safe point; nothing stored is lost.
        if (m_runner->busy())
            m_runner->cancel();
        QApplication::quit();
    });
    connect(m_scheduled, &ScheduledBackups::changed, this, &Launcher::updateTray);
    m_scheduled->start();
    showTray(0);
}

void Launcher::updateTray()
{
    // The tray is there for the schedule: without one, obnam-gui is a window that ends when
    // it is closed, unless it was started for the tray.
    const bool scheduled = m_scheduled->schedule().enabled();
    // The window can run a schedule only while it is open: where no tray can keep obnam-gui
    // running, the user is told so (once), and offered the timer.
    if (m_trayChecked && !m_trayAvailable && !m_trayOnly && scheduled && !m_noTrayOffered) {
        m_noTrayOffered = true;
        noTray();
    }
    const bool wanted = m_trayAvailable && (m_trayOnly || scheduled);
    if (wanted == m_tray->trayIcon()->isVisible())
        return;
    m_tray->trayIcon()->setVisible(wanted);
    QApplication::setQuitOnLastWindowClosed(!wanted);
    if (m_window)
        m_window->setInTray(wanted);
}

void Launcher::showTray(int waitedMs)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayAvailable = true;
        m_trayChecked = true;
        updateTray();
        return;
    }
    // At login the panel may start after obnam-gui: wait for its tray a little.
    if (m_trayOnly && waitedMs < m_trayWaitMs) {
        QTimer::singleShot(1000, this, [this, waitedMs] { showTray(waitedMs + 1000); });
        return;
    }
    m_trayChecked = true;
    if (m_trayOnly) {
        m_noTrayOffered = true;
        noTray();
    } else {
        updateTray();
    }
}

void Launcher::noTray()
{
    // Said once: a login that starts obnam-gui --tray on such a desktop stays quiet afterwards.
    const QString marker = m_paths.stateHome() + QStringLiteral("/obnam/no-tray-said");
    // Without a tray, --tray has nothing to show: it ends once the user has answered.
    const auto done = [this] {
        if (m_trayOnly)
            QApplication::quit();
    };
    if (QFile::exists(marker)) {
        done();
        return;
    }
    QDir().mkpath(QFileInfo(marker).path());
    QFile(marker).open(QIODevice::WriteOnly);
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("No system tray"),
        tr("This desktop has no system tray, so Obnam cannot wait there for the next scheduled "
           "backup.\n\nA systemd user timer can run the same schedule without Obnam being open: "
           "it backs up even when nobody is logged in to a desktop."));
    box->setObjectName(QStringLiteral("noTray"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *timer = box->addButton(tr("&Use the timer"), QMessageBox::AcceptRole);
    timer->setObjectName(QStringLiteral("useTimer"));
    box->addButton(tr("&Not now"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::buttonClicked, this, [this, timer, done](QAbstractButton *b) {
        if (b != timer) {
            done();
            return;
        }
        // obnam-cli comes in the same package and writes the units the CLI documents.
        const QString cli =
            QDir(QApplication::applicationDirPath()).filePath(QStringLiteral("obnam-cli"));
        auto *p = new QProcess(this);
        const auto answer = [done](bool ok, const QString &said) {
            auto *reply = new QMessageBox(
                ok ? QMessageBox::Information : QMessageBox::Warning, tr("Scheduled backups"),
                ok ? tr("The timer is set up.") : tr("The timer could not be set up."));
            reply->setObjectName(QStringLiteral("timerAnswer"));
            reply->setDetailedText(said);
            reply->setAttribute(Qt::WA_DeleteOnClose);
            connect(reply, &QMessageBox::finished, qApp, done);
            reply->open();
        };
        connect(p, &QProcess::finished, this, [p, answer](int code) {
            p->deleteLater();
            answer(code == 0,
                   QString::fromLocal8Bit(p->readAllStandardOutput() + p->readAllStandardError()));
        });
        // Not started at all (no obnam-cli): finished() never comes.
        connect(p, &QProcess::errorOccurred, this, [p, answer](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            p->deleteLater();
            answer(false, p->errorString());
        });
        p->start(QFileInfo::exists(cli) ? cli : QStringLiteral("obnam-cli"),
                 {QStringLiteral("--config"), m_configPath, QStringLiteral("schedule"),
                  QStringLiteral("install")});
    });
    box->open();
}

void Launcher::showWindow(bool backUpNow)
{
    if (!m_window) {
        m_window = new MainWindow(m_paths, m_configPath, m_runner);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        m_window->setInTray(m_tray && m_tray->trayIcon()->isVisible());
        if (m_scheduled)
            connect(m_window, &MainWindow::settingsChanged, m_scheduled, &ScheduledBackups::reload);
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    if (backUpNow)
        m_window->backUpNow();
}

void Launcher::raise()
{
    if (!m_window && !m_wizard && m_tray) {
        showWindow(false); // a launch from the menu while obnam-gui sat in the tray
        return;
    }
    QWidget *shown = m_window ? static_cast<QWidget *>(m_window) : static_cast<QWidget *>(m_wizard);
    if (!shown)
        return;
    shown->show();
    shown->setWindowState((shown->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    shown->raise();
    shown->activateWindow();
}

} // namespace obnam::gui
