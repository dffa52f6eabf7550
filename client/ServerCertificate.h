#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace obnam::client {

// The certificate an obnam-server presents, trusted or not, so that a person setting up a
// client can compare its fingerprint with the one the server's administrator gave them (the
// server prints it when it starts) before anything is sent to it.
struct ServerCertificate
{
    QByteArray sha256;    // digest of the DER certificate
    bool trusted = false; // the system's certificate authorities vouch for it and the name
    QStringList problems; // why it is not trusted, in Qt's words
    QString subject;      // common name
    QDateTime expires;

    // "AB:CD:…", as obnam-server prints it and server_cert_sha256 takes it.
    QString fingerprint() const;
};

// Connects to the host and port of an https:// URL and reads its certificate; nothing is sent
// over the connection. Runs on a thread of its own; answers through the future.
QFuture<Result<ServerCertificate>> fetchServerCertificate(const QUrl &url, int timeoutMs = 15000);

// A fingerprint as a person types or pastes it: 64 hex digits, with or without colons or
// spaces, either case. An error names what is wrong with it.
Result<QByteArray> parseFingerprint(const QString &text);

} // namespace obnam::client
