// The desktop keyring as a passphrase source, against a real Secret Service (GNOME keyring
// in a private D-Bus session, started by tests/with-keyring.sh) and the real binary.
#include "Keyring.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace obnam;

class TestKeyring : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code;
        QString out;
        QString err;
    };

    Run cli(const QString &home, const QStringList &args, const QMap<QString, QString> &extra = {},
            bool withBus = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.remove(QStringLiteral("OBNAM_PASSPHRASE"));
        if (!withBus)
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(test::cliBinary(), args);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring.sh");
    }

    void readWriteRemove()
    {
        // Waiting on the futures here, with no event loop running: the keyring's jobs run on its
        // own thread, so nothing depends on this thread's loop.
        const QString entry = client::Keyring::entryName(
            QStringLiteral("/test/keyring/") + QString::number(QCoreApplication::applicationPid()));
        QVERIFY(!client::Keyring::read(entry).result()->has_value());
        QVERIFY(client::Keyring::write(entry, "s3cret passphrase").result());
        auto found = client::Keyring::read(entry).result();
        QVERIFY(found && found->has_value());
        QCOMPARE(**found, QByteArray("s3cret passphrase"));
        QVERIFY(client::Keyring::remove(entry).result());
        QVERIFY(!client::Keyring::read(entry).result()->has_value());
    }

    void answersAGuiThreadWithoutBlockingIt()
    {
        // As a window would: continue the future on this thread and keep its loop turning.
        const QString entry = client::Keyring::entryName(QStringLiteral("/test/keyring/gui"));
        QVERIFY(client::Keyring::write(entry, "for the window").result());
        QObject context;
        std::optional<QByteArray> answer;
        client::Keyring::read(entry).then(&context,
                                          [&](const Result<std::optional<QByteArray>> &r) {
                                              if (r && r->has_value())
                                                  answer = **r;
                                          });
        QElapsedTimer clock;
        clock.start();
        qint64 longestStall = 0;
        qint64 last = 0;
        while (!answer && clock.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            longestStall = qMax(longestStall, clock.elapsed() - last);
            last = clock.elapsed();
        }
        QCOMPARE(answer, std::optional<QByteArray>("for the window"));
        qInfo("keyring read answered after %lld ms; the longest the loop waited: %lld ms",
              clock.elapsed(), longestStall);
        QVERIFY(longestStall < 50);
        QVERIFY(client::Keyring::remove(entry).result());
    }

    void commandsFindThePassphraseInTheKeyring()
    {
        QTemporaryDir tmp;
        const QString home = tmp.path();
        QDir().mkpath(home + QStringLiteral("/.config/obnam"));
        QDir().mkpath(home + QStringLiteral("/src"));
        test::writeFile(QFile::encodeName(home + QStringLiteral("/src/f")), "data");
        test::writeFile(QFile::encodeName(home + QStringLiteral("/.config/obnam/obnam.yaml")),
                        "roots: [" + QFile::encodeName(home) +
                            "/src]\nserver_url: " + QFile::encodeName(home) + "/repo\n");
        const Run init =
            cli(home, {QStringLiteral("init"), QStringLiteral("--keyring")},
                {{QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("kept in the keyring")}});
        QVERIFY2(init.code == 0, qPrintable(init.err));
        QVERIFY2(init.out.contains(QStringLiteral("stored in the desktop keyring")),
                 qPrintable(init.out + init.err));
        QCOMPARE(cli(home, {QStringLiteral("backup")}).code, 0);

        // Without the credentials file, the keyring's passphrase opens the repository.
        QVERIFY(QFile::remove(home + QStringLiteral("/.config/obnam/passwords.yaml")));
        const Run list = cli(home, {QStringLiteral("list")});
        QVERIFY2(list.code == 0, qPrintable(list.err));
        QCOMPARE(list.out.count(QLatin1Char('\n')), 1);

        // Without a session bus there is no keyring: the user is told to run init.
        const Run none = cli(home, {QStringLiteral("list")}, {}, false);
        QCOMPARE(none.code, 1);
        QVERIFY(none.err.contains(QStringLiteral("obnam-cli init")));
        // And init --keyring still works, with a warning.
        const Run noBus = cli(
            home, {QStringLiteral("init"), QStringLiteral("--keyring")},
            {{QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("kept in the keyring")}}, false);
        QCOMPARE(noBus.code, 0);
        QVERIFY(
            noBus.err.contains(QStringLiteral("warning: passphrase not stored in the keyring")));
        QVERIFY(client::Keyring::remove(client::Keyring::entryName(home + QStringLiteral("/repo")))
                    .result());
    }
};

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
