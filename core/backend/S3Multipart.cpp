// S3 multipart upload for the S3 backend's large objects: initiate, one PUT per part (each
// with its own retries), complete with the parts' ETags; any failure aborts the upload so the
// store drops the parts it holds.
#include "S3Backend.h"

#include "ObjectName.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QXmlStreamReader>

#include <optional>
#include <utility>

namespace obnam {

struct S3Backend::Upload
{
    QString name;
    QString key;
    QByteArray data;
    bool createOnly = false;
    QString uploadId;
    QList<QByteArray> etags;
    SharedPromise<Status> promise;

    void finish(const Status &status) { promise.finish(status); }
    QString idQuery() const { return QStringLiteral("uploadId=") + s3::queryValue(uploadId); }
};

namespace {

QString firstElementText(const QByteArray &body, QLatin1String element)
{
    QXmlStreamReader xml(body);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == element)
            return xml.readElementText();
    }
    return {};
}

} // namespace

QFuture<Status> S3Backend::putMultipart(const QString &name, const QByteArray &data, PutMode mode)
{
    auto upload = std::make_shared<Upload>();
    upload->name = name;
    upload->key = m_settings.prefix + name;
    upload->data = data;
    upload->createOnly = mode == PutMode::CreateOnly;
    QFuture<Status> future = upload->promise.future();
    if (!upload->createOnly) {
        initiateUpload(upload);
        return future;
    }
    // Completion is also sent with If-None-Match: *, but not every store honours it there
    // (AWS does; older Ceph RGW releases ignore it), so look first. A writer that stores the
    // same name between the look and the completion is replaced by this one: names are
    // content hashes, so both hold the same bytes.
    stat(name).then([this, hold = m_inFlight.hold(), upload](const Result<qint64> &size) {
        if (size)
            upload->finish(makeError(ErrorCode::AlreadyExists,
                                     QCoreApplication::translate("obnam", "object exists"),
                                     upload->name));
        else if (size.error().code != ErrorCode::NotFound)
            upload->finish(size.error());
        else if (m_closing)
            upload->finish(closingError(upload->name));
        else
            initiateUpload(upload);
    });
    return future;
}

void S3Backend::initiateUpload(std::shared_ptr<Upload> upload)
{
    m_connection->send(spec("POST", upload->key, QStringLiteral("uploads")))
        .then([this, hold = m_inFlight.hold(), upload](const HttpOutcome &o) {
            if (o.status != 200) {
                upload->finish(toError(o, upload->name));
                return;
            }
            upload->uploadId = firstElementText(o.body, QLatin1String("UploadId"));
            if (upload->uploadId.isEmpty()) {
                upload->finish(makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("obnam", "the S3 store started an upload without "
                                                         "naming it"),
                    upload->name));
                return;
            }
            if (m_closing) {
                abortUpload(upload, closingError(upload->name));
                return;
            }
            sendPart(upload, 0);
        });
}

void S3Backend::sendPart(std::shared_ptr<Upload> upload, int index)
{
    const qint64 offset = qint64(index) * m_settings.partSize;
    if (offset >= upload->data.size()) {
        completeUpload(upload);
        return;
    }
    const QString query = QStringLiteral("partNumber=%1&").arg(index + 1) + upload->idQuery();
    m_connection
        ->send(spec("PUT", upload->key, query, upload->data.mid(offset, m_settings.partSize)))
        .then([this, hold = m_inFlight.hold(), upload, index](const HttpOutcome &o) {
            if (o.status != 200 || o.etag.isEmpty()) {
                abortUpload(upload, o.status == 200
                                        ? makeError(ErrorCode::Corrupt,
                                                    QCoreApplication::translate(
                                                        "obnam", "the S3 store took a part "
                                                                 "without an ETag"),
                                                    upload->name)
                                        : toError(o, upload->name));
                return;
            }
            upload->etags.append(o.etag);
            if (m_closing) {
                abortUpload(upload, closingError(upload->name));
                return;
            }
            sendPart(upload, index + 1);
        });
}

void S3Backend::completeUpload(std::shared_ptr<Upload> upload)
{
    QByteArray body = "<CompleteMultipartUpload>";
    for (qsizetype i = 0; i < upload->etags.size(); ++i)
        body += "<Part><PartNumber>" + QByteArray::number(i + 1) + "</PartNumber><ETag>" +
                QString::fromLatin1(upload->etags[i]).toHtmlEscaped().toLatin1() + "</ETag></Part>";
    body += "</CompleteMultipartUpload>";
    NetworkJob::Spec s = spec("POST", upload->key, upload->idQuery(), body);
    s.createOnly = upload->createOnly;
    m_connection->send(std::move(s))
        .then([this, hold = m_inFlight.hold(), upload](const HttpOutcome &o) {
            // A completion can fail after its 200 has been sent: the error is then in the body.
            if (o.status == 200 && errorCode(o.body).isEmpty()) {
                upload->finish(Status{});
                return;
            }
            HttpOutcome failed = o;
            if (failed.status == 200)
                failed.status = 500;
            const Error refused = toError(failed, upload->name);
            // Sent again after an earlier completion's answer was lost: that one may have
            // completed the upload, and this one finds it gone (NoSuchUpload) or the name
            // taken (412).
            const bool maybeDone =
                o.attempts > 1 &&
                (o.status == 412 ||
                 (o.status == 404 && errorCode(o.body) == QLatin1String("NoSuchUpload")));
            if (!maybeDone || m_closing) {
                abortUpload(upload, refused);
                return;
            }
            confirmOwnWrite(upload->name, multipartEtagOf(upload->etags),
                            [this, hold, upload, refused](bool stored) {
                                if (stored)
                                    upload->finish(Status{});
                                else
                                    abortUpload(upload, refused);
                            });
        });
}

void S3Backend::abortUpload(std::shared_ptr<Upload> upload, const Error &error)
{
    // The store keeps (and bills) the parts of an upload until it is aborted. The error that
    // led here is what the caller hears, whatever the abort's own answer.
    m_connection->send(spec("DELETE", upload->key, upload->idQuery()))
        .then([upload, error](const HttpOutcome &) { upload->finish(error); });
}

Result<qint64> S3Backend::removeStaleTemporaries(qint64 olderThanSeconds)
{
    return removeStaleUploads(olderThanSeconds,
                              [](const QString &key) { return bool(objectname::validate(key)); });
}

Result<qint64> S3Backend::removeStaleUploads(qint64 olderThanSeconds,
                                             const std::function<bool(const QString &key)> &ours)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-olderThanSeconds);
    struct Stale
    {
        QString key;
        QString uploadId;
    };
    QList<Stale> stale;
    QString keyMarker;
    QString idMarker;
    // ListMultipartUploads, a page (up to 1,000 uploads) at a time.
    for (;;) {
        QString query = QStringLiteral("prefix=") + s3::queryValue(m_settings.prefix) +
                        QStringLiteral("&uploads=");
        if (!keyMarker.isEmpty())
            query += QStringLiteral("&key-marker=") + s3::queryValue(keyMarker) +
                     QStringLiteral("&upload-id-marker=") + s3::queryValue(idMarker);
        NetworkJob::Spec s = spec("GET", {}, query);
        s.path = bucketPath() + QLatin1Char('?') + query;
        const HttpOutcome o = m_connection->send(std::move(s)).result();
        if (o.status != 200)
            return toError(o, m_settings.prefix);
        QXmlStreamReader xml(o.body);
        Stale upload;
        QDateTime initiated;
        bool truncated = false;
        const QString previousKey = std::exchange(keyMarker, QString());
        const QString previousId = std::exchange(idMarker, QString());
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.name() == QLatin1String("Upload")) {
                // Only this prefix's uploads were asked for, and only names a repository uses are
                // touched: a bucket shared with other programs keeps their uploads.
                if (initiated.isValid() && initiated < cutoff && !upload.uploadId.isEmpty() &&
                    upload.key.startsWith(m_settings.prefix) &&
                    ours(upload.key.mid(m_settings.prefix.size())))
                    stale.append(upload);
                upload = {};
                initiated = {};
            }
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("Key"))
                upload.key = xml.readElementText();
            else if (xml.name() == QLatin1String("UploadId"))
                upload.uploadId = xml.readElementText();
            else if (xml.name() == QLatin1String("Initiated"))
                initiated = QDateTime::fromString(xml.readElementText(), Qt::ISODateWithMs);
            else if (xml.name() == QLatin1String("IsTruncated"))
                truncated = xml.readElementText() == QStringLiteral("true");
            else if (xml.name() == QLatin1String("NextKeyMarker"))
                keyMarker = xml.readElementText();
            else if (xml.name() == QLatin1String("NextUploadIdMarker"))
                idMarker = xml.readElementText();
        }
        if (xml.hasError())
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate(
                                 "obnam", "the S3 store's list of unfinished uploads is not XML"),
                             m_settings.prefix);
        // Also when the store points back to the page just read: cleaning up is done again
        // at the next start, a loop would never end.
        if (!truncated || keyMarker.isEmpty() ||
            (keyMarker == previousKey && idMarker == previousId))
            break;
    }

    qint64 bytes = 0;
    std::optional<Error> firstError;
    for (const Stale &upload : std::as_const(stale)) {
        const QString id = QStringLiteral("uploadId=") + s3::queryValue(upload.uploadId);
        // ListParts, for the bytes freed (its first page: our uploads have few parts).
        const HttpOutcome parts = m_connection->send(spec("GET", upload.key, id)).result();
        if (parts.status == 200) {
            QXmlStreamReader xml(parts.body);
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("Size"))
                    bytes += xml.readElementText().toLongLong();
            }
        }
        const HttpOutcome aborted = m_connection->send(spec("DELETE", upload.key, id)).result();
        // 404: another process aborted or completed it meanwhile. A refusal is reported once
        // all the others have been tried.
        if (aborted.status != 204 && aborted.status != 200 && aborted.status != 404 && !firstError)
            firstError = toError(aborted, upload.key);
    }
    if (firstError)
        return *firstError;
    return bytes;
}

} // namespace obnam
