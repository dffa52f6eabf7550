#pragma once

#include "Backend.h"

#include "HttpsConnection.h"

#include <memory>

namespace obnam {

// Backend over obnam-server's /v1/ API.
class HttpsBackend final : public Backend
{
public:
    explicit HttpsBackend(HttpsSettings settings, HttpsConnection::NamFactory namFactory = {});
    ~HttpsBackend() override;

    QString location() const override;

    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override;
    QFuture<Result<QByteArray>> get(const QString &name) override;
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                         qint64 length) override;
    QFuture<Result<qint64>> stat(const QString &name) override;
    QFuture<Result<QStringList>> list(const QString &prefix) override;
    QFuture<Status> remove(const QString &name) override;
    // Qt opens six connections per host; one upload for each.
    int preferredWritesInFlight() const override { return 6; }

    const HttpsConnection &connection() const { return *m_connection; }

    // HTTP status and transport problems as the project's errors.
    static Error toError(const HttpOutcome &outcome, const QString &name);

private:
    std::unique_ptr<HttpsConnection> m_connection;
};

} // namespace obnam
