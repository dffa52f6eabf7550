#include "TrayIcon.h"

#include "ScheduledBackups.h"
#include "Text.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

namespace obnam::gui {

namespace {

using Kind = client::ScheduleDecision::Kind;
using Reason = client::ScheduleDecision::Reason;

QColor badgeColour(TrayIcon::State state)
{
    switch (state) {
    case TrayIcon::State::Idle:
        return QColor(0x2e, 0x7d, 0x32);
    case TrayIcon::State::Running:
        return QColor(0x15, 0x65, 0xc0);
    case TrayIcon::State::Paused:
        return QColor(0x61, 0x61, 0x61);
    case TrayIcon::State::Overdue:
        return QColor(0xb2, 0x6a, 0x00);
    case TrayIcon::State::Error:
        return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::black;
}

// The state's shape in white on a round badge in the lower right corner, on a unit square.
void drawBadge(QPainter &p, TrayIcon::State state, qreal size)
{
    const qreal d = size * 0.62;
    const QRectF badge(size - d, size - d, d, d);
    p.setPen(QPen(Qt::white, qMax(1.0, size / 22.0)));
    p.setBrush(badgeColour(state));
    p.drawEllipse(badge.adjusted(0.5, 0.5, -0.5, -0.5));
    const qreal u = d / 10.0; // the badge's own unit
    const QPointF o = badge.topLeft();
    const auto at = [&](qreal x, qreal y) {
        return o + QPointF(x * u, y * u);
    };
    QPen mark(Qt::white, qMax(1.5, 1.6 * u), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(mark);
    p.setBrush(Qt::NoBrush);
    switch (state) {
    case TrayIcon::State::Idle: {
        const QPointF check[] = {at(2.8, 5.3), at(4.4, 6.9), at(7.3, 3.5)};
        p.drawPolyline(check, 3);
        break;
    }
    case TrayIcon::State::Running: {
        p.drawLine(at(5, 7.6), at(5, 2.8));
        const QPointF head[] = {at(2.9, 4.8), at(5, 2.6), at(7.1, 4.8)};
        p.drawPolyline(head, 3);
        break;
    }
    case TrayIcon::State::Paused:
        p.drawLine(at(3.7, 3), at(3.7, 7));
        p.drawLine(at(6.3, 3), at(6.3, 7));
        break;
    case TrayIcon::State::Overdue:
        p.drawLine(at(5, 5), at(5, 2.6));
        p.drawLine(at(5, 5), at(7, 6.2));
        break;
    case TrayIcon::State::Error:
        p.drawLine(at(3.2, 3.2), at(6.8, 6.8));
        p.drawLine(at(6.8, 3.2), at(3.2, 6.8));
        break;
    }
}

} // namespace

QIcon TrayIcon::icon(State state)
{
    const QIcon base(QStringLiteral(":/icons/obnam.svg"));
    QIcon out;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        base.paint(&p, QRect(0, 0, size, size));
        drawBadge(p, state, size);
        p.end();
        out.addPixmap(pixmap);
    }
    return out;
}

TrayIcon::TrayIcon(ScheduledBackups *backups, BackupRunner *runner, QObject *parent)
    : QObject(parent)
    , m_backups(backups)
    , m_runner(runner)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_backUp = m_menu->addAction(tr("&Back up now"), m_backups, &ScheduledBackups::backUpNow);
    m_backUp->setObjectName(QStringLiteral("backUpNow"));
    m_pauseMenu = m_menu->addMenu(tr("&Pause scheduled backups"));
    m_pauseMenu->setObjectName(QStringLiteral("pauseMenu"));
    // By the scheduler's clock, the one the pause is compared with.
    QAction *hour = m_pauseMenu->addAction(tr("For one &hour"), this, [this] {
        m_backups->pause(m_backups->scheduler().clock().now().addSecs(3600));
    });
    hour->setObjectName(QStringLiteral("pauseHour"));
    QAction *tomorrow = m_pauseMenu->addAction(tr("Until &tomorrow"), this, [this] {
        const client::Clock &clock = m_backups->scheduler().clock();
        const QDate next = clock.now().toTimeZone(clock.zone()).date().addDays(1);
        m_backups->pause(QDateTime(next, QTime(0, 0), clock.zone()).toUTC());
    });
    tomorrow->setObjectName(QStringLiteral("pauseTomorrow"));
    QAction *resumed =
        m_pauseMenu->addAction(tr("Until I &resume them"), this, [this] { m_backups->pause({}); });
    resumed->setObjectName(QStringLiteral("pauseUntilResumed"));
    m_resume =
        m_menu->addAction(tr("&Resume scheduled backups"), m_backups, &ScheduledBackups::resume);
    m_resume->setObjectName(QStringLiteral("resume"));
    m_menu->addSeparator();
    QAction *open = m_menu->addAction(tr("&Open Obnam"), this, &TrayIcon::openWindow);
    open->setObjectName(QStringLiteral("openWindow"));
    QAction *browse = m_menu->addAction(tr("Bro&wse backups…"), this, &TrayIcon::browse);
    browse->setObjectName(QStringLiteral("browse"));
    m_menu->addSeparator();
    QAction *quitAction = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quit);
    quitAction->setObjectName(QStringLiteral("quit"));
    m_tray->setContextMenu(m_menu);

    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            Q_EMIT openWindow();
    });
    connect(m_backups, &ScheduledBackups::changed, this, &TrayIcon::update);
    connect(runner, &BackupRunner::progress, this, [this](const OperationProgress &p) {
        m_progress = p;
        m_haveProgress = true;
        update();
    });
    connect(runner, &BackupRunner::stateChanged, this, [this](BackupRunner::State s) {
        if (s == BackupRunner::State::Opening)
            m_haveProgress = false;
        update();
    });
    update();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::show()
{
    m_tray->show();
}

QString TrayIcon::pausedUntil() const
{
    const QDateTime until = m_backups->decision().at;
    if (!until.isValid())
        return tr("Scheduled backups are paused until you resume them.");
    return tr("Scheduled backups are paused until %1.").arg(text::when(until));
}

QString TrayIcon::heldBack() const
{
    switch (m_backups->decision().reason) {
    case Reason::OnBattery:
        return tr("The next backup waits: the computer runs on battery.");
    case Reason::Metered:
        return tr("The next backup waits: the network connection is metered.");
    case Reason::DiskMissing:
        return tr("The next backup waits for the backup disk to be attached.");
    case Reason::BusyElsewhere:
        return tr("The next backup waits: another backup of this computer is running.");
    case Reason::RetryAfterFailure:
        return tr("The next attempt is %1.").arg(text::when(m_backups->decision().at));
    case Reason::CatchingUp:
        return tr("A missed backup runs %1.").arg(text::when(m_backups->decision().at));
    case Reason::None:
        break;
    }
    const client::ScheduleDecision &d = m_backups->decision();
    if (d.kind == Kind::Waiting && d.at.isValid())
        return tr("Next backup %1.").arg(text::when(d.at));
    if (d.kind == Kind::Off)
        return tr("No backups are scheduled.");
    return {};
}

QString TrayIcon::toolTip() const
{
    QStringList lines{QStringLiteral("Obnam")};
    const client::Run &last = m_backups->lastRun();
    const client::ScheduleDecision &d = m_backups->decision();
    switch (m_state) {
    case State::Running:
        if (m_runner && m_runner->state() == BackupRunner::State::Stopping)
            lines << tr("Stopping the backup…");
        else if (!m_haveProgress)
            lines << tr("Starting the backup…");
        else if (m_progress.bytesTotal > 0)
            lines << tr("Backing up: %1 %, %n file(s) looked at", nullptr, int(m_progress.files))
                         .arg(qMin<qint64>(100, m_progress.bytes * 100 / m_progress.bytesTotal));
        else
            lines << tr("Backing up: %n file(s) looked at", nullptr, int(m_progress.files));
        break;
    case State::Paused:
        if (m_runner && m_runner->state() == BackupRunner::State::Paused)
            lines << tr("The backup is paused.");
        else
            lines << pausedUntil();
        break;
    case State::Error:
        lines << tr("The last backup failed: %1").arg(last.message);
        lines << heldBack();
        break;
    case State::Overdue:
        lines
            << (d.lastSuccess.isValid()
                    ? tr("Backups are overdue: the last one was %1.").arg(text::when(d.lastSuccess))
                    : tr("Backups are overdue."));
        lines << heldBack();
        break;
    case State::Idle:
        if (last.started.isValid())
            lines << tr("Last backup %1.").arg(text::when(last.started));
        else
            lines << tr("No backup yet.");
        lines << heldBack();
        break;
    }
    if (!m_backups->configProblem().isEmpty())
        lines << tr("The configuration has a problem: %1").arg(m_backups->configProblem());
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

void TrayIcon::update()
{
    const BackupRunner::State running = m_runner ? m_runner->state() : BackupRunner::State::Idle;
    const client::ScheduleDecision &d = m_backups->decision();
    const client::Run &last = m_backups->lastRun();
    State state = State::Idle;
    if (running == BackupRunner::State::Paused)
        state = State::Paused;
    else if (running != BackupRunner::State::Idle)
        state = State::Running;
    else if (d.kind == Kind::Paused)
        state = State::Paused;
    else if (last.started.isValid() && last.outcome == client::Run::Failed)
        state = State::Error;
    else if (d.overdue)
        state = State::Overdue;

    if (!m_stateSet || state != m_state) {
        m_state = state;
        m_stateSet = true;
        m_tray->setIcon(icon(state));
    }
    m_tray->setToolTip(toolTip());
    const bool pausedSchedule = d.kind == Kind::Paused;
    m_backUp->setEnabled(running == BackupRunner::State::Idle);
    m_pauseMenu->menuAction()->setVisible(!pausedSchedule);
    m_pauseMenu->menuAction()->setEnabled(m_backups->schedule().enabled());
    m_resume->setVisible(pausedSchedule);
}

} // namespace obnam::gui
