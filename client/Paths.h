#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace obnam::client {

// Where a client keeps its files: the XDG base directories of an environment (a test passes
// its own) and, in one place, the layout below them.
//
//   $XDG_CONFIG_HOME/obnam/obnam.yaml        configuration; passwords.yaml beside it
//   $XDG_DATA_HOME/obnam/repository          the default local repository
//   $XDG_CACHE_HOME/obnam/                   the cache (0700, CACHEDIR.TAG)
//   $XDG_STATE_HOME/obnam/runs.jsonl         the runs of backups; schedule.json the scheduler's
//   $XDG_CACHE_HOME/obnam/<repository id>/   one repository's generation databases and scratch
//                                            files; objects/ holds a server's index copies
class Paths
{
public:
    explicit Paths(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    const QProcessEnvironment &environment() const { return m_env; }
    QString home() const { return m_env.value(QStringLiteral("HOME")); }
    // $XDG_CONFIG_HOME or ~/.config, and likewise for the cache and data directories.
    QString configHome() const;
    QString cacheHome() const;
    QString dataHome() const;
    QString stateHome() const; // $XDG_STATE_HOME or ~/.local/state: run history, schedule

    QString defaultConfigFile() const;
    QString defaultRepository() const;
    QString cacheRoot() const;
    QString repositoryCache(const QString &repositoryId) const;
    QString objectCache(const QString &repositoryId) const;

    // "~" and "~/..." as the home directory; anything else as it is.
    QString expandHome(const QString &path) const;
    // The reverse, for showing a path: the home directory and what is below it as "~/...".
    QString abbreviateHome(const QString &path) const;

private:
    QString xdg(const char *variable, const char *fallback) const;

    QProcessEnvironment m_env;
};

} // namespace obnam::client
