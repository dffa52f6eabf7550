// obnam-server: the HTTPS backup server, and its account administration.
#include "ClientStore.h"
#include "FileLock.h"
#include "HttpServer.h"
#include "Migration.h"
#include "ObjectApi.h"
#include "ObjectStore.h"
#include "PgAccountStore.h"
#include "ServerConfig.h"
#include "Tls.h"
#include "backend/S3Backend.h"
#include "support/Allocator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace obnam;
using namespace obnam::server;

namespace {

// The data directory and everything in it is the server's alone, whatever the umask: account
// ids and object names are nobody else's business. An existing directory is put right.
Status makePrivateDirectory(const QString &dir)
{
    const QByteArray native = QFile::encodeName(dir);
    if (!QDir().mkpath(dir) || ::chmod(native.constData(), 0700) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot create data directory"), dir);
    return {};
}

int fail(const Error &e)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(e.toString()));
    return 1;
}

void printTokens(const AccountStore::NewTokens &t)
{
    std::printf("access_token: %s\n", qPrintable(t.token));
    if (!t.adminToken.isEmpty())
        std::printf("admin_token: %s\n", qPrintable(t.adminToken));
    std::fprintf(stderr,
                 "The token is shown only this once: put it in the client's configuration now.\n");
}

// clients.json in the data directory, or the database server.yaml names.
Result<std::unique_ptr<AccountStore>> openAccounts(const ServerConfig &config)
{
    if (config.database) {
        auto store = PgAccountStore::open(*config.database);
        if (!store)
            return store.error();
        return std::unique_ptr<AccountStore>(std::move(*store));
    }
    return std::unique_ptr<AccountStore>(std::make_unique<ClientStore>(config.clientsFile()));
}

// The S3 bucket server.yaml names, with the keys from the environment (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), as a service manager passes them.
Result<std::shared_ptr<S3Backend>> openBucket(const ServerConfig &config)
{
    S3Settings settings = S3Settings::at(*config.storage);
    settings.region = config.s3Region;
    settings.credentials = s3::credentialsFromEnvironment();
    // Within the client's own patience: a store that stops answering frees the thread (and
    // answers 503) well before the client gives up on the request and sends it again.
    settings.http.maxAttempts = 3;
    settings.http.transferTimeoutMs = 15000;
    if (settings.credentials.accessKey.isEmpty() || settings.credentials.secretKey.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("storage is an S3 bucket: set AWS_ACCESS_KEY_ID and "
                                        "AWS_SECRET_ACCESS_KEY in obnam-server's environment"),
                         config.path);
    auto root = std::make_shared<S3Backend>(std::move(settings));
    // The bucket is there (or made) before the first client arrives; a wrong key or an
    // unreachable store fails the start with its reason.
    if (auto ready = root->createBucket().result(); !ready)
        return ready.error();
    return root;
}

// clients/ in the data directory, or the S3 bucket server.yaml names.
Result<std::unique_ptr<ObjectStore>> openObjects(const ServerConfig &config,
                                                 std::shared_ptr<S3Backend> bucket = {})
{
    if (!config.storage)
        return std::unique_ptr<ObjectStore>(
            std::make_unique<LocalObjectStore>(config.clientsDir()));
    if (!bucket) {
        auto opened = openBucket(config);
        if (!opened)
            return opened.error();
        bucket = std::move(*opened);
    }
    return std::unique_ptr<ObjectStore>(
        std::make_unique<S3ObjectStore>(std::move(bucket), config.spoolDir()));
}

// A lock on `path` (LOCK_EX or LOCK_SH), held until the process ends; `busy` says who holds it
// when it is taken.
Status lockUntilExit(const QString &path, int operation, const QString &busy)
{
    auto fd = lockFile(path, operation, LockWait::No, busy);
    if (!fd)
        return fd.error();
    fd->release(); // the descriptor stays open, and the lock held, until the process ends
    return {};
}

// Held by a server that keeps clients' objects in the data directory: `migrate` copies them,
// and must not while such a server still changes them.
QString localStorageLock(const ServerConfig &config)
{
    return config.chunks + QStringLiteral("/.local-storage.lock");
}

// One obnam-server at a time on a data directory: a second one started by hand (to see the
// fingerprint again, say) would otherwise clear the first one's uploads in progress from the
// spool before it found the port taken.
Status lockForServing(const ServerConfig &config)
{
    const QString busy = QStringLiteral("another obnam-server is running on this data "
                                        "directory: stop it first");
    if (auto locked = lockUntilExit(config.chunks + QStringLiteral("/.lock"), LOCK_EX, busy);
        !locked)
        return locked;
    if (!config.storage)
        return lockUntilExit(localStorageLock(config), LOCK_EX, busy);
    return {};
}

// `migrate`: the accounts of clients.json, and the objects of clients/ when server.yaml names
// a bucket, into the shared storage. Stops at nothing but a client that fails, and says so.
int migrateCommand(const ServerConfig &config)
{
    if (!config.database)
        return fail(makeError(ErrorCode::InvalidArgument,
                              QStringLiteral("migrate moves the accounts in clients.json to "
                                             "shared storage: name a database (and a bucket as "
                                             "storage) in server.yaml first"),
                              config.path));
    if (!QFileInfo::exists(config.clientsFile()))
        return fail(makeError(ErrorCode::NotFound,
                              QStringLiteral("nothing to migrate: the data directory has no "
                                             "accounts file"),
                              config.clientsFile()));
    // Instances on the bucket may run meanwhile (they keep nothing here); the old server may not.
    if (auto locked =
            lockUntilExit(localStorageLock(config), LOCK_SH,
                          QStringLiteral("an obnam-server that keeps its clients' objects in "
                                         "this data directory is still running: stop it "
                                         "before migrating"));
        !locked)
        return fail(locked.error());
    // A data directory whose objects are not where they should be (a disk not mounted) would
    // let every account in with an empty repository.
    if (!QFileInfo(config.clientsDir()).isDir())
        return fail(makeError(ErrorCode::NotFound,
                              QStringLiteral("the data directory has accounts but no clients/ "
                                             "folder for their objects"),
                              config.clientsDir()));
    auto local = ClientStore(config.clientsFile()).list();
    if (!local)
        return fail(local.error());
    auto accounts = PgAccountStore::open(*config.database);
    if (!accounts)
        return fail(accounts.error());
    std::shared_ptr<S3Backend> bucket;
    if (config.storage) {
        auto opened = openBucket(config);
        if (!opened)
            return fail(opened.error());
        bucket = std::move(*opened);
    }
    auto objects = openObjects(config, bucket);
    if (!objects)
        return fail(objects.error());
    Migration migration(config.clientsDir(), **accounts, bucket, **objects,
                        [](const QString &line, bool warning) {
                            if (warning)
                                std::fprintf(stderr, "warning: %s\n", qPrintable(line));
                            else
                                std::printf("%s\n", qPrintable(line));
                            std::fflush(stdout);
                        });
    int failures = 0;
    qint64 copied = 0;
    qint64 copiedBytes = 0;
    for (const ClientAccount &account : std::as_const(*local)) {
        auto done = migration.migrate(account);
        if (!done) {
            std::fprintf(stderr, "error: %s: %s\n", qPrintable(account.name),
                         qPrintable(done.error().toString()));
            ++failures;
            continue;
        }
        copied += done->copied;
        copiedBytes += done->copiedBytes;
        if (!done->added) {
            std::printf("%s: migrated before; left as the database and the bucket have it\n",
                        qPrintable(account.name));
        } else {
            QString line = QStringLiteral("%1: %2 objects, %3 sent (%4 bytes), %5 already there")
                               .arg(account.name)
                               .arg(done->objects)
                               .arg(done->copied)
                               .arg(done->copiedBytes)
                               .arg(done->present);
            if (done->removed > 0)
                line +=
                    QStringLiteral(", %1 left by an interrupted run removed").arg(done->removed);
            line += QStringLiteral("; account added, %1 bytes counted").arg(done->usedBytes);
            std::printf("%s\n", qPrintable(line));
        }
        std::fflush(stdout);
        if (done->damaged > 0)
            std::fprintf(
                stderr,
                "warning: %s: %lld damaged object(s) went to the bucket as they were "
                "in the data directory: run 'obnam-cli check --read-data' on that client\n",
                qPrintable(account.name), static_cast<long long>(done->damaged));
    }
    std::printf("%lld of %lld clients migrated, %lld objects (%lld bytes) sent\n",
                static_cast<long long>(local->size() - failures),
                static_cast<long long>(local->size()), static_cast<long long>(copied),
                static_cast<long long>(copiedBytes));
    if (failures > 0)
        return 1;
    std::fprintf(stderr, "clients.json and clients/ in the data directory are left as they "
                         "were: remove them once every client has backed up through the new "
                         "set-up.\n");
    return 0;
}

int clientCommand(const ServerConfig &config, const QStringList &args,
                  const QCommandLineParser &parser)
{
    if (auto made = makePrivateDirectory(config.chunks); !made)
        return fail(made.error());
    auto opened = openAccounts(config);
    if (!opened)
        return fail(opened.error());
    AccountStore &store = **opened;
    const QString action = args.value(1);
    const QString name = args.value(2);
    if (action == QStringLiteral("list") && args.size() == 2) {
        auto accounts = store.list();
        if (!accounts)
            return fail(accounts.error());
        for (const ClientAccount &a : std::as_const(*accounts))
            std::printf("%s%s%s\n", qPrintable(a.name), a.appendOnly ? " append-only" : "",
                        a.quotaBytes > 0 ? qPrintable(QStringLiteral(" quota=%1").arg(a.quotaBytes))
                                         : "");
        return 0;
    }
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: obnam-server --config FILE client add|remove|rotate|recount "
                             "NAME | client list\n");
        return 2;
    }
    if (action == QStringLiteral("add")) {
        bool ok = true;
        const qint64 quota = parser.isSet(QStringLiteral("quota"))
                                 ? parser.value(QStringLiteral("quota")).toLongLong(&ok)
                                 : 0;
        if (!ok || quota < 0)
            return fail(makeError(ErrorCode::InvalidArgument,
                                  QStringLiteral("--quota takes a number of bytes")));
        auto tokens = store.add(name, parser.isSet(QStringLiteral("append-only")), quota);
        if (!tokens)
            return fail(tokens.error());
        printTokens(*tokens);
        return 0;
    }
    if (action == QStringLiteral("remove")) {
        if (auto s = store.remove(name); !s)
            return fail(s.error());
        std::printf("removed %s (its stored data stays until deleted by hand)\n", qPrintable(name));
        return 0;
    }
    if (action == QStringLiteral("recount")) {
        auto *shared = dynamic_cast<PgAccountStore *>(&store);
        if (!shared) {
            std::printf("usage is counted from the data directory at every start: nothing to "
                        "recount\n");
            return 0;
        }
        auto accounts = store.list();
        if (!accounts)
            return fail(accounts.error());
        const auto found = std::find_if(accounts->cbegin(), accounts->cend(),
                                        [&](const ClientAccount &a) { return a.name == name; });
        if (found == accounts->cend())
            return fail(makeError(ErrorCode::NotFound, QStringLiteral("no such client"), name));
        auto objects = openObjects(config);
        if (!objects)
            return fail(objects.error());
        // Listed with the account locked: its uploads and removals wait for the count.
        auto stored = shared->recount(found->id, [&] { return (*objects)->inventory(*found); });
        if (!stored)
            return fail(stored.error());
        qint64 used = 0;
        for (const qint64 size : std::as_const(*stored))
            used += size;
        std::printf("%s: %lld objects, %lld bytes stored\n", qPrintable(name),
                    static_cast<long long>(stored->size()), static_cast<long long>(used));
        if (const auto held = shared->heldBytes(name); held && *held > 0)
            std::printf("%s: %lld bytes held for uploads in progress (those of an instance "
                        "that was stopped are given back %d hours after the client's latest "
                        "upload)\n",
                        qPrintable(name), static_cast<long long>(*held),
                        PgAccountStore::kHoldHours);
        return 0;
    }
    if (action == QStringLiteral("rotate")) {
        auto tokens = store.rotate(name);
        if (!tokens)
            return fail(tokens.error());
        printTokens(*tokens);
        return 0;
    }
    std::fprintf(
        stderr,
        "usage: obnam-server --config FILE client add|remove|rotate|recount NAME | client list\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    obnam::tuneAllocator();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("obnam-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OBNAM_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Multi-client HTTPS backup server. Run with --config FILE to serve; 'client add NAME', "
        "'client list', 'client remove NAME', 'client rotate NAME' and 'client recount NAME' "
        "manage accounts; 'migrate' moves clients.json and clients/ to the database and bucket "
        "server.yaml names."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({{QStringLiteral("c"), QStringLiteral("config")},
                      QStringLiteral("Server configuration FILE."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("append-only"),
         QStringLiteral("client add: the client may add but never delete or overwrite.")});
    parser.addOption({QStringLiteral("quota"),
                      QStringLiteral("client add: limit the client's storage to BYTES."),
                      QStringLiteral("BYTES")});
    parser.addPositionalArgument(QStringLiteral("client"),
                                 QStringLiteral("Account administration."),
                                 QStringLiteral("[client ACTION [NAME] | migrate]"));
    parser.process(app);
    if (!parser.isSet(QStringLiteral("config"))) {
        std::fprintf(stderr, "error: --config FILE is required\n");
        return 2;
    }
    auto config = ServerConfig::load(parser.value(QStringLiteral("config")));
    if (!config)
        return fail(config.error());
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        if (args.first() == QStringLiteral("migrate")) {
            if (args.size() != 1) {
                std::fprintf(stderr, "usage: obnam-server --config FILE migrate\n");
                return 2;
            }
            return migrateCommand(*config);
        }
        if (args.first() != QStringLiteral("client")) {
            std::fprintf(stderr, "error: unknown command '%s'\n", qPrintable(args.first()));
            return 2;
        }
        return clientCommand(*config, args, parser);
    }

    for (const QString &dir : {config->chunks, config->clientsDir()}) {
        if (auto made = makePrivateDirectory(dir); !made)
            return fail(made.error());
    }
    if (auto locked = lockForServing(*config); !locked)
        return fail(locked.error());
    // As many open files as the system lets this process have: each connection takes one or
    // two (its socket, and the file it sends or receives).
    if (rlimit files{};
        ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    if (config->tlsKey.isEmpty()) {
        config->tlsKey = config->chunks + QStringLiteral("/tls/key.pem");
        config->tlsCert = config->chunks + QStringLiteral("/tls/cert.pem");
        if (!QFileInfo::exists(config->tlsCert)) {
            QStringList hosts{QStringLiteral("localhost"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("::1")};
            if (config->host != QStringLiteral("0.0.0.0") && config->host != QStringLiteral("::") &&
                !hosts.contains(config->host))
                hosts.append(config->host);
            hosts.append(QSysInfo::machineHostName());
            if (auto s = generateSelfSigned(config->tlsKey, config->tlsCert, hosts); !s)
                return fail(s.error());
            std::printf("generated a self-signed certificate: %s\n", qPrintable(config->tlsCert));
        }
    }
    auto fingerprint = certificateFingerprint(config->tlsCert);
    if (!fingerprint)
        return fail(fingerprint.error());

    auto clients = openAccounts(*config);
    if (!clients)
        return fail(clients.error());
    auto objects = openObjects(*config);
    if (!objects)
        return fail(objects.error());
    (*objects)->tidy();
    ObjectApi api(*config, **clients, **objects);
    HttpServer server(*config, api);
    if (auto s = server.start(); !s)
        return fail(s.error());
    server.stopOnSignals();
    std::signal(SIGPIPE, SIG_IGN);
    std::printf("certificate SHA-256 fingerprint: %s\n", qPrintable(*fingerprint));
    std::printf("listening on %s:%u\n", qPrintable(config->host), unsigned(server.port()));
    std::fflush(stdout);
    server.run();
    return 0;
}
