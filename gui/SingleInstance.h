#pragma once

#include <QObject>

class QLocalServer;

namespace obnam::gui {

// One obnam-gui per user: the first launch listens on a socket in the user's runtime
// directory; a later launch finds it, asks it to show its window, and ends.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `name` is the socket's file name; `directory` where it lives ($XDG_RUNTIME_DIR).
    SingleInstance(QString directory, QString name, QObject *parent = nullptr);

    // True when this is the first instance (it listens from now on); false when another one
    // runs and was asked to show itself.
    bool claim();
    QString socketPath() const;

Q_SIGNALS:
    // Another launch asked for the window.
    void activated();

private:
    QString m_directory;
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace obnam::gui
