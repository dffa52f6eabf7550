#include "ClientStore.h"
#include "FileLock.h"

#include "HttpServer.h"
#include "crypto/Crypto.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace obnam::server {

namespace {

Result<QList<ClientAccount>> parseAccounts(const QByteArray &content, bool missing,
                                           const QString &file)
{
    if (missing)
        return QList<ClientAccount>();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(content, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Corrupt, QStringLiteral("accounts file is not valid JSON"),
                         file);
    QList<ClientAccount> out;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("clients")).toArray()) {
        const QJsonObject o = v.toObject();
        ClientAccount a;
        a.name = o.value(QStringLiteral("name")).toString();
        a.id = o.value(QStringLiteral("id")).toString();
        a.tokenHash = o.value(QStringLiteral("token_sha256")).toString();
        a.adminHash = o.value(QStringLiteral("admin_token_sha256")).toString();
        a.appendOnly = o.value(QStringLiteral("append_only")).toBool();
        a.quotaBytes = o.value(QStringLiteral("quota_bytes")).toInteger();
        if (!validClientName(a.name) || a.id.size() != 32 || a.tokenHash.size() != 64)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("accounts file has an invalid entry"), file);
        out.append(a);
    }
    return out;
}

Result<QList<ClientAccount>> readFile(const QString &file)
{
    QFile f(file);
    if (!f.exists())
        return QList<ClientAccount>();
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read accounts: ") + f.errorString(),
                         file);
    return parseAccounts(f.readAll(), false, file);
}

} // namespace

bool validClientName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z"));
    return re.match(name).hasMatch();
}

Error invalidClientName(const QString &name)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("client names are 1-64 letters, digits, '.', '_' or '-'"),
                     name);
}

namespace accounts {

QString hashToken(const QByteArray &token)
{
    return QString::fromLatin1(crypto::sha256(token).toHex());
}

QString newToken()
{
    return QString::fromLatin1(crypto::randomBytes(32).toHex());
}

QString newAccountId()
{
    return QString::fromLatin1(crypto::randomBytes(16).toHex());
}

bool plausibleToken(const QByteArray &token)
{
    if (token.size() != 64)
        return false;
    for (const char c : token)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

} // namespace accounts

using accounts::hashToken;
using accounts::newToken;

ClientStore::ClientStore(QString file)
    : m_file(std::move(file))
{
    m_clock.start();
}

Result<QList<ClientAccount>> ClientStore::list()
{
    return readFile(m_file);
}

Status ClientStore::save(const QList<ClientAccount> &accounts) const
{
    QJsonArray array;
    for (const ClientAccount &a : accounts)
        array.append(QJsonObject{{QStringLiteral("name"), a.name},
                                 {QStringLiteral("id"), a.id},
                                 {QStringLiteral("token_sha256"), a.tokenHash},
                                 {QStringLiteral("admin_token_sha256"), a.adminHash},
                                 {QStringLiteral("append_only"), a.appendOnly},
                                 {QStringLiteral("quota_bytes"), a.quotaBytes}});
    QSaveFile f(m_file);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write accounts: ") + f.errorString(),
                         m_file);
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("clients"), array}}).toJson());
    if (!f.commit())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write accounts: ") + f.errorString(),
                         m_file);
    return {};
}

Status ClientStore::edit(const std::function<Status(QList<ClientAccount> &)> &change)
{
    const QByteArray native = QFile::encodeName(m_file);
    struct stat st
    {};
    if (::stat(native.constData(), &st) == 0 && st.st_uid != ::geteuid()) {
        const struct passwd *owner = ::getpwuid(st.st_uid);
        const QString name =
            owner ? QString::fromLocal8Bit(owner->pw_name) : QString::number(qulonglong(st.st_uid));
        return makeError(ErrorCode::Permanent,
                         QStringLiteral("the accounts file belongs to the user %1, who runs "
                                        "obnam-server: run this command as that user (sudo -u "
                                        "%1 obnam-server ...), or the server could not read "
                                        "what it writes")
                             .arg(name),
                         m_file);
    }
    const auto locked = lockFile(m_file + QStringLiteral(".lock"), LOCK_EX, LockWait::Yes);
    if (!locked)
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot lock the accounts file: %1").arg(locked.error().message),
            m_file);
    auto accounts = list();
    Status done = accounts ? change(*accounts) : Status(accounts.error());
    if (done)
        done = save(*accounts);
    return done; // the lock ends with `locked`
}

Result<ClientStore::NewTokens> ClientStore::add(const QString &name, bool appendOnly,
                                                qint64 quotaBytes)
{
    if (!validClientName(name))
        return invalidClientName(name);
    NewTokens tokens{newToken(), appendOnly ? newToken() : QString()};
    auto added = edit([&](QList<ClientAccount> &accounts) -> Status {
        for (const ClientAccount &a : std::as_const(accounts)) {
            if (a.name == name)
                return makeError(ErrorCode::AlreadyExists,
                                 QStringLiteral("a client of that name exists"), name);
        }
        accounts.append({name, accounts::newAccountId(), hashToken(tokens.token.toLatin1()),
                         appendOnly ? hashToken(tokens.adminToken.toLatin1()) : QString(),
                         appendOnly, quotaBytes});
        return {};
    });
    if (!added)
        return added.error();
    return tokens;
}

Status ClientStore::remove(const QString &name)
{
    return edit([&](QList<ClientAccount> &accounts) -> Status {
        if (accounts.removeIf([&](const ClientAccount &a) { return a.name == name; }) == 0)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such client"), name);
        return {};
    });
}

Result<ClientStore::NewTokens> ClientStore::rotate(const QString &name)
{
    NewTokens tokens;
    auto rotated = edit([&](QList<ClientAccount> &accounts) -> Status {
        for (ClientAccount &a : accounts) {
            if (a.name != name)
                continue;
            tokens = {newToken(), a.appendOnly ? newToken() : QString()};
            a.tokenHash = hashToken(tokens.token.toLatin1());
            a.adminHash = a.appendOnly ? hashToken(tokens.adminToken.toLatin1()) : QString();
            return {};
        }
        return makeError(ErrorCode::NotFound, QStringLiteral("no such client"), name);
    });
    if (!rotated)
        return rotated.error();
    return tokens;
}

void ClientStore::reloadIfChanged()
{
    struct stat st
    {};
    const QByteArray native = QFile::encodeName(m_file);
    QByteArray stamp;
    if (::stat(native.constData(), &st) == 0)
        stamp = QByteArray::number(qulonglong(st.st_dev)) + ' ' +
                QByteArray::number(qulonglong(st.st_ino)) + ' ' +
                QByteArray::number(qlonglong(st.st_size)) + ' ' +
                QByteArray::number(qlonglong(st.st_mtim.tv_sec)) + '.' +
                QByteArray::number(qlonglong(st.st_mtim.tv_nsec)) + ' ' +
                QByteArray::number(qlonglong(st.st_ctim.tv_sec)) + '.' +
                QByteArray::number(qlonglong(st.st_ctim.tv_nsec));
    const qint64 now = m_clock.elapsed();
    if (stamp == m_stamp && m_checkedAtMs >= 0 && now - m_checkedAtMs < kRecheckMs)
        return;
    m_stamp = stamp;
    m_checkedAtMs = now;
    QByteArray content;
    if (!stamp.isEmpty()) {
        QFile f(m_file);
        if (!f.open(QIODevice::ReadOnly)) {
            // Keep serving with what was loaded (locking everyone out is no answer either),
            // try again on the next request, and say so: a removed client stays in meanwhile.
            logLine("ERROR", "cannot read " + m_file.toStdString() + " (" +
                                 f.errorString().toStdString() +
                                 "): serving the clients it held before; a change to it does "
                                 "not count until it can be read");
            return;
        }
        content = f.readAll();
    }
    const QByteArray hash = crypto::sha256(content);
    if (hash == m_contentHash)
        return;
    auto accounts = parseAccounts(content, stamp.isEmpty(), m_file);
    if (!accounts) {
        // A broken file must not lock everyone out: keep the old, retry, and say so once
        // for each content.
        if (hash != m_refusedHash)
            logLine("ERROR", accounts.error().toString().toStdString() +
                                 ": serving the clients it held before");
        m_refusedHash = hash;
        m_stamp.clear();
        return;
    }
    m_cache = *accounts;
    m_contentHash = hash;
}

Result<std::optional<Caller>> ClientStore::authenticate(const QByteArray &token)
{
    if (token.size() != 64)
        return std::optional<Caller>();
    const QByteArray hash = crypto::sha256(token).toHex();
    QMutexLocker lock(&m_mutex);
    reloadIfChanged();
    for (const ClientAccount &a : std::as_const(m_cache)) {
        if (crypto::equalConstantTime(hash, a.tokenHash.toLatin1()))
            return std::optional<Caller>(Caller{a, false});
        if (!a.adminHash.isEmpty() && crypto::equalConstantTime(hash, a.adminHash.toLatin1()))
            return std::optional<Caller>(Caller{a, true});
    }
    return std::optional<Caller>();
}

} // namespace obnam::server
