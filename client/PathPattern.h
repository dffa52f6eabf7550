#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

namespace obnam::client {

// What `obnam-cli find` and the browser's search box accept, in one place so that both give the
// same answers. A pattern is matched against an entry's name: without wildcards (* ? [...]) any
// name that contains it, with them the whole name. A pattern with a slash is a glob for the end
// of the path instead, component by component ("Documents/*.odt"), or for the whole path when it
// starts with a slash. Letter case never matters; * and ? never match a slash.
class PathPattern
{
public:
    explicit PathPattern(const QString &pattern);

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // An SQL LIKE pattern, in lower case, that every matching entry's lower-cased name meets
    // (more may: it is for narrowing candidates down in the search index, not for deciding).
    QString nameLike() const { return m_like; }
    bool matches(const QByteArray &path) const;

private:
    QRegularExpression m_regex;
    bool m_onPath = false; // matched against the whole path, not the name
    QString m_like;
    QString m_error;
};

// The last component of a path ("/" for the top): what a pattern without a slash looks at.
QByteArray entryName(const QByteArray &path);

} // namespace obnam::client
