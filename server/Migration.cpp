#include "Migration.h"

#include "ObjectStore.h"
#include "PgAccountStore.h"
#include "backend/LocalBackend.h"
#include "backend/ObjectName.h"
#include "backend/S3Backend.h"
#include "crypto/Crypto.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <deque>

namespace obnam::server {

namespace {

// Clients replace these in place (a passphrase change rewrites a key slot; a lock is
// refreshed), so the bucket's copy may differ from the data directory's and still be one of
// theirs. Every other name is written once: content-addressed, or the repository's config.
bool replaceable(const QString &name)
{
    return name.startsWith(QStringLiteral("keys/")) || name.startsWith(QStringLiteral("locks/"));
}

// Named by the SHA-256 of what they hold (the server checks it on every upload).
bool contentAddressed(const QString &name)
{
    return name.startsWith(QStringLiteral("packs/")) || name.startsWith(QStringLiteral("index/")) ||
           name.startsWith(QStringLiteral("generations/"));
}

Error differentObject(const QString &name)
{
    return makeError(ErrorCode::Corrupt,
                     QStringLiteral("the bucket holds a different object of this name (its "
                                    "size differs); it was left as it is"),
                     name);
}

// What the bucket holds below a client's prefix, by name: its size (-1 when the listing did not
// say). An empty prefix the store has never seen is no error.
Result<QHash<QString, qint64>> holdings(S3Backend &target)
{
    auto listed = target.listWithSizes({}).result();
    if (!listed) {
        if (listed.error().code == ErrorCode::NotFound)
            return QHash<QString, qint64>();
        return listed.error();
    }
    QHash<QString, qint64> out;
    out.reserve(listed->size());
    for (const S3Backend::Listed &object : std::as_const(*listed))
        out.insert(object.name, object.size);
    return out;
}

} // namespace

Migration::Migration(QString clientsDir, PgAccountStore &accounts,
                     std::shared_ptr<S3Backend> bucket, ObjectStore &objects, Progress progress)
    : m_clientsDir(std::move(clientsDir))
    , m_accounts(accounts)
    , m_bucket(std::move(bucket))
    , m_objects(objects)
    , m_progress(std::move(progress))
{}

Migration::~Migration() = default;

Result<Migration::ClientOutcome> Migration::migrate(const ClientAccount &account)
{
    ClientOutcome outcome;
    outcome.name = account.name;
    // Moved by an earlier run: the database and the bucket are its home now, even if it has been
    // removed from there since.
    auto moved = m_accounts.wasMigrated(account.id);
    if (!moved)
        return moved.error();
    if (*moved)
        return outcome;
    auto known = m_accounts.list();
    if (!known)
        return known.error();
    for (const ClientAccount &other : std::as_const(*known)) {
        if (other.name == account.name)
            return makeError(ErrorCode::AlreadyExists,
                             QStringLiteral("the database has another client of this name (a "
                                            "different account)"),
                             account.name);
        if (other.id == account.id)
            return makeError(
                ErrorCode::AlreadyExists,
                QStringLiteral("the database has this account under the name '%1'").arg(other.name),
                account.name);
    }
    // The objects first: an account appears in the database, where every instance finds it,
    // only once its whole repository is in the bucket; until then no client can reach its
    // prefix, so nothing writes there meanwhile.
    if (auto copied = copyObjects(account, outcome); !copied)
        return copied.error();
    // Quotas across instances start from what is stored, each object with its size, noted in
    // the same step that lets the account in.
    auto stored = m_objects.inventory(account);
    if (!stored)
        return stored.error();
    if (auto adopted = m_accounts.adopt(account, *stored); !adopted)
        return adopted.error();
    outcome.added = true;
    for (const qint64 size : std::as_const(*stored))
        outcome.usedBytes += size;
    return outcome;
}

Status Migration::copyObjects(const ClientAccount &account, ClientOutcome &outcome)
{
    const QString dir = m_clientsDir + QLatin1Char('/') + account.id;
    LocalBackend source(dir, 2, 0);
    // An account that never stored anything has no directory: nothing to copy.
    auto names = QFileInfo(dir).isDir() ? source.list({}).result() : QStringList();
    if (!names)
        return names.error();
    outcome.objects = names->size();
    if (!m_bucket) {
        // The instances read the data directory itself: nothing moves.
        outcome.present = outcome.objects;
        return {};
    }
    const auto target = m_bucket->below(QStringLiteral("clients/") + account.id + QLatin1Char('/'));
    auto there = holdings(*target);
    if (!there)
        return there.error();

    struct Write
    {
        QString name;
        qint64 size = 0;
        QFuture<Status> done;
    };
    std::deque<Write> inFlight;
    Status sofar; // the first failure, if any
    const auto settle = [&] {
        Write w = std::move(inFlight.front());
        inFlight.pop_front();
        Status s = w.done.result();
        if (!s && s.error().code == ErrorCode::AlreadyExists) {
            // Written meanwhile (another run at the same time): the same object if it has the
            // same size, as every create-only name is written once.
            auto size = target->stat(w.name).result();
            if (size && *size == w.size) {
                ++outcome.present;
                return;
            }
            s = differentObject(w.name);
        }
        if (!s) {
            if (sofar)
                sofar = s;
            return;
        }
        ++outcome.copied;
        outcome.copiedBytes += w.size;
    };

    const qsizetype window = target->preferredWritesInFlight();
    QElapsedTimer sinceReport;
    sinceReport.start();
    qint64 looked = 0;
    for (const QString &name : std::as_const(*names)) {
        if (!sofar)
            break;
        if (m_progress && sinceReport.elapsed() >= 5000) {
            m_progress(QStringLiteral("%1: %2 of %3 objects looked at, %4 bytes sent")
                           .arg(account.name)
                           .arg(looked)
                           .arg(outcome.objects)
                           .arg(outcome.copiedBytes),
                       false);
            sinceReport.restart();
        }
        ++looked;
        PutMode mode = PutMode::CreateOnly;
        const auto found = there->constFind(name);
        if (found != there->cend() && !replaceable(name)) {
            qint64 size = *found;
            if (size < 0) {
                auto stat = target->stat(name).result();
                if (!stat) {
                    sofar = stat.error();
                    break;
                }
                size = *stat;
            }
            auto local = source.stat(name).result();
            if (!local) {
                sofar = local.error();
                break;
            }
            if (size != *local) {
                sofar = differentObject(name);
                break;
            }
            ++outcome.present;
            continue;
        }
        auto data = source.get(name).result();
        if (!data) {
            sofar = data.error();
            break;
        }
        if (found != there->cend()) {
            auto theirs = target->get(name).result();
            if (theirs && *theirs == *data) {
                ++outcome.present;
                continue;
            }
            mode = PutMode::Overwrite;
        }
        const qint64 size = data->size();
        if (contentAddressed(name)) {
            // Hashed anyway for the store's signature: a copy that rotted on the old disk is
            // found now, not at a restore. It goes as it is (the bucket is no worse than the
            // disk), and the client's `check` tells what it affects.
            const QByteArray sha256 = crypto::sha256(*data);
            if (QString::fromLatin1(sha256.toHex()) != objectname::idOf(name)) {
                ++outcome.damaged;
                if (m_progress)
                    m_progress(QStringLiteral("%1: %2 does not match its name: damaged in the "
                                              "data directory, copied as it is")
                                   .arg(account.name, name),
                               true);
            }
            inFlight.push_back({name, size, target->putHashed(name, *data, mode, sha256)});
        } else {
            inFlight.push_back({name, size, target->put(name, *data, mode)});
        }
        if (qsizetype(inFlight.size()) >= window)
            settle();
    }
    // Every write is waited for, even after a failure: none is left running on its own.
    while (!inFlight.empty())
        settle();
    if (!sofar)
        return sofar;

    // What an interrupted run sent that the data directory no longer has (the old server ran
    // again meanwhile: a lock it released, a generation it forgot) goes: the account's
    // repository in the bucket is to be the data directory's, no more.
    const QSet<QString> wanted(names->cbegin(), names->cend());
    for (auto it = there->cbegin(); it != there->cend(); ++it) {
        if (wanted.contains(it.key()))
            continue;
        if (auto removed = target->remove(it.key()).result();
            !removed && removed.error().code != ErrorCode::NotFound)
            return removed.error();
        ++outcome.removed;
    }

    // What the bucket has now, object by object, before the account is let in.
    auto after = holdings(*target);
    if (!after)
        return after.error();
    for (auto it = after->cbegin(); it != after->cend(); ++it) {
        if (!wanted.contains(it.key()))
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("the bucket holds an object the data directory does "
                                            "not have"),
                             it.key());
    }
    for (const QString &name : std::as_const(*names)) {
        const auto found = after->constFind(name);
        if (found == after->cend())
            return makeError(ErrorCode::Transient,
                             QStringLiteral("the object is not in the bucket after it was sent"),
                             name);
        qint64 size = *found;
        if (size < 0) {
            auto stat = target->stat(name).result();
            if (!stat)
                return stat.error();
            size = *stat;
        }
        auto local = source.stat(name).result();
        if (!local)
            return local.error();
        if (size != *local)
            return differentObject(name);
    }
    return {};
}

} // namespace obnam::server
