#pragma once

#include "support/Result.h"

#include <QString>

namespace obnam::server {

// Makes a self-signed certificate (ECDSA P-256, 10 years, subjectAltName for `hosts`) and its
// key as PEM files; the key file is mode 0600.
Status generateSelfSigned(const QString &keyPath, const QString &certPath,
                          const QStringList &hosts);

// "AB:CD:..." SHA-256 fingerprint of a PEM certificate's DER form, as browsers show it.
Result<QString> certificateFingerprint(const QString &certPath);

} // namespace obnam::server
