// put-rate: small objects per second through obnam-server's API or straight to an S3 bucket,
// as many requests in flight as a client keeps (bench/scaleout.sh runs it).
//
//   obnam-put-rate https://HOST:PORT TOKEN FINGERPRINT COUNT SIZE
//   obnam-put-rate s3+http://HOST:PORT/BUCKET/PREFIX - - COUNT SIZE   (keys from AWS_*)
//
// Prints "OBJECTS SECONDS OBJECTS_PER_SECOND".
#include "backend/HttpsBackend.h"
#include "backend/ObjectName.h"
#include "backend/S3Address.h"
#include "backend/S3Backend.h"
#include "crypto/Crypto.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>

#include <cstdio>
#include <deque>

using namespace obnam;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fprintf(stderr, "usage: obnam-put-rate URL TOKEN FINGERPRINT COUNT SIZE\n");
        return 2;
    }
    const int count = args[4].toInt();
    const int size = args[5].toInt();
    std::shared_ptr<Backend> backend;
    if (s3::isAddress(args[1])) {
        auto address = s3::parseAddress(args[1]);
        if (!address) {
            std::fprintf(stderr, "%s\n", qPrintable(address.error().message));
            return 2;
        }
        S3Settings s = S3Settings::at(*address);
        s.credentials = s3::credentialsFromEnvironment();
        auto s3backend = std::make_shared<S3Backend>(s);
        if (auto made = s3backend->createBucket().result(); !made) {
            std::fprintf(stderr, "%s\n", qPrintable(made.error().toString()));
            return 1;
        }
        backend = s3backend;
    } else {
        HttpsSettings s;
        s.baseUrl = QUrl(args[1]);
        s.accessToken = args[2].toLatin1();
        s.pinnedSha256 = QByteArray::fromHex(args[3].toLatin1().replace(':', ""));
        backend = std::make_shared<HttpsBackend>(s);
    }
    // Distinct contents, named by their hashes as packs are.
    QList<QPair<QString, QByteArray>> objects;
    for (int i = 0; i < count; ++i) {
        QByteArray data = crypto::randomBytes(size);
        objects.append({objectname::pack(QString::fromLatin1(crypto::sha256(data).toHex())), data});
    }
    const int inFlight = backend->preferredWritesInFlight() * 2;
    QElapsedTimer clock;
    clock.start();
    std::deque<QFuture<Status>> pending;
    int failed = 0;
    for (const auto &[name, data] : objects) {
        pending.push_back(backend->put(name, data, PutMode::CreateOnly));
        if (int(pending.size()) >= inFlight) {
            failed += !pending.front().result();
            pending.pop_front();
        }
    }
    for (auto &p : pending)
        failed += !p.result();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (failed > 0) {
        std::fprintf(stderr, "%d uploads failed\n", failed);
        return 1;
    }
    std::printf("%d %.2f %.0f\n", count, seconds, count / seconds);
    return 0;
}
