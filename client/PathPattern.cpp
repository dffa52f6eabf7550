#include "PathPattern.h"

#include <QCoreApplication>

namespace obnam::client {

namespace {

bool hasWildcard(const QString &s)
{
    return s.contains(QLatin1Char('*')) || s.contains(QLatin1Char('?')) ||
           s.contains(QLatin1Char('['));
}

// A LIKE pattern character: % and _ would be wildcards there, and FTS5 only narrows a LIKE
// down without an ESCAPE clause, so they become "any one character" (the regex decides).
QChar likeChar(QChar c)
{
    return (c == QLatin1Char('%') || c == QLatin1Char('_')) ? QLatin1Char('_') : c.toLower();
}

// A glob as a LIKE pattern: each wildcard becomes the LIKE wildcard that admits at least what
// it matches ([...] is one character, as in the regular expression Qt makes of the glob).
QString likeOf(const QString &glob)
{
    QString like;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            like += QLatin1Char('%');
        } else if (c == QLatin1Char('?')) {
            like += QLatin1Char('_');
        } else if (c == QLatin1Char('[')) {
            // A ] right after the bracket (or after its !) is a member, not the end.
            qsizetype j = i + 1;
            if (j < glob.size() &&
                (glob.at(j) == QLatin1Char('!') || glob.at(j) == QLatin1Char('^')))
                ++j;
            if (j < glob.size() && glob.at(j) == QLatin1Char(']'))
                ++j;
            const qsizetype close = glob.indexOf(QLatin1Char(']'), j);
            if (close < 0) {
                like += QLatin1Char('_'); // Qt reads a lone [ in its own way; admit anything
                continue;
            }
            like += QLatin1Char('_');
            i = close;
        } else {
            like += likeChar(c);
        }
    }
    return like;
}

// The glob as a regular expression body in which * and ? stop at a slash, like the backup's
// exclusion patterns.
QString globRegex(const QString &glob)
{
    return QRegularExpression::wildcardToRegularExpression(
        glob, QRegularExpression::UnanchoredWildcardConversion);
}

} // namespace

QByteArray entryName(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    if (slash < 0 || path.size() == 1)
        return path;
    return path.mid(slash + 1);
}

PathPattern::PathPattern(const QString &given)
{
    QString pattern = given;
    while (pattern.size() > 1 && pattern.endsWith(QLatin1Char('/')))
        pattern.chop(1);
    if (pattern.isEmpty()) {
        m_error = QCoreApplication::translate("obnam", "the pattern is empty");
        return;
    }
    m_onPath = pattern.contains(QLatin1Char('/'));
    QString body;
    if (!m_onPath && !hasWildcard(pattern)) {
        body = QRegularExpression::escape(pattern);
        m_like = QLatin1Char('%');
        for (QChar c : pattern)
            m_like += likeChar(c);
        m_like += QLatin1Char('%');
    } else {
        const QString last = pattern.mid(pattern.lastIndexOf(QLatin1Char('/')) + 1);
        m_like = last.isEmpty() ? QStringLiteral("%") : likeOf(last);
        const QString whole = QStringLiteral("(?:") + globRegex(pattern) + QLatin1Char(')');
        if (!m_onPath || pattern.startsWith(QLatin1Char('/')))
            body = QStringLiteral("\\A") + whole + QStringLiteral("\\z");
        else
            body = QStringLiteral("(?:\\A|/)") + whole + QStringLiteral("\\z");
    }
    m_regex = QRegularExpression(body, QRegularExpression::CaseInsensitiveOption);
    if (!m_regex.isValid())
        m_error = QCoreApplication::translate("obnam", "the pattern cannot be used: %1")
                      .arg(m_regex.errorString());
}

bool PathPattern::matches(const QByteArray &path) const
{
    if (!isValid())
        return false;
    const QByteArray subject = m_onPath ? path : entryName(path);
    return m_regex.match(QString::fromUtf8(subject)).hasMatch();
}

} // namespace obnam::client
