#include "CrashPoint.h"

#include <QByteArray>
#include <QFile>
#include <QMutex>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace obnam::crashpoint {

namespace {

struct Config
{
    qint64 crashAt = 0;
    QByteArray log;
    bool active = false;
};

const Config &config()
{
    static const Config c = [] {
        Config r;
        r.crashAt = qEnvironmentVariableIntValue("OBNAM_CRASH_AT");
        r.log = qgetenv("OBNAM_CRASH_LOG");
        r.active = r.crashAt > 0 || !r.log.isEmpty();
        return r;
    }();
    return c;
}

std::atomic<qint64> g_count{0};
QMutex g_logMutex;

} // namespace

void hit(const char *name)
{
    const Config &c = config();
    if (!c.active)
        return;
    const qint64 n = ++g_count;
    if (!c.log.isEmpty()) {
        QMutexLocker lock(&g_logMutex);
        QFile f(QFile::decodeName(c.log));
        if (f.open(QIODevice::Append))
            f.write(QByteArray(name) + '\n');
    }
    if (n == c.crashAt) {
        // As abrupt as a power cut: no destructors, no flushing, no atexit handlers.
        ::kill(::getpid(), SIGKILL);
        ::_exit(137);
    }
}

} // namespace obnam::crashpoint
