#include "ObjectName.h"

#include <QCoreApplication>
#include <QStringList>

namespace obnam::objectname {

namespace {

bool isHex(QStringView s, qsizetype minLen, qsizetype maxLen)
{
    if (s.size() < minLen || s.size() > maxLen)
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

Error invalid(const QString &name)
{
    return makeError(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("obnam", "invalid object name"), name);
}

const QStringList &flatKinds()
{
    static const QStringList kinds{QStringLiteral("keys"), QStringLiteral("locks"),
                                   QStringLiteral("index"), QStringLiteral("generations")};
    return kinds;
}

} // namespace

Status validate(const QString &name)
{
    if (name == QStringLiteral("config"))
        return {};
    const QStringList parts = name.split(QLatin1Char('/'));
    if (parts.size() == 2 && flatKinds().contains(parts[0]) && isHex(parts[1], 16, 64))
        return {};
    if (parts.size() == 3 && parts[0] == QStringLiteral("packs") && isHex(parts[1], 2, 2) &&
        isHex(parts[2], 16, 64) && parts[2].startsWith(parts[1]))
        return {};
    return invalid(name);
}

Status validatePrefix(const QString &prefix)
{
    if (prefix.isEmpty() || prefix == QStringLiteral("packs/"))
        return {};
    if (!prefix.endsWith(QLatin1Char('/')))
        return invalid(prefix);
    const QStringList parts = prefix.chopped(1).split(QLatin1Char('/'));
    if (parts.size() == 1 && flatKinds().contains(parts[0]))
        return {};
    if (parts.size() == 2 && parts[0] == QStringLiteral("packs") && isHex(parts[1], 2, 2))
        return {};
    return invalid(prefix);
}

QString pack(const QString &hexId)
{
    return QStringLiteral("packs/") + hexId.left(2) + QLatin1Char('/') + hexId;
}

QString idOf(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

} // namespace obnam::objectname
