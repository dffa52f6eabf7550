#include "Setup.h"
#include "SetupWizard.h"
#include "WhenReady.h"
#include "WizardPages.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::gui {

WherePage::WherePage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_local(new QRadioButton(tr("A &folder or removable disk"), this))
    , m_server(new QRadioButton(tr("An obnam-&server"), this))
    , m_bucket(new QRadioButton(tr("An S&3 bucket (Amazon S3, Ceph, MinIO, …)"), this))
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Bro&wse…"), this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_expected(new QLineEdit(this))
    , m_bucketUrl(new QLineEdit(this))
    , m_keyId(new QLineEdit(this))
    , m_secretKey(new QLineEdit(this))
    , m_region(new QLineEdit(this))
    , m_certificate(new QLabel(this))
    , m_confirm(new QCheckBox(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_local->setObjectName(QStringLiteral("local"));
    m_server->setObjectName(QStringLiteral("server"));
    m_local->setChecked(true);
    layout->addWidget(m_local);
    auto *folderRow = new QHBoxLayout;
    folderRow->addSpacing(24);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setAccessibleName(tr("Repository folder"));
    m_folder->setText(wizard->paths().defaultRepository());
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    layout->addLayout(folderRow);
    layout->addWidget(m_server);
    auto *form = new QFormLayout;
    form->setContentsMargins(24, 0, 0, 0);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(QStringLiteral("https://backup.example.org:8888"));
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_expected->setObjectName(QStringLiteral("fingerprint"));
    m_expected->setPlaceholderText(tr("only for a server with a certificate of its own"));
    const QList<std::pair<QString, QLineEdit *>> rows{
        {tr("&Address:"), m_url},
        {tr("Access &token:"), m_token},
        {tr("Certificate finger&print:"), m_expected}};
    QList<QLabel *> labels;
    for (const auto &[text, edit] : rows) {
        auto *label = new QLabel(text, this);
        label->setBuddy(edit);
        edit->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        form->addRow(label, edit);
        labels.append(label);
    }
    layout->addLayout(form);
    m_bucket->setObjectName(QStringLiteral("bucket"));
    layout->addWidget(m_bucket);
    auto *bucketForm = new QFormLayout;
    bucketForm->setContentsMargins(24, 0, 0, 0);
    m_bucketUrl->setObjectName(QStringLiteral("bucketUrl"));
    m_bucketUrl->setPlaceholderText(QStringLiteral("s3://s3.example.com/bucket/folder"));
    m_keyId->setObjectName(QStringLiteral("keyId"));
    m_secretKey->setObjectName(QStringLiteral("secretKey"));
    m_secretKey->setEchoMode(QLineEdit::Password);
    m_keyId->setPlaceholderText(tr("empty: from ~/.aws/credentials or AWS_ACCESS_KEY_ID"));
    m_region->setObjectName(QStringLiteral("region"));
    m_region->setPlaceholderText(tr("empty: from ~/.aws/config, else us-east-1"));
    const QList<std::pair<QString, QLineEdit *>> bucketRows{
        {tr("B&ucket address:"), m_bucketUrl},
        {tr("Access key &ID:"), m_keyId},
        {tr("Secret access &key:"), m_secretKey},
        {tr("Re&gion:"), m_region}};
    for (const auto &[text, edit] : bucketRows) {
        auto *label = new QLabel(text, this);
        label->setBuddy(edit);
        edit->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        bucketForm->addRow(label, edit);
        labels.append(label);
    }
    layout->addLayout(bucketForm);
    // The server's and the bucket's fields start at one edge, in every language.
    int labelWidth = 0;
    for (const QLabel *label : std::as_const(labels))
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QLabel *label : std::as_const(labels))
        label->setMinimumWidth(labelWidth);
    m_certificate->setObjectName(QStringLiteral("certificate"));
    m_certificate->setWordWrap(true);
    m_certificate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_certificate->hide();
    layout->addWidget(m_certificate);
    m_confirm->setObjectName(QStringLiteral("confirmFingerprint"));
    m_confirm->setText(tr("I have compared this fingerprint with the one from the server's "
                          "administrator, and they are the same"));
    m_confirm->hide();
    layout->addWidget(m_confirm);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch();

    for (QLineEdit *edit :
         {m_folder, m_url, m_token, m_expected, m_bucketUrl, m_keyId, m_secretKey, m_region})
        connect(edit, &QLineEdit::textChanged, this, &WherePage::changed);
    for (QAbstractButton *button :
         {static_cast<QAbstractButton *>(m_local), static_cast<QAbstractButton *>(m_server),
          static_cast<QAbstractButton *>(m_bucket), static_cast<QAbstractButton *>(m_confirm)})
        connect(button, &QAbstractButton::toggled, this, &WherePage::changed);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        m_fetched.reset();
        m_certificate->hide();
        m_confirm->hide();
        m_confirm->setChecked(false);
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new QFileDialog(this, tr("Choose where to keep the backups"), m_wizard->paths().home());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        connect(dialog, &QFileDialog::fileSelected, m_folder, &QLineEdit::setText);
        dialog->open();
    });
    changed();
}

void WherePage::initializePage()
{
    if (m_wizard->restoring()) {
        setTitle(tr("Where are your backups?"));
        setSubTitle(tr("The repository you backed up to: a folder, a removable disk, an "
                       "obnam-server or an S3 bucket."));
    } else {
        setTitle(tr("Where to keep the backups"));
        setSubTitle(tr("Best on another disk or a server: a backup on the same disk is lost "
                       "with it. A new folder is created as an empty repository."));
    }
}

void WherePage::changed()
{
    m_ready = false;
    const bool local = m_local->isChecked();
    m_folder->setEnabled(local);
    m_browse->setEnabled(local);
    for (QLineEdit *edit : {m_url, m_token, m_expected})
        edit->setEnabled(m_server->isChecked());
    for (QLineEdit *edit : {m_bucketUrl, m_keyId, m_secretKey, m_region})
        edit->setEnabled(m_bucket->isChecked());
    if (!m_busy)
        m_status->clear();
    Q_EMIT completeChanged();
}

bool WherePage::isComplete() const
{
    if (m_busy)
        return false;
    if (m_local->isChecked())
        return !m_folder->text().trimmed().isEmpty();
    if (m_bucket->isChecked())
        return !m_bucketUrl->text().trimmed().isEmpty();
    // A server without its access token cannot be used: the administrator gives both.
    return !m_url->text().trimmed().isEmpty() && !m_token->text().trimmed().isEmpty();
}

void WherePage::setBusy(const QString &what)
{
    m_busy = !what.isEmpty();
    m_wizard->setWorking(m_busy);
    m_status->setText(what);
    Q_EMIT completeChanged();
}

void WherePage::fail(const QString &message)
{
    m_busy = false;
    m_wizard->setWorking(false);
    m_status->setText(message);
    Q_EMIT completeChanged();
}

bool WherePage::validatePage()
{
    if (m_ready)
        return true;
    if (m_busy)
        return false;
    if (m_local->isChecked()) {
        prepare(m_folder->text().trimmed(), QByteArray(), QString());
        return false;
    }
    if (m_bucket->isChecked()) {
        prepareBucket();
        return false;
    }
    const QUrl url(m_url->text().trimmed());
    if (url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        fail(tr("The server's address starts with https:// and names the server, such as "
                "https://backup.example.org:8888."));
        return false;
    }
    if (!m_expected->text().trimmed().isEmpty()) {
        if (auto parsed = client::parseFingerprint(m_expected->text()); !parsed) {
            fail(tr("The certificate fingerprint is not valid: %1").arg(parsed.error().message));
            return false;
        }
    }
    if (m_fetched && m_fetchedFor == url.toString()) {
        decideOnCertificate();
        return false;
    }
    setBusy(tr("Connecting to %1…").arg(url.host()));
    const QString wanted = url.toString();
    whenReady(client::fetchServerCertificate(url), this,
              [this, wanted](const Result<client::ServerCertificate> &certificate) {
                  m_busy = false;
                  m_wizard->setWorking(false);
                  if (wizard()->currentPage() != this ||
                      QUrl(m_url->text().trimmed()).toString() != wanted) {
                      // Left or changed meanwhile: the answer is about another address.
                      m_status->clear();
                      Q_EMIT completeChanged();
                      return;
                  }
                  if (!certificate) {
                      fail(tr("The server cannot be reached: %1").arg(certificate.error().message));
                      return;
                  }
                  m_fetched = *certificate;
                  m_fetchedFor = wanted;
                  decideOnCertificate();
              });
    return false;
}

void WherePage::decideOnCertificate()
{
    const client::ServerCertificate &certificate = *m_fetched;
    const QString typed = m_expected->text().trimmed();
    QString pin;
    if (!typed.isEmpty()) {
        const QByteArray expected = *client::parseFingerprint(typed);
        if (expected != certificate.sha256) {
            m_certificate->setText(
                tr("<b>This is not the server you were told about.</b> It presented a "
                   "certificate with the fingerprint<br><tt>%1</tt><br>but the fingerprint you "
                   "entered is<br><tt>%2</tt><br>Someone may be intercepting the connection, or "
                   "the fingerprint was mistyped. Nothing was sent to the server. Ask its "
                   "administrator for the fingerprint obnam-server printed when it started.")
                    .arg(certificate.fingerprint(),
                         QString::fromLatin1(expected.toHex(':').toUpper())));
            m_certificate->show();
            fail(tr("The server's certificate does not match the fingerprint you entered."));
            return;
        }
        pin = certificate.fingerprint();
    } else if (!certificate.trusted) {
        m_certificate->setText(
            tr("The server has a certificate of its own, which no certificate authority "
               "vouches for. Its fingerprint is:<br><tt>%1</tt><br>Compare it with the "
               "fingerprint the server's administrator gave you (obnam-server prints it when it "
               "starts). Only continue if they are the same.")
                .arg(certificate.fingerprint()));
        m_certificate->show();
        m_confirm->show();
        if (!m_confirm->isChecked()) {
            fail(tr("Compare the fingerprint, then tick the box to continue."));
            m_confirm->setFocus();
            return;
        }
        pin = certificate.fingerprint();
    }
    prepare(m_url->text().trimmed(), m_token->text().toUtf8(), pin);
}

void WherePage::prepareBucket()
{
    const QString url = m_bucketUrl->text().trimmed();
    if (!url.startsWith(QLatin1String("s3://")) && !url.startsWith(QLatin1String("s3+http://"))) {
        fail(tr("A bucket's address starts with s3:// and names the store, the bucket and "
                "optionally a folder in it, such as s3://s3.eu-west-1.amazonaws.com/my-backups/"
                "laptop."));
        return;
    }
    const QString keyId = m_keyId->text().trimmed();
    const QString secret = m_secretKey->text().trimmed();
    if (keyId.isEmpty() != secret.isEmpty()) {
        fail(tr("Enter both the access key ID and the secret access key, or neither to use "
                "those in ~/.aws/credentials."));
        return;
    }
    QList<QPair<QString, QString>> keys;
    if (!keyId.isEmpty()) {
        keys.append({QStringLiteral("s3_access_key_id"), keyId});
        keys.append({QStringLiteral("s3_secret_access_key"), secret});
    }
    if (!m_region->text().trimmed().isEmpty())
        keys.append({QStringLiteral("s3_region"), m_region->text().trimmed()});
    prepare(url, QByteArray(), QString(), keys);
}

void WherePage::prepare(const QString &repository, const QByteArray &token, const QString &pin,
                        const QList<QPair<QString, QString>> &keys)
{
    client::Setup::Request request;
    request.configPath = m_wizard->configPath();
    request.roots = m_wizard->roots();
    request.excludes = m_wizard->excludes();
    request.repository = repository;
    request.accessToken = token;
    request.serverCertSha256Text = pin.toLatin1();
    request.keys = keys;
    setBusy(m_server->isChecked()   ? tr("Looking for a repository on the server…")
            : m_bucket->isChecked() ? tr("Looking for a repository in the bucket…")
                                    : tr("Preparing the repository folder…"));
    const client::Paths paths = m_wizard->paths();
    const bool restoring = m_wizard->restoring();
    auto answer = QtConcurrent::run(m_wizard->pool(),
                                    [request, paths]() -> Result<std::shared_ptr<client::Setup>> {
                                        auto setup = client::Setup::prepare(request, paths);
                                        if (!setup)
                                            return setup.error();
                                        return std::shared_ptr<client::Setup>(std::move(*setup));
                                    });
    whenReady(std::move(answer), this,
              [this, restoring](const Result<std::shared_ptr<client::Setup>> &setup) {
                  m_busy = false;
                  m_wizard->setWorking(false);
                  if (!setup) {
                      // Files that are not a repository: said in the window's words (the message
                      // names an option of obnam-cli's).
                      if (setup.error().remedy == Remedy::ChooseEmptyFolder)
                          fail(restoring
                                   ? tr("There is no backup repository there. Choose the folder, "
                                        "server or bucket your backups were made to.")
                                   : tr("%1 holds other files and is no backup repository. "
                                        "Choose an empty or new folder for the backups, so that "
                                        "they stay apart from your files.")
                                         .arg(setup.error().path));
                      else
                          fail(setup.error().toString());
                      return;
                  }
                  if (restoring && !(*setup)->repositoryExists()) {
                      fail(tr("There is no backup repository there. Choose the folder, server or "
                              "bucket your backups were made to."));
                      return;
                  }
                  for (const QString &warning : (*setup)->warnings())
                      m_wizard->addNote(warning);
                  m_wizard->setSetup(*setup);
                  m_status->clear();
                  m_ready = true;
                  Q_EMIT completeChanged();
                  m_wizard->next();
              });
}

} // namespace obnam::gui
