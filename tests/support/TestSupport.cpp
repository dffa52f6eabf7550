#include "TestSupport.h"

#include "crypto/Compression.h"
#include "crypto/Crypto.h"
#include "engine/GenerationStore.h"
#include "gen/GenerationDb.h"
#include "repo/ChunkWriter.h"
#include "repo/Repository.h"

#include <QCoreApplication>
#include <QDebug>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

namespace obnam::test {

QByteArray randomData(qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(size, Qt::Uninitialized);
    qsizetype i = 0;
    for (; i + 4 <= size; i += 4) {
        const quint32 v = rng.generate();
        memcpy(out.data() + i, &v, 4);
    }
    for (; i < size; ++i)
        out[i] = char(rng.generate() & 0xff);
    return out;
}

} // namespace obnam::test

#include "crypto/Crypto.h"
#include "engine/FsMeta.h"

#include <QDir>
#include <QFile>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace obnam::test {

namespace {
void walk(const QByteArray &root, const QByteArray &rel, bool withTimes,
          QMap<QByteArray, QByteArray> &out)
{
    const QByteArray path = rel.isEmpty() ? root : root + '/' + rel;
    struct stat st
    {};
    if (::lstat(path.constData(), &st) != 0)
        return;
    QByteArray line = QByteArray::number(st.st_mode, 8) +
                      " owner=" + QByteArray::number(st.st_uid) + ':' +
                      QByteArray::number(st.st_gid);
    if (withTimes && !S_ISLNK(st.st_mode) && !S_ISDIR(st.st_mode))
        line += " mtime=" +
                QByteArray::number(qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
    if (withTimes && S_ISDIR(st.st_mode))
        line += " mtime=" +
                QByteArray::number(qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
    if (S_ISREG(st.st_mode)) {
        QFile f(QFile::decodeName(path));
        f.open(QIODevice::ReadOnly);
        line += " size=" + QByteArray::number(qint64(st.st_size)) +
                " sha256=" + crypto::sha256(f.readAll()).toHex() +
                " nlink=" + QByteArray::number(qint64(st.st_nlink));
    }
    if (S_ISLNK(st.st_mode)) {
        char buf[4096];
        const ssize_t n = ::readlink(path.constData(), buf, sizeof buf);
        line += " target=" + QByteArray(buf, n > 0 ? n : 0);
    }
    if (!S_ISLNK(st.st_mode)) {
        auto x = fsmeta::readXattrs(path);
        if (x && !x->isEmpty())
            line += " xattrs=" + x->toHex();
    }
    out.insert(rel.isEmpty() ? QByteArray(".") : rel, line);
    if (S_ISDIR(st.st_mode)) {
        DIR *d = ::opendir(path.constData());
        if (!d)
            return;
        QList<QByteArray> names;
        while (struct dirent *e = ::readdir(d)) {
            const QByteArray n(e->d_name);
            if (n != "." && n != "..")
                names.append(n);
        }
        ::closedir(d);
        for (const QByteArray &n : names)
            walk(root, rel.isEmpty() ? n : rel + '/' + n, withTimes, out);
    }
}
} // namespace

QMap<QByteArray, QByteArray> manifest(const QByteArray &root, bool withTimes)
{
    QMap<QByteArray, QByteArray> out;
    walk(root, QByteArray(), withTimes, out);
    return out;
}

bool writeFile(const QByteArray &path, const QByteArray &data)
{
    QFile f(QFile::decodeName(path));
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

bool writeSampleTree(const QString &root, int files, qsizetype size, qsizetype step, quint32 seed)
{
    if (!QDir().mkpath(root + QStringLiteral("/nested")))
        return false;
    for (int i = 0; i < files; ++i)
        if (!writeFile(QFile::encodeName(root + QStringLiteral("/f%1").arg(i)),
                       randomData(size + i * step, seed + quint32(i))))
            return false;
    return writeFile(QFile::encodeName(root + QStringLiteral("/nested/small")), "small\n");
}

QString manifestDiff(const QMap<QByteArray, QByteArray> &a, const QMap<QByteArray, QByteArray> &b)
{
    QString out;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (!b.contains(it.key()))
            out += QStringLiteral("only in first: %1\n").arg(QString::fromLocal8Bit(it.key()));
        else if (b.value(it.key()) != it.value())
            out += QStringLiteral("differs: %1: %2 != %3\n")
                       .arg(QString::fromLocal8Bit(it.key()), QString::fromLatin1(it.value()),
                            QString::fromLatin1(b.value(it.key())));
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key()))
            out += QStringLiteral("only in second: %1\n").arg(QString::fromLocal8Bit(it.key()));
    }
    return out;
}

} // namespace obnam::test

namespace obnam::test {

QString cliBinary()
{
    const QString chosen = qEnvironmentVariable("OBNAM_CLI_BINARY");
    return chosen.isEmpty() ? QStringLiteral(OBNAM_CLI) : chosen;
}

QString serverBinary()
{
    const QString chosen = qEnvironmentVariable("OBNAM_SERVER_BINARY");
    return chosen.isEmpty() ? QStringLiteral(OBNAM_SERVER) : chosen;
}

} // namespace obnam::test

namespace obnam::test {

QString commitCrafted(Repository &repo, const QString &scratchDir, const QList<FileEntry> &entries,
                      const QByteArray &content)
{
    const QString dbPath = scratchDir + QStringLiteral("/crafted-") +
                           QString::fromLatin1(crypto::randomBytes(6).toHex()) +
                           QStringLiteral(".db");
    auto db = GenerationDb::create(dbPath);
    if (!db)
        return {};
    ChunkWriter writer(repo);
    const QByteArray id = repo.chunkId(content);
    if (!writer.add(id, compression::pack(content, 0), quint32(content.size())))
        return {};
    for (FileEntry e : entries) {
        QList<QByteArray> ids;
        if (e.kind == FileKind::Regular) {
            if (e.size == 0) // a size given is kept, whether it matches the content or not
                e.size = content.size();
            ids = {id};
        }
        if (auto inserted = (*db)->insertFile(e, ids); !inserted) {
            qWarning() << inserted.error().toString();
            return {};
        }
    }
    if (auto s = (*db)->finish(); !s) {
        qWarning() << s.error().toString();
        return {};
    }
    db->reset();
    auto chunks = generationstore::storeDatabase(repo, writer, dbPath, 3);
    if (!chunks || !writer.flush())
        return {};
    GenerationRecord r;
    r.dbChunks = *chunks;
    r.dbSize = QFileInfo(dbPath).size();
    r.started = r.finished = QDateTime::currentDateTimeUtc().addYears(1);
    r.fileCount = entries.size();
    auto gid = repo.commitGeneration(r);
    return gid ? *gid : QString();
}

qint64 longestStall(const std::function<void()> &start, const std::function<bool()> &done,
                    int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longest = 0;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.elapsed();
        longest = qMax(longest, now - last);
        last = now;
    });
    tick.start();
    start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return qMax(longest, clock.elapsed() - last);
}

} // namespace obnam::test

#include <QStorageInfo>

namespace obnam::test {

QString freeSpaceProblem(qint64 reported, const QString &path)
{
    const QStorageInfo volume(path);
    // Where the mount table does not show the file system (some containers), nobody can say.
    if (!volume.isValid())
        return reported < 0 ? QString()
                            : QStringLiteral("free space %1 reported where no file system is "
                                             "known for %2")
                                  .arg(reported)
                                  .arg(path);
    if (reported < 0)
        return QStringLiteral("free space reported as unknown");
    if (reported > volume.bytesTotal())
        return QStringLiteral("free space %1 is more than the %2 bytes of %3")
            .arg(reported)
            .arg(volume.bytesTotal())
            .arg(volume.rootPath());
    return {};
}

} // namespace obnam::test
