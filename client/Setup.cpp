#include "Setup.h"

#include "ConfigEditor.h"
#include "Credentials.h"
#include "Session.h"
#include "crypto/Crypto.h"
#include "repo/Repository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace obnam::client {

Setup::~Setup()
{
    if (!m_draft.isEmpty())
        QFile::remove(m_draft);
}

Result<std::unique_ptr<Setup>> Setup::prepare(const Request &request, const Paths &paths)
{
    std::unique_ptr<Setup> setup(new Setup);
    const QString &path = request.configPath;
    if (!QFileInfo::exists(path)) {
        QStringList roots;
        for (const QString &root : request.roots)
            roots.append(QFileInfo(paths.expandHome(root)).absoluteFilePath());
        if (roots.isEmpty())
            roots.append(paths.home());
        QString repository = request.repository;
        if (repository.isEmpty())
            repository = paths.defaultRepository();
        else if (!repository.contains(QStringLiteral("://")))
            repository = QFileInfo(paths.expandHome(repository)).absoluteFilePath();
        setup->m_draft =
            path + QStringLiteral(".new-") + QString::fromLatin1(crypto::randomBytes(4).toHex());
        if (auto s = ClientConfig::writeDefault(setup->m_draft, roots, repository); !s)
            return Error{s.error().code, s.error().message, path};
        if (!request.excludes.isEmpty() || !request.serverCertSha256Text.isEmpty() ||
            !request.accessToken.isEmpty() || !request.keys.isEmpty()) {
            auto editor = ConfigEditor::open(setup->m_draft);
            if (!editor)
                return editor.error();
            if (!request.excludes.isEmpty())
                editor->set(QStringLiteral("exclude"), QVariant(request.excludes));
            if (!request.serverCertSha256Text.isEmpty())
                editor->set(QStringLiteral("server_cert_sha256"),
                            QVariant(QString::fromLatin1(request.serverCertSha256Text)));
            if (!request.accessToken.isEmpty())
                editor->set(QStringLiteral("access_token"),
                            QVariant(QString::fromUtf8(request.accessToken)));
            for (const auto &[key, value] : request.keys)
                editor->set(key, QVariant(value));
            if (auto s = editor->save(); !s)
                return Error{s.error().code, s.error().message, path};
        }
    } else if (!request.roots.isEmpty() || !request.repository.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam",
                                                     "--root and --repository only apply when no "
                                                     "configuration exists yet; edit the "
                                                     "configuration instead"),
                         path);
    }
    auto config = ClientConfig::load(setup->m_draft.isEmpty() ? path : setup->m_draft, paths);
    if (!config)
        return config.error();
    setup->m_config = std::move(*config);
    setup->m_config.path = path;
    setup->m_warnings += setup->m_config.warnings;
    auto backend = makeBackend(setup->m_config, &setup->m_warnings);
    if (!backend)
        return backend.error();
    setup->m_backend = std::move(*backend);
    auto exists = Repository::exists(*setup->m_backend);
    if (!exists)
        return exists.error();
    setup->m_exists = *exists;
    if (!*exists && setup->m_config.isLocal() && !request.allowNonEmpty) {
        // Not a repository, but not empty either: most likely a typo for another folder, or
        // the user's own files. A repository is not created among them.
        const QDir dir(setup->m_config.repositoryPath);
        if (dir.exists() &&
            !dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate(
                                 "obnam", "the directory is not empty and is not an obnam "
                                          "repository; choose an empty or new directory (or pass "
                                          "--allow-non-empty)"),
                             setup->m_config.repositoryPath, Remedy::ChooseEmptyFolder);
    }
    return setup;
}

Result<Setup::Done> Setup::complete(const QByteArray &passphrase)
{
    Result<std::unique_ptr<Repository>> repo = makeError(ErrorCode::Permanent, QString());
    if (m_exists) {
        repo = Repository::open(m_backend, passphrase);
    } else {
        if (auto ready = m_backend->prepareForInit().result(); !ready)
            return ready.error();
        Repository::InitOptions options;
        options.chunker = ChunkerParams::forAverage(m_config.chunkSize);
        repo = Repository::init(m_backend, passphrase, options);
    }
    if (!repo)
        return repo.error();
    Done done;
    done.created = !m_exists;
    done.repositoryId = (*repo)->config().repositoryIdHex();
    if (!m_draft.isEmpty()) {
        if (!QFile::rename(m_draft, m_config.path))
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("obnam", "cannot write the configuration"),
                             m_config.path);
        m_draft.clear();
        done.wroteConfig = true;
    }
    const Credentials credentials{done.repositoryId, (*repo)->keys()};
    if (auto s = credentials.save(m_config.credentialsPath()); !s)
        return s.error();
    logRun(m_config, QStringLiteral("INFO"),
           QStringLiteral("init: %1 repository %2")
               .arg(done.created ? QStringLiteral("created") : QStringLiteral("unlocked"),
                    m_config.serverUrl));
    return done;
}

} // namespace obnam::client
