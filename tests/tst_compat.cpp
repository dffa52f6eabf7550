// Compatibility that is tested, not promised: every repository in tests/fixtures/, written by
// a released version (tests/fixtures/make-fixture.sh), must open with this build, list its
// generations, restore each one byte for byte (contents, modes, times, links) and check
// clean. And a repository or generation of a newer format is refused with a message that
// says so, never misread.
#include "CliRunner.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace obnam;
using test::CliHome;

namespace {

// The passphrase each fixture was written with, by version.
QString passphraseOf(const QString &version)
{
    return QStringLiteral("fixture passphrase ") + version;
}

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

bool copyTree(const QString &from, const QString &to)
{
    return QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), from, to}) == 0;
}

} // namespace

class TestCompat : public QObject
{
    Q_OBJECT

private:
    QString m_fixtures = QStringLiteral(OBNAM_SOURCE_DIR "/tests/fixtures");

    // A home configured for a copy of the fixture repository (the committed one is never
    // written to).
    struct Fixture
    {
        std::unique_ptr<CliHome> home;
        QString root; // the backed-up root, as recorded
        QProcessEnvironment env;
        QString repository;
    };

    Fixture open(const QString &version)
    {
        Fixture f;
        f.home = std::make_unique<CliHome>();
        f.repository = f.home->path() + QStringLiteral("/repo");
        copyTree(m_fixtures + QStringLiteral("/repo-") + version, f.repository);
        QFile root(m_fixtures + QStringLiteral("/repo-") + version + QStringLiteral(".root"));
        if (root.open(QIODevice::ReadOnly))
            f.root = QString::fromUtf8(root.readAll()).trimmed();
        f.env.insert(QStringLiteral("OBNAM_PASSPHRASE"), passphraseOf(version));
        f.home->writeConfig("roots: [\"" + f.root.toUtf8() +
                            "\"]\nserver_url: " + f.repository.toUtf8() + "\n");
        return f;
    }

private Q_SLOTS:
    void everyFixtureReadsBackExactly_data()
    {
        QTest::addColumn<QString>("version");
        const QStringList repos =
            QDir(m_fixtures)
                .entryList({QStringLiteral("repo-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(!repos.isEmpty(), "no fixture repositories");
        for (const QString &r : repos)
            QTest::newRow(qPrintable(r)) << r.mid(5);
    }

    void everyFixtureReadsBackExactly()
    {
        QFETCH(QString, version);
        Fixture f = open(version);
        QVERIFY(!f.root.isEmpty());
        auto r = f.home->run({QStringLiteral("init")}, f.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Unlocked the existing repository")));
        r = f.home->run({QStringLiteral("list")}, f.env);
        QCOMPARE(r.code, 0);
        const QStringList generations = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(generations.size(), 2);
        for (int g = 0; g < generations.size(); ++g) {
            const QString id = generations[g].section(QLatin1Char(' '), 0, 0);
            const auto info = f.home->run({QStringLiteral("gen-info"), id}, f.env);
            QCOMPARE(info.code, 0);
            QCOMPARE(QJsonDocument::fromJson(info.out.toUtf8())
                         .object()
                         .value(QStringLiteral("program_version"))
                         .toString(),
                     version);
            // The tree this generation holds, as tar kept it.
            const QString expected = f.home->path() + QStringLiteral("/expected-%1").arg(g + 1);
            QVERIFY(QDir().mkpath(expected));
            QCOMPARE(QProcess::execute(
                         QStringLiteral("tar"),
                         {QStringLiteral("-C"), expected, QStringLiteral("-xpf"),
                          m_fixtures + QStringLiteral("/tree-%1-%2.tar.gz").arg(version).arg(g + 1)}),
                     0);
            const QString target = f.home->path() + QStringLiteral("/restored-%1").arg(g + 1);
            r = f.home->run({QStringLiteral("restore"), id, target}, f.env);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QString diff =
                test::manifestDiff(test::manifest(enc(expected + QStringLiteral("/tree"))),
                                   test::manifest(enc(target + f.root)));
            QVERIFY2(diff.isEmpty(),
                     qPrintable(QStringLiteral("generation %1: ").arg(g + 1) + diff));
        }
        r = f.home->run({QStringLiteral("diff"), generations[0].section(QLatin1Char(' '), 0, 0),
                         generations[1].section(QLatin1Char(' '), 0, 0)},
                        f.env);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("added.txt")) &&
                     r.out.contains(QStringLiteral("empty.txt")),
                 qPrintable(r.out));
        r = f.home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, f.env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        // And this build can go on backing up into it.
        r = f.home->run({QStringLiteral("list-files"), QStringLiteral("latest")}, f.env);
        QCOMPARE(r.code, 0);
    }

    void newerRepositoryFormatIsRefusedByName()
    {
        const QStringList repos =
            QDir(m_fixtures)
                .entryList({QStringLiteral("repo-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(!repos.isEmpty());
        Fixture f = open(repos.first().mid(5));
        QFile config(f.repository + QStringLiteral("/config"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text = config.readAll();
        config.close();
        QVERIFY(text.contains("\"version\": 1"));
        text.replace("\"version\": 1", "\"version\": 2");
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(text);
        config.close();
        const auto r = f.home->run({QStringLiteral("init")}, f.env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("written by a newer version of obnam")) &&
                     r.err.contains(QStringLiteral("upgrade obnam")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCompat)
#include "tst_compat.moc"
