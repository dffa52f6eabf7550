// The first-run wizard, driven through its real widgets on the offscreen platform: it writes a
// configuration obnam-cli uses, refuses a server whose certificate is not the one the user was
// given, and restores from an existing repository.
#include "CliRunner.h"
#include "ClientConfig.h"
#include "GuiSupport.h"
#include "ServerProcess.h"
#include "SetupWizard.h"
#include "TestSupport.h"
#include "Translations.h"
#include "WizardPages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QtTest>

#include <sys/stat.h>

using namespace obnam;
using namespace obnam::test;
using gui::SetupWizard;

namespace {
const QString kPassphrase = QStringLiteral("correct horse battery staple");
}

class TestGuiWizard : public QObject
{
    Q_OBJECT

private:
    void next(SetupWizard &wizard) { click(wizard.button(QWizard::NextButton)); }

    void fillData(const CliHome &home)
    {
        for (int i = 0; i < 20; ++i)
            QVERIFY(putFile(home.home() + QStringLiteral("/Documents/f%1").arg(i),
                            randomData(10000 + i * 1000, quint32(i))));
        QVERIFY(putFile(home.home() + QStringLiteral("/.cache/big"), randomData(50000, 99)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No desktop keyring here: "remember it" must fail in words, not hang or crash.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        quietOffscreenPlatform();
        // The window's English, whatever this machine's language.
        QVERIFY(gui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
    }

    void createsAWorkingConfigurationAndRepository()
    {
        CliHome home;
        fillData(home);
        const client::Paths paths(home.env());
        SetupWizard wizard(paths, home.configPath());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(SetupWizard::StartPageId));
        next(wizard);
        QCOMPARE(wizard.currentId(), int(SetupWizard::FoldersPageId));
        auto *roots = child<QListWidget>(&wizard, "roots");
        QCOMPARE(roots->count(), 1);
        QCOMPARE(roots->item(0)->text(), home.home()); // home preselected
        next(wizard);
        QCOMPARE(wizard.currentId(), int(SetupWizard::WherePageId));
        // A folder of the user's own files is not made a repository: said in words.
        type(child<QLineEdit>(&wizard, "folder"), home.home() + QStringLiteral("/Documents"));
        next(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(wizard.currentPage(), "status")
                                     ->text()
                                     .contains(QStringLiteral("holds other files")),
                                 20000);
        QVERIFY(!child<QLabel>(wizard.currentPage(), "status")
                     ->text()
                     .contains(QStringLiteral("--allow-non-empty")));
        QCOMPARE(wizard.currentId(), int(SetupWizard::WherePageId));
        const QString repository = home.path() + QStringLiteral("/disk/backups");
        type(child<QLineEdit>(&wizard, "folder"), repository);
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::PassphrasePageId), 20000);
        QVERIFY(!QFileInfo::exists(home.configPath())); // nothing written yet

        // The two fields must agree before the wizard goes on.
        auto *passphrase = child<QLineEdit>(&wizard, "passphrase");
        auto *repeat = child<QLineEdit>(&wizard, "repeat");
        QVERIFY(repeat->isVisible());
        type(passphrase, kPassphrase);
        type(repeat, kPassphrase + QStringLiteral("!"));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        type(repeat, kPassphrase);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!child<QProgressBar>(&wizard, "strength")->format().isEmpty());
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::FinishPageId), 60000);
        // Without a keyring, the summary says the passphrase was not stored.
        QVERIFY2(child<QLabel>(&wizard, "summary")->text().contains(QStringLiteral("keyring")),
                 qPrintable(child<QLabel>(&wizard, "summary")->text()));
        click(wizard.button(QWizard::FinishButton));

        // What obnam-cli reads: the configuration, with the presets, and this client's key.
        auto config = client::ClientConfig::load(home.configPath(), paths);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QCOMPARE(config->roots, QStringList{home.home()});
        QCOMPARE(config->repositoryPath, repository);
        QVERIFY2(config->exclude.contains(home.home() + QStringLiteral("/.cache")),
                 qPrintable(config->exclude.join(u',')));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(config->credentialsPath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0400u);
        auto r = home.run({QStringLiteral("backup")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = home.run({QStringLiteral("list-files"), QStringLiteral("latest")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Documents/f7")));
        QVERIFY(!r.out.contains(QStringLiteral(".cache/big")));
    }

    void refusesAServerWithAnotherFingerprint()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const auto tokens = server.addClient(QStringLiteral("laptop"));
        QVERIFY(!tokens.token.isEmpty());
        CliHome home;
        const client::Paths paths(home.env());
        SetupWizard wizard(paths, home.configPath());
        wizard.show();
        next(wizard);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(SetupWizard::WherePageId));
        click(child<QRadioButton>(&wizard, "server"));
        type(child<QLineEdit>(&wizard, "url"), server.baseUrl());
        type(child<QLineEdit>(&wizard, "token"), QString::fromLatin1(tokens.token));
        // A fingerprint the administrator "gave", that is not the server's.
        QByteArray other = server.fingerprint();
        other[0] = char(other[0] ^ 0x5a);
        type(child<QLineEdit>(&wizard, "fingerprint"),
             QString::fromLatin1(other.toHex(':').toUpper()));
        next(wizard);
        auto *certificate = child<QLabel>(&wizard, "certificate");
        QTRY_VERIFY_WITH_TIMEOUT(certificate->isVisible(), 20000);
        const QString said = certificate->text();
        QVERIFY2(said.contains(QStringLiteral("not the server")), qPrintable(said));
        QVERIFY2(said.contains(server.fingerprintText()), qPrintable(said)); // what it showed
        QVERIFY(child<QLabel>(wizard.currentPage(), "status")
                    ->text()
                    .contains(QStringLiteral("does not match")));
        QCOMPARE(wizard.currentId(), int(SetupWizard::WherePageId));
        QVERIFY(!QFileInfo::exists(home.configPath()));

        // Without a fingerprint, the server's is shown and must be confirmed before going on.
        type(child<QLineEdit>(&wizard, "fingerprint"), QString());
        next(wizard);
        auto *confirm = child<QCheckBox>(&wizard, "confirmFingerprint");
        QTRY_VERIFY_WITH_TIMEOUT(confirm->isVisible(), 20000);
        QVERIFY(certificate->text().contains(server.fingerprintText()));
        QCOMPARE(wizard.currentId(), int(SetupWizard::WherePageId));
        click(confirm);
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::PassphrasePageId), 20000);
        type(child<QLineEdit>(&wizard, "passphrase"), kPassphrase);
        type(child<QLineEdit>(&wizard, "repeat"), kPassphrase);
        click(child<QCheckBox>(&wizard, "remember"));
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::FinishPageId), 60000);
        auto config = client::ClientConfig::load(home.configPath(), paths);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QCOMPARE(config->serverCertSha256, server.fingerprint()); // pinned
        QCOMPARE(config->accessToken, tokens.token);
        QFileInfo info(home.configPath());
        QCOMPARE(int(info.permissions() & (QFile::ReadOther | QFile::ReadGroup)), 0);
        const auto r = home.run({QStringLiteral("backup")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    // Needs a real S3 store: run by the GuiWizardS3 test through tests/with-s3.sh.
    void setsUpAnS3Bucket()
    {
        if (qEnvironmentVariableIsEmpty("S3_ENDPOINT"))
            QSKIP("no S3 store: run through tests/with-s3.sh (CTest GuiWizardS3)");
        CliHome home;
        fillData(home);
        const client::Paths paths(home.env());
        SetupWizard wizard(paths, home.configPath());
        wizard.show();
        next(wizard);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(SetupWizard::WherePageId));
        click(child<QRadioButton>(&wizard, "bucket"));
        QVERIFY(!child<QLineEdit>(&wizard, "url")->isEnabled());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no address yet

        // An address that is no S3 address, then only one of the two keys: said, not saved.
        type(child<QLineEdit>(&wizard, "bucketUrl"), QStringLiteral("https://s3.example.com/b"));
        next(wizard);
        QVERIFY(child<QLabel>(wizard.currentPage(), "status")
                    ->text()
                    .contains(QStringLiteral("starts with s3://")));
        QUrl endpoint(qEnvironmentVariable("S3_ENDPOINT"));
        endpoint.setScheme(QStringLiteral("s3+http"));
        endpoint.setPath(QStringLiteral("/wizard-bucket/laptop"));
        type(child<QLineEdit>(&wizard, "bucketUrl"), endpoint.toString());
        type(child<QLineEdit>(&wizard, "keyId"), qEnvironmentVariable("AWS_ACCESS_KEY_ID"));
        next(wizard);
        QVERIFY(child<QLabel>(wizard.currentPage(), "status")
                    ->text()
                    .contains(QStringLiteral("Enter both")));
        QVERIFY(!QFileInfo::exists(home.configPath()));
        type(child<QLineEdit>(&wizard, "secretKey"), qEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        type(child<QLineEdit>(&wizard, "region"), qEnvironmentVariable("AWS_DEFAULT_REGION"));
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::PassphrasePageId), 20000);
        type(child<QLineEdit>(&wizard, "passphrase"), kPassphrase);
        type(child<QLineEdit>(&wizard, "repeat"), kPassphrase);
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::FinishPageId), 60000);
        click(wizard.button(QWizard::FinishButton));

        // The configuration holds the bucket and its keys, readable by its owner alone, and
        // obnam-cli backs up to the bucket the wizard created.
        auto config = client::ClientConfig::load(home.configPath(), paths);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QVERIFY(config->isS3());
        QCOMPARE(config->s3.address.bucket, QStringLiteral("wizard-bucket"));
        QCOMPARE(config->s3.address.prefix, QStringLiteral("laptop/"));
        QCOMPARE(config->s3.credentialSource, QStringLiteral("configuration"));
        QVERIFY(config->warnings.isEmpty());
        QFileInfo info(home.configPath());
        QCOMPARE(int(info.permissions() & (QFile::ReadOther | QFile::ReadGroup)), 0);
        auto r = home.run({QStringLiteral("backup")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = home.run({QStringLiteral("list-files"), QStringLiteral("latest")});
        QVERIFY(r.out.contains(QStringLiteral("Documents/f7")));
    }

    void wrongPassphraseForAnExistingRepositoryIsAskedAgain()
    {
        // A repository made elsewhere; this computer restores from it.
        CliHome before;
        fillData(before);
        QVERIFY(before
                    .run({QStringLiteral("init"), QStringLiteral("--repository"),
                          before.repositoryPath()},
                         {}, {kPassphrase.toUtf8(), kPassphrase.toUtf8()})
                    .code == 0);
        QVERIFY(before.run({QStringLiteral("backup")}).code == 0);

        CliHome home;
        const client::Paths paths(home.env());
        SetupWizard wizard(paths, home.configPath());
        wizard.show();
        click(child<QRadioButton>(&wizard, "restoreExisting"));
        next(wizard);
        QCOMPARE(wizard.currentId(), int(SetupWizard::WherePageId));
        // An empty folder is no repository: said so, and the wizard stays.
        QDir().mkpath(home.path() + QStringLiteral("/empty"));
        type(child<QLineEdit>(&wizard, "folder"), home.path() + QStringLiteral("/empty"));
        next(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(wizard.currentPage(), "status")
                                     ->text()
                                     .contains(QStringLiteral("no backup repository")),
                                 20000);
        type(child<QLineEdit>(&wizard, "folder"), before.repositoryPath());
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::PassphrasePageId), 20000);
        QVERIFY(!child<QLineEdit>(&wizard, "repeat")->isVisible()); // it exists: asked once
        type(child<QLineEdit>(&wizard, "passphrase"), QStringLiteral("not the passphrase"));
        click(child<QCheckBox>(&wizard, "remember"));
        next(wizard);
        auto *status = child<QLabel>(wizard.currentPage(), "status");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("did not open")), 60000);
        QCOMPARE(wizard.currentId(), int(SetupWizard::PassphrasePageId));
        QVERIFY(!QFileInfo::exists(home.configPath()));
        type(child<QLineEdit>(&wizard, "passphrase"), kPassphrase);
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::RestorePageId), 60000);

        // The restore page lists the backup and restores it.
        auto *generation = child<QComboBox>(&wizard, "generation");
        QTRY_COMPARE_WITH_TIMEOUT(generation->count(), 1, 20000);
        const QString target = home.path() + QStringLiteral("/restored");
        type(child<QLineEdit>(&wizard, "target"), target);
        click(child<QPushButton>(&wizard, "restore"));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(wizard.currentPage(), "status")
                                     ->text()
                                     .contains(QStringLiteral("Restored")),
                                 60000);
        const QByteArray original = QFile::encodeName(before.home() + QStringLiteral("/Documents"));
        const QByteArray restored =
            QFile::encodeName(target + before.home() + QStringLiteral("/Documents"));
        QCOMPARE(manifestDiff(manifest(original), manifest(restored)), QString());
    }
};

QTEST_MAIN(TestGuiWizard)
#include "tst_guiwizard.moc"
