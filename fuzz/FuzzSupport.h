#pragma once

// Shared by every harness and by make_seeds: fixed keys, so a corpus file means the same thing
// on every run and on every machine, a quiet Qt, and a check that aborts on a broken invariant.

#include "crypto/Crypto.h"
#include "repo/MasterKeys.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace obnam::fuzz {

// Largest decompressed payload the harnesses accept: small, so a hostile size claim shows.
constexpr qsizetype kMaxPayload = 1024 * 1024;

// Master keys derived from constant labels. Never use these anywhere but in fuzzing.
inline const MasterKeys &fixedKeys()
{
    static const MasterKeys keys = [] {
        const auto derive = [](const char *label) {
            return crypto::sha256(QByteArray(QByteArrayLiteral("obnam-fuzz-fixed-key/") + label));
        };
        return MasterKeys{derive("data"), derive("id"), derive("chunker")};
    }();
    return keys;
}

inline QByteArray fixedRepositoryId()
{
    return QByteArray::fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
}

inline QByteArray fixedPassphrase()
{
    return QByteArrayLiteral("correct horse battery staple");
}

inline QString fixedSlotId()
{
    return QStringLiteral("00112233445566778899aabbccddeeff");
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] inline void fail(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz invariant violated: %s\n", file, line, what);
    std::abort();
}

// Qt's warnings (for example from QtSql about a file that is not a database) would flood the
// fuzzer's output; set OBNAM_FUZZ_VERBOSE=1 to see them. Fatal messages always print.
inline void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    static const bool verbose = qEnvironmentVariableIsSet("OBNAM_FUZZ_VERBOSE");
    if (verbose || type == QtFatalMsg)
        std::fprintf(stderr, "qt: %s\n", qPrintable(message));
}

// A QCoreApplication for the harnesses that load Qt plugins (QtSql's SQLite driver).
inline void initQt()
{
    static int argc = 1;
    static char name[] = "obnam-fuzz";
    static char *argv[] = {name, nullptr};
    qInstallMessageHandler(quietMessages);
    static QCoreApplication app(argc, argv);
}

} // namespace obnam::fuzz

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::obnam::fuzz::fail(#condition, __FILE__, __LINE__);                                   \
    } while (false)
