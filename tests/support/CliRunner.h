#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace obnam::test {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

// A scratch HOME with XDG directories below it, for running obnam-cli commands either
// in-process (through cli::run with captured streams) or as the real binary.
class CliHome
{
public:
    CliHome();

    QString path() const { return m_dir.path(); }
    QString home() const { return m_dir.path() + QStringLiteral("/home"); }
    QString configPath() const { return home() + QStringLiteral("/.config/obnam/obnam.yaml"); }
    QProcessEnvironment env() const;

    // Writes obnam.yaml with `body` (YAML text); returns its path.
    QString writeConfig(const QByteArray &body) const;
    // A config backing up `roots` to a repository in this home.
    QString writeSimpleConfig(const QStringList &roots) const;
    QString repositoryPath() const { return m_dir.path() + QStringLiteral("/repo"); }

    // In-process: cli::run() with this HOME, optional extra environment and prompt answers.
    CliRun run(const QStringList &args, const QProcessEnvironment &extra = {},
               const QList<QByteArray> &promptAnswers = {}) const;

    // The real binary, started with this HOME and the extra environment; stdin is closed.
    // `inChild` runs in the child before the binary is executed (async-signal-safe calls only).
    std::unique_ptr<QProcess> start(const QStringList &args, const QProcessEnvironment &extra = {},
                                    const std::function<void()> &inChild = {}) const;
    // Waits for a started binary (up to ten minutes) and collects what it printed.
    static CliRun finish(QProcess &process);
    CliRun runBinary(const QStringList &args, const QProcessEnvironment &extra = {},
                     const std::function<void()> &inChild = {}) const;

    // Restores `generation` into a new directory below this home (in-process, or through the
    // real binary) and compares it with `source` by manifest: empty when they are the same,
    // else what differs or why the restore failed.
    QString restoreAndCompare(const QString &source, const QProcessEnvironment &extra = {},
                              const QString &generation = QStringLiteral("latest"),
                              bool binary = false) const;

private:
    QTemporaryDir m_dir;
};

} // namespace obnam::test
