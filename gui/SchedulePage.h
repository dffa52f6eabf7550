#pragma once

#include "ClientConfig.h"

#include <QList>
#include <QPair>
#include <QVariant>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTimeEdit;

namespace obnam::gui {

// The settings' schedule page: when backups run by themselves, what may hold them back, what
// the user is told, and whether obnam-gui starts in the tray at login.
class SchedulePage : public QWidget
{
    Q_OBJECT

public:
    explicit SchedulePage(QWidget *parent = nullptr);

    void fill(const client::Schedule &schedule, bool startsAtLogin);
    // The schedule_* keys as obnam.yaml is to hold them.
    QList<QPair<QString, QVariant>> values() const;
    bool startAtLogin() const;

private:
    void updateEnabled();

    QComboBox *m_every;
    QTimeEdit *m_time;
    QLabel *m_timeLabel;
    QComboBox *m_day;
    QLabel *m_dayLabel;
    QCheckBox *m_onBattery;
    QCheckBox *m_onMetered;
    QCheckBox *m_notifySuccess;
    QSpinBox *m_overdueDays;
    QCheckBox *m_login;
    QLabel *m_explanation;
};

} // namespace obnam::gui
