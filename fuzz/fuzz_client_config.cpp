// Why: obnam.yaml is parsed by yaml-cpp and then checked key by key; a typo, a wrong type or
// a strange YAML construct must come back as an error naming the key, never a crash or an
// escaping exception. The input is written to obnam.yaml in a scratch HOME created once.
// server_ca_file makes load() read the file it names; inputs naming anything outside the
// scratch HOME are skipped, so the fuzzer cannot make it read /dev/zero or a terminal.

#include "ClientConfig.h"
#include "FuzzSupport.h"
#include "chunk/Chunker.h"

#include <QFile>
#include <QTemporaryDir>

#include <yaml-cpp/yaml.h>

#include <string>

using namespace obnam;

namespace {

QTemporaryDir *home = nullptr;
QString configPath;

// True when the YAML names a CA file that is not below ~/ (the scratch HOME).
bool namesOutsideFile(const std::string &text)
{
    try {
        const YAML::Node root = YAML::Load(text);
        if (!root.IsMap())
            return false;
        for (const auto &item : root) {
            if (!item.first.IsScalar() || item.first.Scalar() != "server_ca_file")
                continue;
            if (!item.second.IsScalar())
                return false; // load() refuses a non-string value before opening anything
            const std::string &path = item.second.Scalar();
            if (path.rfind("~/", 0) != 0 || path.find("..") != std::string::npos)
                return true;
        }
    } catch (const YAML::Exception &) {
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    home = new QTemporaryDir();
    std::atexit([] { delete home; });
    configPath = home->filePath(QStringLiteral("obnam.yaml"));
    QFile ca(home->filePath(QStringLiteral("ca.pem")));
    if (ca.open(QIODevice::WriteOnly))
        ca.write("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    if (namesOutsideFile(text))
        return 0;
    {
        QFile file(configPath);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        FUZZ_CHECK(file.write(text.data(), qint64(size)) == qint64(size));
    }

    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home->path());
    const auto config = client::ClientConfig::load(configPath, client::Paths(env));
    if (!config) {
        FUZZ_CHECK(!config.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(!config->roots.isEmpty());
    FUZZ_CHECK(!config->serverUrl.isEmpty());
    FUZZ_CHECK(config->compression >= 0 && config->compression <= 19);
    FUZZ_CHECK(ChunkerParams::forAverage(config->chunkSize).validate().ok());
    (void)config->toJson();
    return 0;
}
