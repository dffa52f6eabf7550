#include "Browser.h"

#include "Session.h"
#include "WhenReady.h"
#include "engine/GenerationReader.h"
#include "engine/GenerationStore.h"
#include "repo/Repository.h"
#include "support/OperationControl.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace obnam::gui {

namespace {

// Opening may wait on a slow server or the keyring: a browser closed meanwhile does not wait
// for it (the answer is dropped), nor does the process at exit, so the pool is never
// destroyed.
QThreadPool *openingPool()
{
    static QThreadPool *pool = new QThreadPool;
    return pool;
}

struct Opened
{
    Result<client::Session> session = Error{};
    QList<GenerationRecord> generations;
};

} // namespace

Browser::Browser(client::Paths paths, QString configPath, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_configPath(std::move(configPath))
    , m_control(std::make_shared<OperationControl>())
{
    qRegisterMetaType<QList<client::SearchHit>>();
    qRegisterMetaType<QList<client::IndexedVersion>>();
    m_indexPool.setMaxThreadCount(1);
}

Browser::~Browser()
{
    m_control->cancel();
    m_indexPool.waitForDone();
}

void Browser::open(std::optional<QByteArray> passphrase)
{
    const client::Paths paths = m_paths;
    const QString configPath = m_configPath;
    auto opening = QtConcurrent::run(openingPool(), [paths, configPath, passphrase] {
        Opened o;
        o.session = client::openWithoutTerminal(configPath, paths, passphrase);
        if (o.session) {
            auto gens = o.session->repository->generations();
            if (!gens)
                o.session = gens.error();
            else
                o.generations = *gens;
        }
        return o;
    });
    whenReady(opening, this, [this, passphrase](Opened o) {
        if (!o.session) {
            const Error &e = o.session.error();
            if (e.code == ErrorCode::WrongPassphrase)
                Q_EMIT needPassphrase(true);
            else if (e.remedy == Remedy::SetUpClient && !passphrase)
                Q_EMIT needPassphrase(false);
            else
                Q_EMIT failed(e.toString());
            return;
        }
        m_session = std::make_shared<client::Session>(std::move(*o.session));
        m_generations = std::move(o.generations);
        for (const GenerationRecord &g : std::as_const(m_generations))
            m_known.insert(g.id);
        std::sort(m_generations.begin(), m_generations.end(),
                  [](const GenerationRecord &a, const GenerationRecord &b) {
                      return std::tie(a.finished, a.id) > std::tie(b.finished, b.id);
                  });
        Q_EMIT opened();
        updateIndex();
    });
}

std::optional<GenerationRecord> Browser::generation(const QString &id) const
{
    for (const GenerationRecord &g : m_generations)
        if (g.id == id)
            return g;
    return std::nullopt;
}

void Browser::updateIndex()
{
    auto session = m_session;
    auto control = m_control;
    auto answer = QtConcurrent::run(
        &m_indexPool,
        [this, session, control]() -> Result<QHash<QString, client::GenerationChanges>> {
            const auto told = [this](int done, int total) {
                QMetaObject::invokeMethod(
                    this, [this, done, total] { Q_EMIT indexProgress(done, total); });
            };
            auto index = client::updatedSearchIndex(*session, control.get(), told);
            if (!index)
                return index.error();
            auto changes = (*index)->changes();
            m_index = std::move(*index);
            return changes;
        });
    whenReady(std::move(answer), this,
              [this](const Result<QHash<QString, client::GenerationChanges>> &changes) {
                  if (!changes) {
                      if (changes.error().code != ErrorCode::Cancelled)
                          Q_EMIT indexFailed(changes.error().toString());
                      return;
                  }
                  m_changes = *changes;
                  m_indexReady = true;
                  Q_EMIT indexFinished();
              });
}

void Browser::search(const QString &pattern)
{
    const quint64 ticket = ++m_searchTicket;
    const client::PathPattern compiled(pattern);
    if (!compiled.isValid()) {
        Q_EMIT searchFailed(pattern, compiled.errorString());
        return;
    }
    struct Answer
    {
        Result<QList<client::SearchHit>> hits = Error{};
        bool truncated = false;
    };
    m_searchTicketSeen.store(ticket);
    auto answer = QtConcurrent::run(&m_indexPool, [this, compiled, ticket] {
        Answer a;
        // A newer search is waiting behind this one: nobody wants this answer.
        if (ticket != m_searchTicketSeen.load())
            a.hits = makeError(ErrorCode::Cancelled, QString());
        else if (!m_index)
            a.hits = makeError(ErrorCode::NotFound, tr("The search index could not be prepared."));
        else
            a.hits = m_index->find(compiled, kSearchLimit, &a.truncated);
        return a;
    });
    whenReady(std::move(answer), this, [this, pattern, ticket](const Answer &a) {
        if (ticket != m_searchTicket)
            return;
        if (!a.hits) {
            Q_EMIT searchFailed(pattern, a.hits.error().message);
            return;
        }
        // Backups made since the window opened are in the index but not in the list: left
        // out, as everywhere else in the window.
        QList<client::SearchHit> hits;
        for (client::SearchHit hit : *a.hits) {
            hit.generations.removeIf([this](const QString &id) { return !m_known.contains(id); });
            if (!hit.generations.isEmpty())
                hits.append(std::move(hit));
        }
        Q_EMIT searched(pattern, hits, a.truncated);
    });
}

void Browser::versions(const QByteArray &path)
{
    const quint64 ticket = ++m_versionsTicket;
    auto answer =
        QtConcurrent::run(&m_indexPool, [this, path]() -> Result<QList<client::IndexedVersion>> {
            if (!m_index)
                return makeError(ErrorCode::NotFound,
                                 tr("The search index could not be prepared."));
            return m_index->versions(path);
        });
    whenReady(std::move(answer), this,
              [this, path, ticket](const Result<QList<client::IndexedVersion>> &v) {
                  if (ticket != m_versionsTicket)
                      return;
                  if (!v) {
                      Q_EMIT versionsFailed(path, v.error().message);
                      return;
                  }
                  QList<client::IndexedVersion> versions;
                  for (client::IndexedVersion version : *v) {
                      version.generations.removeIf(
                          [this](const QString &id) { return !m_known.contains(id); });
                      if (!version.generations.isEmpty())
                          versions.append(std::move(version));
                  }
                  Q_EMIT versionsFound(path, versions);
              });
}

QFuture<Result<std::shared_ptr<GenerationReader>>> Browser::reader(const GenerationRecord &gen)
{
    auto session = m_session;
    auto control = m_control;
    return QtConcurrent::run(
        openingPool(), [session, control, gen]() -> Result<std::shared_ptr<GenerationReader>> {
            // The session rides along: the download reads through its repository however long
            // it takes, whatever closed meanwhile. Closing the browser cancels it.
            auto path = generationstore::fetchDatabase(*session->repository, gen, session->cacheDir,
                                                       control.get());
            if (!path)
                return path.error();
            return GenerationReader::open(*path).result();
        });
}

} // namespace obnam::gui
