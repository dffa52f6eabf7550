#include "SchedulePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace obnam::gui {

using Every = client::Schedule::Every;

SchedulePage::SchedulePage(QWidget *parent)
    : QWidget(parent)
    , m_every(new QComboBox(this))
    , m_time(new QTimeEdit(this))
    , m_timeLabel(new QLabel(tr("&Time:"), this))
    , m_day(new QComboBox(this))
    , m_dayLabel(new QLabel(tr("Da&y:"), this))
    , m_onBattery(new QCheckBox(tr("Also on &battery power"), this))
    , m_onMetered(new QCheckBox(tr("Also over &metered connections (to a server)"), this))
    , m_notifySuccess(new QCheckBox(tr("&Notify me of backups that went well, too"), this))
    , m_overdueDays(new QSpinBox(this))
    , m_login(new QCheckBox(tr("Start Obnam in the tray when I &log in"), this))
    , m_explanation(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Obnam backs up by itself while it runs in the tray. A backup "
                                "missed while the computer was off or asleep runs soon after "
                                "it is back, once. Failed backups are always notified."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_every->setObjectName(QStringLiteral("scheduleEvery"));
    m_every->addItem(tr("Never (only when I click Back up now)"), int(Every::Off));
    m_every->addItem(tr("Every hour"), int(Every::Hourly));
    m_every->addItem(tr("Every day"), int(Every::Daily));
    m_every->addItem(tr("Every week"), int(Every::Weekly));
    m_time->setObjectName(QStringLiteral("scheduleTime"));
    m_time->setDisplayFormat(QLocale().timeFormat(QLocale::ShortFormat));
    m_day->setObjectName(QStringLiteral("scheduleDay"));
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d)
        m_day->addItem(QLocale().dayName(d), d);
    m_onBattery->setObjectName(QStringLiteral("onBattery"));
    m_onMetered->setObjectName(QStringLiteral("onMetered"));
    m_notifySuccess->setObjectName(QStringLiteral("notifySuccess"));
    m_overdueDays->setObjectName(QStringLiteral("overdueDays"));
    m_overdueDays->setRange(1, 365);
    m_overdueDays->setSuffix(tr(" days"));
    m_login->setObjectName(QStringLiteral("startAtLogin"));

    auto *form = new QFormLayout;
    auto *everyLabel = new QLabel(tr("&When:"), this);
    everyLabel->setBuddy(m_every);
    form->addRow(everyLabel, m_every);
    m_timeLabel->setBuddy(m_time);
    form->addRow(m_timeLabel, m_time);
    m_dayLabel->setBuddy(m_day);
    form->addRow(m_dayLabel, m_day);
    auto *overdueLabel = new QLabel(tr("Say backups are o&verdue after:"), this);
    overdueLabel->setBuddy(m_overdueDays);
    form->addRow(overdueLabel, m_overdueDays);
    layout->addLayout(form);
    layout->addWidget(m_onBattery);
    layout->addWidget(m_onMetered);
    layout->addWidget(m_notifySuccess);
    layout->addWidget(m_login);
    m_explanation->setObjectName(QStringLiteral("scheduleExplanation"));
    m_explanation->setWordWrap(true);
    layout->addWidget(m_explanation);
    layout->addStretch();

    connect(m_every, &QComboBox::currentIndexChanged, this, &SchedulePage::updateEnabled);
    connect(m_time, &QTimeEdit::timeChanged, this, &SchedulePage::updateEnabled);
    connect(m_day, &QComboBox::currentIndexChanged, this, &SchedulePage::updateEnabled);
    updateEnabled();
}

void SchedulePage::fill(const client::Schedule &s, bool startsAtLogin)
{
    m_every->setCurrentIndex(m_every->findData(int(s.every)));
    m_time->setTime(s.at);
    m_day->setCurrentIndex(m_day->findData(s.weekday));
    m_onBattery->setChecked(s.onBattery);
    m_onMetered->setChecked(s.onMetered);
    m_notifySuccess->setChecked(s.notifySuccess);
    m_overdueDays->setValue(s.overdueDays);
    m_login->setChecked(startsAtLogin);
    updateEnabled();
}

QList<QPair<QString, QVariant>> SchedulePage::values() const
{
    const auto every = Every(m_every->currentData().toInt());
    return {
        {QStringLiteral("schedule"), client::Schedule::everyName(every)},
        {QStringLiteral("schedule_time"), m_time->time().toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("schedule_day"),
         client::Schedule::weekdayName(m_day->currentData().toInt())},
        {QStringLiteral("schedule_on_battery"), m_onBattery->isChecked()},
        {QStringLiteral("schedule_on_metered"), m_onMetered->isChecked()},
        {QStringLiteral("schedule_notify_success"), m_notifySuccess->isChecked()},
        {QStringLiteral("schedule_overdue_days"), m_overdueDays->value()},
    };
}

bool SchedulePage::startAtLogin() const
{
    return m_login->isChecked();
}

void SchedulePage::updateEnabled()
{
    const auto every = Every(m_every->currentData().toInt());
    const bool on = every != Every::Off;
    m_time->setEnabled(on);
    m_timeLabel->setEnabled(on);
    m_time->setDisplayFormat(every == Every::Hourly ? QStringLiteral("mm")
                                                    : QLocale().timeFormat(QLocale::ShortFormat));
    m_timeLabel->setText(every == Every::Hourly ? tr("Minutes past the ho&ur:") : tr("&Time:"));
    m_day->setEnabled(every == Every::Weekly);
    m_dayLabel->setEnabled(every == Every::Weekly);
    for (QWidget *w :
         {static_cast<QWidget *>(m_onBattery), static_cast<QWidget *>(m_onMetered),
          static_cast<QWidget *>(m_notifySuccess), static_cast<QWidget *>(m_overdueDays)})
        w->setEnabled(on);
    client::Schedule s;
    s.every = every;
    s.at = m_time->time();
    s.weekday = m_day->currentData().toInt();
    m_explanation->setText(
        on ? tr("Backups run %1. Obnam must be running (in the tray) for them to happen; on a "
                "desktop without a tray, obnam-cli schedule install sets up a timer instead.")
                 .arg(s.describe())
           : tr("No backups run by themselves."));
}

} // namespace obnam::gui
