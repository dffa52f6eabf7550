#include "MasterKeys.h"

#include <QCoreApplication>

#include "crypto/Crypto.h"

namespace obnam {

namespace {
constexpr char kVersion = 1;
constexpr int kBlobSize = 1 + 3 * crypto::kKeySize;
} // namespace

MasterKeys MasterKeys::generate()
{
    return MasterKeys{crypto::randomBytes(crypto::kKeySize), crypto::randomBytes(crypto::kKeySize),
                      crypto::randomBytes(crypto::kKeySize)};
}

bool MasterKeys::isValid() const
{
    return dataKey.size() == crypto::kKeySize && idKey.size() == crypto::kKeySize &&
           chunkerSeed.size() == crypto::kKeySize;
}

QByteArray MasterKeys::serialize() const
{
    QByteArray blob;
    blob.reserve(kBlobSize);
    blob.append(kVersion);
    blob.append(dataKey);
    blob.append(idKey);
    blob.append(chunkerSeed);
    return blob;
}

Result<MasterKeys> MasterKeys::deserialize(const QByteArray &blob)
{
    if (blob.size() != kBlobSize || blob[0] != kVersion)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "master key material has the wrong form"));
    const int k = crypto::kKeySize;
    return MasterKeys{blob.mid(1, k), blob.mid(1 + k, k), blob.mid(1 + 2 * k, k)};
}

void MasterKeys::wipe()
{
    crypto::wipe(dataKey);
    crypto::wipe(idKey);
    crypto::wipe(chunkerSeed);
}

} // namespace obnam
