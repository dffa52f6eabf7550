#include "Paths.h"

namespace obnam::client {

Paths::Paths(QProcessEnvironment environment)
    : m_env(std::move(environment))
{}

QString Paths::xdg(const char *variable, const char *fallback) const
{
    const QString value = m_env.value(QLatin1String(variable));
    // The XDG specification says relative values are invalid and must be ignored.
    if (!value.isEmpty() && value.startsWith(QLatin1Char('/')))
        return value;
    return home() + QLatin1Char('/') + QLatin1String(fallback);
}

QString Paths::configHome() const
{
    return xdg("XDG_CONFIG_HOME", ".config");
}

QString Paths::cacheHome() const
{
    return xdg("XDG_CACHE_HOME", ".cache");
}

QString Paths::dataHome() const
{
    return xdg("XDG_DATA_HOME", ".local/share");
}

QString Paths::stateHome() const
{
    return xdg("XDG_STATE_HOME", ".local/state");
}

QString Paths::defaultConfigFile() const
{
    return configHome() + QStringLiteral("/obnam/obnam.yaml");
}

QString Paths::defaultRepository() const
{
    return dataHome() + QStringLiteral("/obnam/repository");
}

QString Paths::cacheRoot() const
{
    return cacheHome() + QStringLiteral("/obnam");
}

QString Paths::repositoryCache(const QString &repositoryId) const
{
    return cacheRoot() + QLatin1Char('/') + repositoryId;
}

QString Paths::objectCache(const QString &repositoryId) const
{
    return repositoryCache(repositoryId) + QStringLiteral("/objects");
}

QString Paths::expandHome(const QString &path) const
{
    if (path == QStringLiteral("~"))
        return home();
    if (path.startsWith(QStringLiteral("~/")))
        return home() + path.mid(1);
    return path;
}

QString Paths::abbreviateHome(const QString &path) const
{
    const QString h = home();
    if (path == h)
        return QStringLiteral("~");
    if (!h.isEmpty() && path.startsWith(h + QLatin1Char('/')))
        return QLatin1Char('~') + path.mid(h.size());
    return path;
}

} // namespace obnam::client
