// Why: a generation's SQLite database comes back from storage for every restore, diff and
// incremental backup. openReadOnly() must refuse files that are not databases of this program,
// and reading a hostile one (bad rows, wrong column types, odd schemas) must give errors, not
// crashes. SQLite itself is not instrumented: coverage comes from GenerationDb's own code.
// The input is written to one temporary file, created once per process, and walked whole.

#include "FuzzSupport.h"
#include "gen/GenerationDb.h"

#include <QFile>
#include <QTemporaryDir>

using namespace obnam;

namespace {
QTemporaryDir *scratch = nullptr;
QString dbPath;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    scratch = new QTemporaryDir(); // removed at exit; the fuzzer never returns from main
    std::atexit([] { delete scratch; });
    dbPath = scratch->filePath(QStringLiteral("generation.db"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const char *suffix : {"-journal", "-wal", "-shm"})
        QFile::remove(dbPath + QLatin1String(suffix));
    {
        QFile file(dbPath);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size));
    }

    const auto db = GenerationDb::openReadOnly(dbPath);
    if (!db)
        return 0;
    (void)(*db)->allMeta();
    (void)(*db)->fileCount();
    (void)(*db)->meta(QStringLiteral("schema_version_minor"));
    int visited = 0;
    const auto walked = (*db)->forEachFile([&](const FileEntry &entry) {
        FUZZ_CHECK(!entry.path.isEmpty());
        // Not checked: that lookup() returns the entry asked for. With a files_path index that
        // disagrees with the table, SQLite answers from the index and lookup() returns another
        // file's row (see docs/fuzzing.md, "Known findings").
        (void)(*db)->lookup(entry.path);
        const auto chunks = (*db)->chunks(entry.fileId);
        if (chunks) {
            for (const QByteArray &id : *chunks)
                FUZZ_CHECK(id.size() == 32);
        }
        return ++visited < 1000;
    });
    (void)walked;
    return 0;
}
