#include "CliContext.h"

namespace obnam::cli {

namespace {
QString xdg(const QProcessEnvironment &env, const char *var, const char *fallback)
{
    const QString value = env.value(QLatin1String(var));
    // The XDG spec says relative values are invalid and must be ignored.
    if (!value.isEmpty() && value.startsWith(QLatin1Char('/')))
        return value;
    return env.value(QStringLiteral("HOME")) + QLatin1Char('/') + QLatin1String(fallback);
}
} // namespace

QString CliContext::configHome() const
{
    return xdg(env, "XDG_CONFIG_HOME", ".config");
}

QString CliContext::cacheHome() const
{
    return xdg(env, "XDG_CACHE_HOME", ".cache");
}

QString CliContext::dataHome() const
{
    return xdg(env, "XDG_DATA_HOME", ".local/share");
}

} // namespace obnam::cli
