#include "Credentials.h"

#include "crypto/Crypto.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

namespace obnam::client {

Result<Credentials> Credentials::load(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {};
    if (::stat(native.constData(), &st) != 0)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "no credentials for this client"),
                         path, Remedy::SetUpClient);
    if ((st.st_mode & 077) != 0)
        return makeError(ErrorCode::Permanent,
                         QCoreApplication::translate(
                             "obnam",
                             "credentials file can be read by other users; refusing to use it "
                             "(chmod 0400 it, then check who may have copied it)"),
                         path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot read credentials: ") +
                             file.errorString(),
                         path);
    QByteArray text = file.read(64 * 1024);
    Credentials c;
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        if (!root.IsMap() || !root["repository_id"] || !root["master_keys"])
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate(
                                 "obnam", "credentials file lacks repository_id or master_keys"),
                             path);
        c.repositoryId = QString::fromStdString(root["repository_id"].as<std::string>());
        // It names the cache directory, so it must be what init wrote: lower-case hex.
        static const QRegularExpression hexId(
            QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{16,64}")));
        if (!hexId.match(c.repositoryId).hasMatch())
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate(
                                 "obnam", "credentials file: repository_id is not a hex id"),
                             path);
        QByteArray blob = QByteArray::fromBase64(
            QByteArray::fromStdString(root["master_keys"].as<std::string>()));
        auto keys = MasterKeys::deserialize(blob);
        crypto::wipe(blob);
        if (!keys)
            return Error{ErrorCode::Corrupt,
                         QStringLiteral("credentials file: ") + keys.error().message, path};
        c.keys = *keys;
    } catch (const YAML::Exception &e) {
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "credentials file is not valid YAML: ") +
                QString::fromStdString(e.what()),
            path);
    }
    crypto::wipe(text);
    return c;
}

Status Credentials::save(const QString &path) const
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot create directory"), dir);
    QByteArray blob = keys.serialize();
    QByteArray text = "# obnam-cli credentials: the keys to your backups. Keep this file private.\n"
                      "repository_id: " +
                      repositoryId.toLatin1() + "\nmaster_keys: " + blob.toBase64() + "\n";
    crypto::wipe(blob);
    // Written with mode 0400 from the first byte: no moment exists where others could read it.
    const QByteArray temp = QFile::encodeName(path + QStringLiteral(".new"));
    ::unlink(temp.constData());
    const int fd =
        ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0400);
    if (fd < 0)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot create credentials file"),
                         path);
    const bool written =
        ::write(fd, text.constData(), size_t(text.size())) == ssize_t(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    crypto::wipe(text);
    if (!written || ::rename(temp.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(temp.constData());
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot write credentials file"),
                         path);
    }
    return {};
}

} // namespace obnam::client
