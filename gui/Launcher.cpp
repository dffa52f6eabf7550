#include "Launcher.h"

#include "MainWindow.h"
#include "SetupWizard.h"

#include <QApplication>
#include <QFileInfo>

namespace obnam::gui {

Launcher::Launcher(client::Paths paths, QString configPath, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_configPath(std::move(configPath))
{}

Launcher::~Launcher()
{
    delete m_wizard;
    delete m_window;
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
        showWindow(false);
        return;
    }
    m_wizard = new SetupWizard(m_paths, m_configPath);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QWizard::accepted, this, [this] {
        // Cancelled before the passphrase page: nothing was written, and nothing to show.
        if (QFileInfo::exists(m_configPath))
            showWindow(m_wizard->startBackupNow());
    });
    m_wizard->show();
}

void Launcher::showWindow(bool backUpNow)
{
    if (!m_window) {
        m_window = new MainWindow(m_paths, m_configPath);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_window->show();
    if (backUpNow)
        m_window->backUpNow();
}

void Launcher::raise()
{
    QWidget *shown = m_window ? static_cast<QWidget *>(m_window) : static_cast<QWidget *>(m_wizard);
    if (!shown)
        return;
    shown->show();
    shown->setWindowState((shown->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    shown->raise();
    shown->activateWindow();
}

} // namespace obnam::gui
