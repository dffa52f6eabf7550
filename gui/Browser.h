#pragma once

#include "Paths.h"
#include "SearchIndex.h"
#include "repo/GenerationRecord.h"
#include "support/Result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace obnam {
class GenerationReader;
class OperationControl;
} // namespace obnam

namespace obnam::client {
struct Session;
}

namespace obnam::gui {

// The generation browser's link to the repository: one session, opened on a worker and kept
// while the browser is open, and the search index brought up to date behind it. Every query
// runs off the window's thread and answers with a signal; the answer to a search or a
// version list that was asked again meanwhile is dropped.
class Browser : public QObject
{
    Q_OBJECT

public:
    Browser(client::Paths paths, QString configPath, QObject *parent = nullptr);
    ~Browser() override;

    // Opens the repository: opened(), needPassphrase() or failed().
    void open(std::optional<QByteArray> passphrase = std::nullopt);
    bool isOpen() const { return m_session != nullptr; }
    const QString &configPath() const { return m_configPath; }
    const client::Paths &paths() const { return m_paths; }
    // The open session, shared with whatever reads through it (a reader, a restore), so that
    // it outlives them.
    std::shared_ptr<client::Session> session() const { return m_session; }

    // Newest first.
    const QList<GenerationRecord> &generations() const { return m_generations; }
    std::optional<GenerationRecord> generation(const QString &id) const;
    // What each generation added, changed and removed; filled once the index is ready.
    const QHash<QString, client::GenerationChanges> &changes() const { return m_changes; }
    bool indexReady() const { return m_indexReady; }

    // At most this many hits are shown for a search.
    static constexpr int kSearchLimit = 1000;
    void search(const QString &pattern);
    void versions(const QByteArray &path);
    // A reader of the generation's database (fetched into the cache if need be).
    QFuture<Result<std::shared_ptr<GenerationReader>>> reader(const GenerationRecord &gen);

Q_SIGNALS:
    void opened();
    void needPassphrase(bool wrongBefore);
    void failed(const QString &message);
    void indexProgress(int done, int total);
    void indexFinished(); // changes() filled, searches answered from now on
    void indexFailed(const QString &message);
    void searched(const QString &pattern, const QList<obnam::client::SearchHit> &hits,
                  bool truncated);
    void searchFailed(const QString &pattern, const QString &message);
    void versionsFound(const QByteArray &path,
                       const QList<obnam::client::IndexedVersion> &versions);
    void versionsFailed(const QByteArray &path, const QString &message);

private:
    void updateIndex();

    client::Paths m_paths;
    QString m_configPath;
    std::shared_ptr<client::Session> m_session;
    QList<GenerationRecord> m_generations;
    QSet<QString> m_known; // their ids
    QHash<QString, client::GenerationChanges> m_changes;
    bool m_indexReady = false;
    // Used on m_indexPool's one thread only: updates, searches and version lists in turn.
    std::shared_ptr<client::SearchIndex> m_index;
    QThreadPool m_indexPool;
    std::shared_ptr<OperationControl> m_control; // stops the index update when closing
    quint64 m_searchTicket = 0;                  // the window's thread
    std::atomic<quint64> m_searchTicketSeen{0};  // the newest search handed to the pool
    quint64 m_versionsTicket = 0;
};

} // namespace obnam::gui

Q_DECLARE_METATYPE(obnam::client::SearchHit)
Q_DECLARE_METATYPE(obnam::client::IndexedVersion)
