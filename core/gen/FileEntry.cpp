#include "FileEntry.h"

namespace obnam {

QString reasonName(Reason reason)
{
    switch (reason) {
    case Reason::New:
        return QStringLiteral("new");
    case Reason::Changed:
        return QStringLiteral("changed");
    case Reason::Unchanged:
        return QStringLiteral("unchanged");
    case Reason::FileError:
        return QStringLiteral("fileerror");
    }
    return QStringLiteral("unknown");
}

QChar kindLetter(FileKind kind)
{
    switch (kind) {
    case FileKind::Regular:
        return QLatin1Char('-');
    case FileKind::Directory:
        return QLatin1Char('d');
    case FileKind::Symlink:
        return QLatin1Char('l');
    case FileKind::Socket:
        return QLatin1Char('s');
    case FileKind::Fifo:
        return QLatin1Char('p');
    case FileKind::BlockDevice:
        return QLatin1Char('b');
    case FileKind::CharDevice:
        return QLatin1Char('c');
    }
    return QLatin1Char('?');
}

} // namespace obnam
