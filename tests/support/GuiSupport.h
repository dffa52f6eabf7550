#pragma once

// Driving real widgets from a test: clicks and typing go through QTest, as a person's would.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QWidget>
#include <QtTest>

namespace obnam::test {

// The offscreen platform warns about every window it cannot resize as a window manager
// would; that says nothing about the code under test and drowns what does.
inline void quietOffscreenPlatform()
{
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message.contains(QLatin1String("does not support propagateSizeHints")))
                return;
            if (previous)
                previous(type, context, message);
        });
}

inline void click(QAbstractButton *button)
{
    QVERIFY2(button, "no such button");
    QVERIFY2(button->isEnabled(), qPrintable(button->text() + QStringLiteral(" is disabled")));
    // A check box or radio button reacts to its indicator and label, not to empty space
    // its layout gave it: click where a person would.
    const bool indicator =
        qobject_cast<QCheckBox *>(button) || qobject_cast<QRadioButton *>(button);
    const QPoint at = indicator ? QPoint(qMin(8, button->width() / 2), button->height() / 2)
                                : button->rect().center();
    QTest::mouseClick(button, Qt::LeftButton, Qt::NoModifier, at);
}

// A file with its folders.
inline bool putFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

inline void type(QLineEdit *edit, const QString &text)
{
    QVERIFY2(edit, "no such field");
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

template <typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

// The top-level widget of type T that is showing now (a dialog opened with open()).
template <typename T> T *shownDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
            return d;
    return nullptr;
}

} // namespace obnam::test
