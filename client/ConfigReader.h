#pragma once

#include "support/Result.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <sys/stat.h>

namespace obnam::client {

// Each reader names the key in its error, so a user knows exactly what to fix.
class ConfigReader
{
public:
    ConfigReader(const YAML::Node &root, QString file)
        : m_root(root)
        , m_file(std::move(file))
    {}

    Error error(const QString &key, const QString &what) const
    {
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("obnam", "configuration key '%1' %2").arg(key, what),
            m_file);
    }

    bool has(const char *key) const { return bool(m_root[key]); }

    Result<QString> string(const char *key) const
    {
        const YAML::Node n = m_root[key];
        if (!n.IsScalar())
            return error(QLatin1String(key), QStringLiteral("must be a string"));
        return QString::fromStdString(n.Scalar());
    }

    Result<bool> boolean(const char *key) const
    {
        const YAML::Node n = m_root[key];
        bool value = false;
        if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
            return error(QLatin1String(key), QStringLiteral("must be true or false"));
        return value;
    }

    Result<qint64> integer(const char *key) const
    {
        const YAML::Node n = m_root[key];
        long long value = 0;
        if (!n.IsScalar() || !YAML::convert<long long>::decode(n, value))
            return error(QLatin1String(key), QStringLiteral("must be a whole number"));
        return qint64(value);
    }

    // A warning when the configuration file, which holds the secret `key`, can be read by other
    // users: a file shared on purpose is not refused, but the warning says how to close it or
    // where else the secret can live (`elsewhere`).
    std::optional<QString> readableSecretWarning(const char *key, const QString &elsewhere) const
    {
        struct stat st
        {};
        if (::stat(QFile::encodeName(m_file).constData(), &st) != 0 || (st.st_mode & 077) == 0)
            return std::nullopt;
        return QStringLiteral("%1 holds %2 and can be read by other users (mode %3): run 'chmod "
                              "600 %1', or move %4")
            .arg(m_file, QLatin1String(key))
            .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0'))
            .arg(elsewhere);
    }

    Result<QStringList> strings(const char *key) const
    {
        const YAML::Node n = m_root[key];
        if (!n.IsSequence())
            return error(QLatin1String(key), QStringLiteral("must be a list of strings"));
        QStringList out;
        for (const YAML::Node &item : n) {
            if (!item.IsScalar())
                return error(QLatin1String(key), QStringLiteral("must be a list of strings"));
            out.append(QString::fromStdString(item.Scalar()));
        }
        return out;
    }

private:
    const YAML::Node &m_root;
    QString m_file;
};

} // namespace obnam::client
