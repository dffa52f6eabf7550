#pragma once

#include <QAbstractButton>
#include <QEvent>
#include <QKeyEvent>
#include <QObject>

namespace obnam::gui {

// Enter in a field clicks the button beside it ("Add") and goes no further: without it, the
// dialog's default button (Save, Next) would take the Enter meant for that field.
class EnterClicks : public QObject
{
public:
    EnterClicks(QObject *field, QAbstractButton *button)
        : QObject(field)
        , m_button(button)
    {
        field->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                m_button->click();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QAbstractButton *m_button;
};

} // namespace obnam::gui
