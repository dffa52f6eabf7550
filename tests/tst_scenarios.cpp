// End-to-end scenarios with the real obnam-cli binary, each in a fresh HOME: backup and
// restore compared by manifest (path, type, mode, owner, mtime ns, size, SHA-256, symlink
// target, link count, xattrs) over every kind of file, plus the errors a user meets.
#include "CliRunner.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

constexpr uid_t kNobody = 65534;

} // namespace

class TestScenarios : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code;
        QString out;
        QString err;
    };

    // LeakSanitizer reads its suppressions file only when it has something to report, and an
    // unprivileged child cannot read it inside root's home: it then fails the run. Give such a
    // child a world-readable copy.
    static QString readableLsanOptions(const QString &options)
    {
        static const QRegularExpression re(QStringLiteral("suppressions=([^:]+)"));
        const QRegularExpressionMatch m = re.match(options);
        if (!m.hasMatch())
            return options;
        const QString copy = QDir::tempPath() + QStringLiteral("/obnam-lsan-") +
                             QString::number(QCoreApplication::applicationPid()) +
                             QStringLiteral(".supp");
        QFile::remove(copy);
        if (!QFile::copy(m.captured(1), copy))
            return options;
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                        QFile::ReadOther);
        QString out = options;
        out.replace(m.capturedStart(1), m.capturedLength(1), copy);
        return out;
    }

    // Runs the real binary with HOME set to `home`; as an unprivileged user when asked and
    // running as root (the CI runs as root, which could read everything).
    Run cli(const QString &home, const QStringList &args, const QMap<QString, QString> &env = {},
            bool unprivileged = false)
    {
        QProcess p;
        QProcessEnvironment e;
        e.insert(QStringLiteral("HOME"), home);
        e.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        for (const char *name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
            if (qEnvironmentVariableIsSet(name))
                e.insert(QLatin1String(name), qEnvironmentVariable(name));
        if (unprivileged && ::geteuid() == 0)
            e.insert(QStringLiteral("LSAN_OPTIONS"),
                     readableLsanOptions(e.value(QStringLiteral("LSAN_OPTIONS"))));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.setWorkingDirectory(home);
        if (unprivileged && ::geteuid() == 0)
            p.start(QStringLiteral("setpriv"),
                    QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups"), test::cliBinary()} +
                        args);
        else
            p.start(test::cliBinary(), args);
        p.closeWriteChannel();
        if (!p.waitForFinished(600000))
            return {-1, {}, QStringLiteral("timed out")};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QMap<QString, QString> pw()
    {
        return {{QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("scenario")}};
    }

    void writeConfig(const QString &home, const QStringList &roots, const QString &repo,
                     const QByteArray &extra = {})
    {
        QDir().mkpath(home + QStringLiteral("/.config/obnam"));
        QByteArray yaml = "roots:\n";
        for (const QString &r : roots)
            yaml += "  - \"" + r.toUtf8() + "\"\n";
        yaml += "server_url: " + repo.toUtf8() + "\n" + extra;
        QVERIFY(test::writeFile(enc(home + QStringLiteral("/.config/obnam/obnam.yaml")), yaml));
    }

private Q_SLOTS:
    void everyKindOfFileRoundTrips()
    {
        QTemporaryDir tmp;
        const QString home = tmp.path() + QStringLiteral("/home");
        const QString src = tmp.path() + QStringLiteral("/src");
        const QString second = tmp.path() + QStringLiteral("/second root");
        QVERIFY(QDir().mkpath(home) && QDir().mkpath(src) && QDir().mkpath(second));
        const QByteArray s = enc(src);
        QVERIFY(test::writeFile(s + "/empty", {}));
        QVERIFY(test::writeFile(s + "/text", QByteArray("text\n").repeated(1000)));
        // Large: over 100 MiB, in several pieces so that it is not one repeated pattern.
        {
            QFile big(QFile::decodeName(s + "/large"));
            QVERIFY(big.open(QIODevice::WriteOnly));
            for (int i = 0; i < 26; ++i)
                QVERIFY(big.write(test::randomData(4 * 1024 * 1024, quint32(100 + i))) ==
                        4 * 1024 * 1024);
        }
        QVERIFY(::symlink("text", QByteArray(s + "/link").constData()) == 0);
        QVERIFY(::symlink("/does/not/exist", QByteArray(s + "/dangling").constData()) == 0);
        QVERIFY(::link(QByteArray(s + "/text").constData(),
                       QByteArray(s + "/hardlink").constData()) == 0);
        QVERIFY(::mkfifo(QByteArray(s + "/fifo").constData(), 0640) == 0);
        {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un addr{};
            addr.sun_family = AF_UNIX;
            const QByteArray sock = s + "/sock";
            QVERIFY(size_t(sock.size()) < sizeof addr.sun_path);
            memcpy(addr.sun_path, sock.constData(), size_t(sock.size()));
            QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
            ::close(fd);
        }
        {
            // Sparse: 64 MiB with 4 KiB of data in the middle.
            const int fd = ::open(QByteArray(s + "/sparse").constData(), O_WRONLY | O_CREAT, 0644);
            QVERIFY(fd >= 0);
            QVERIFY(::ftruncate(fd, 64 * 1024 * 1024) == 0);
            QVERIFY(::pwrite(fd, "middle", 6, 32 * 1024 * 1024) == 6);
            ::close(fd);
        }
        QVERIFY(::setxattr(QByteArray(s + "/text").constData(), "user.tag", "value", 5, 0) == 0);
        QVERIFY(test::writeFile(s + "/not-utf8-\xff\xfe", "bytes"));
        QVERIFY(test::writeFile(s + "/" + QByteArray(255, 'x'), "long name"));
        QByteArray deep = s;
        for (int i = 0; i < 40; ++i) {
            deep += "/level" + QByteArray::number(i);
            QVERIFY(::mkdir(deep.constData(), 0755) == 0);
        }
        QVERIFY(test::writeFile(deep + "/bottom", "deep"));
        QVERIFY(::chmod(QByteArray(s + "/text").constData(), 0600) == 0);
        QVERIFY(::chown(QByteArray(s + "/empty").constData(), 1234, 5678) == 0 || ::geteuid() != 0);
        QVERIFY(test::writeFile(enc(second) + "/other", "in the second root"));
        QVERIFY(::mkdir(QByteArray(s + "/restricted").constData(), 0700) == 0);
        QVERIFY(::chmod(QByteArray(s + "/restricted").constData(), 0500) == 0);

        const QString repo = tmp.path() + QStringLiteral("/repo");
        writeConfig(home, {src, second}, repo);
        QCOMPARE(cli(home, {QStringLiteral("init")}, pw()).code, 0);
        const Run b = cli(home, {QStringLiteral("backup")});
        QVERIFY2(b.code == 0, qPrintable(b.err));
        QVERIFY(b.out.contains(QStringLiteral("warnings: 0")));

        const QString target = tmp.path() + QStringLiteral("/restore");
        const Run r = cli(home, {QStringLiteral("restore"), QStringLiteral("latest"), target});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        for (const QString &root : {src, second}) {
            const QString diff =
                test::manifestDiff(test::manifest(enc(root)), test::manifest(enc(target + root)));
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        struct stat orig
        {
        }, back{};
        QVERIFY(::stat(QByteArray(s + "/sparse").constData(), &orig) == 0);
        QVERIFY(::stat(QByteArray(enc(target) + s + "/sparse").constData(), &back) == 0);
        QVERIFY2(back.st_blocks <= orig.st_blocks + 64,
                 qPrintable(QStringLiteral("%1 blocks restored, %2 original")
                                .arg(back.st_blocks)
                                .arg(orig.st_blocks)));

        // Kinds as list-files names them.
        const Run files = cli(home, {QStringLiteral("list-files")});
        for (const QString &line :
             {QStringLiteral("l %1/dangling (new)"), QStringLiteral("p %1/fifo (new)"),
              QStringLiteral("s %1/sock (new)"), QStringLiteral("- %1/large (new)"),
              QStringLiteral("d %1/restricted (new)")})
            QVERIFY2(files.out.contains(line.arg(src)), qPrintable(line));

        // A second backup: latest moves, everything unchanged is not read again.
        QTest::qSleep(10);
        QVERIFY(test::writeFile(enc(second) + "/other", "changed"));
        const Run b2 = cli(home, {QStringLiteral("backup"), QStringLiteral("--json")});
        QCOMPARE(b2.code, 0);
        const QJsonObject result =
            QJsonDocument::fromJson(
                b2.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).last().toUtf8())
                .object();
        const QString latest =
            cli(home, {QStringLiteral("resolve"), QStringLiteral("latest")}).out.trimmed();
        QCOMPARE(latest, result.value(QStringLiteral("generation_id")).toString());
        QVERIFY(result.value(QStringLiteral("uploaded_bytes")).toInteger() < 1024 * 1024);
        const Run files2 = cli(home, {QStringLiteral("list-files"), latest});
        QVERIFY(files2.out.contains(QStringLiteral("- %1/large (unchanged)").arg(src)));
        QVERIFY(files2.out.contains(QStringLiteral("- %1/other (changed)").arg(second)));
        QCOMPARE(cli(home, {QStringLiteral("list")}).out.count(QLatin1Char('\n')), 2);
    }

    void unreadableEntriesAreWarningsNotFailures()
    {
        QTemporaryDir tmp;
        // Everything belongs to the user that runs the backup; as root, that is nobody.
        QVERIFY(::chmod(enc(tmp.path()).constData(), 0755) == 0);
        const QString home = tmp.path() + QStringLiteral("/home");
        const QString src = tmp.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(home) && QDir().mkpath(src + QStringLiteral("/locked")) &&
                QDir().mkpath(src + QStringLiteral("/noexec")));
        const QByteArray s = enc(src);
        QVERIFY(test::writeFile(s + "/readable", "fine"));
        QVERIFY(test::writeFile(s + "/secret", "cannot read"));
        QVERIFY(test::writeFile(s + "/locked/inside", "x"));
        QVERIFY(test::writeFile(s + "/noexec/inside", "y"));
        writeConfig(home, {src}, tmp.path() + QStringLiteral("/repo"));
        if (::geteuid() == 0) {
            QProcess::execute(QStringLiteral("chown"),
                              {QStringLiteral("-R"), QStringLiteral("65534:65534"), tmp.path()});
        }
        QVERIFY(::chmod(QByteArray(s + "/secret").constData(), 0000) == 0);
        QVERIFY(::chmod(QByteArray(s + "/locked").constData(), 0000) == 0);
        QVERIFY(::chmod(QByteArray(s + "/noexec").constData(), 0600) == 0);

        QCOMPARE(cli(home, {QStringLiteral("init")}, pw(), true).code, 0);
        const Run b = cli(home, {QStringLiteral("backup")}, {}, true);
        QVERIFY2(b.code == 0, qPrintable(b.err));
        const QStringList lines = b.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 8);
        QVERIFY(lines[0].startsWith(QStringLiteral("warning: ")));
        QVERIFY2(b.out.contains(QStringLiteral("warning: %1/secret: cannot open file").arg(src)),
                 qPrintable(b.out));
        QVERIFY(
            b.out.contains(QStringLiteral("warning: %1/locked: cannot read directory").arg(src)));
        QVERIFY(
            b.out.contains(QStringLiteral("warning: %1/noexec/inside: cannot examine").arg(src)));
        const int statusLine = int(lines.indexOf(QStringLiteral("status: OK")));
        QVERIFY(statusLine > 0);
        for (int i = 0; i < statusLine; ++i)
            QVERIFY(lines[i].startsWith(QStringLiteral("warning: ")));
        QCOMPARE(lines[statusLine + 1], QStringLiteral("warnings: %1").arg(statusLine));

        const Run files = cli(home, {QStringLiteral("list-files")}, {}, true);
        QVERIFY(files.out.contains(QStringLiteral("- %1/secret (fileerror)").arg(src)));
        QVERIFY(files.out.contains(QStringLiteral("d %1/locked (fileerror)").arg(src)));

        // The next generation still knows it as unreadable, not as an empty file.
        QCOMPARE(cli(home, {QStringLiteral("backup")}, {}, true).code, 0);
        QVERIFY(cli(home, {QStringLiteral("list-files")}, {}, true)
                    .out.contains(QStringLiteral("- %1/secret (fileerror)").arg(src)));

        const QString target = tmp.path() + QStringLiteral("/restore");
        const Run r =
            cli(home, {QStringLiteral("restore"), QStringLiteral("latest"), target}, {}, true);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("%1/secret: not restored").arg(src)));
        QVERIFY(!QFile::exists(target + src + QStringLiteral("/secret")));
        QVERIFY(QFile::exists(target + src + QStringLiteral("/readable")));
        ::chmod(QByteArray(s + "/locked").constData(), 0700);
        ::chmod(QByteArray(s + "/noexec").constData(), 0700);
    }

    void userErrors()
    {
        QTemporaryDir tmp;
        const QString home = tmp.path();
        writeConfig(home, {home}, QStringLiteral("http://backup.example.org"));
        Run r = cli(home, {QStringLiteral("backup")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("https:")));

        writeConfig(home, {home}, tmp.path() + QStringLiteral("/repo"), "colour: blue\n");
        r = cli(home, {QStringLiteral("backup")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("unknown configuration key 'colour'")));

        writeConfig(home, {home}, tmp.path() + QStringLiteral("/repo"));
        r = cli(home, {QStringLiteral("list")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("obnam-cli init")));

        QCOMPARE(cli(home, {QStringLiteral("init")}, pw()).code, 0);
        QFile::remove(home + QStringLiteral("/.config/obnam/passwords.yaml"));
        r = cli(home, {QStringLiteral("init")},
                {{QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("wrong")}});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("wrong passphrase")));
        QVERIFY(!r.err.contains(QStringLiteral("scenario")));

        r = cli(home, {QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QCOMPARE(cli(home, {QStringLiteral("nonsense")}).code, 2);
    }

    void corruptedRepositoryFailsRestoreLoudly()
    {
        QTemporaryDir tmp;
        const QString home = tmp.path() + QStringLiteral("/home");
        const QString src = tmp.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(home) && QDir().mkpath(src));
        QVERIFY(test::writeFile(enc(src) + "/precious", test::randomData(2 * 1024 * 1024, 7)));
        const QString repo = tmp.path() + QStringLiteral("/repo");
        writeConfig(home, {src}, repo);
        QCOMPARE(cli(home, {QStringLiteral("init")}, pw()).code, 0);
        QCOMPARE(cli(home, {QStringLiteral("backup")}).code, 0);
        // Without the cache, the database itself must be fetched and verified too.
        QDir(home + QStringLiteral("/.cache")).removeRecursively();
        QDirIterator it(repo + QStringLiteral("/packs"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() / 3);
            char c = 0;
            f.getChar(&c);
            f.seek(f.size() / 3);
            f.putChar(char(c ^ 1));
        }
        const QString target = tmp.path() + QStringLiteral("/restore");
        const Run r = cli(home, {QStringLiteral("restore"), QStringLiteral("latest"), target});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not authenticate")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("packs/")));
        QVERIFY(!QFile::exists(target + src + QStringLiteral("/precious")));
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
