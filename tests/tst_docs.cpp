// docs/cli.md must match what the program says about itself: every command's --help text
// appears there verbatim (scripts/update-cli-docs.sh regenerates it).
#include "CliRunner.h"
#include "commands/Commands.h"

#include <QFile>
#include <QtTest>

using namespace obnam;

class TestDocs : public QObject
{
    Q_OBJECT

private:
    QString cliDoc()
    {
        QFile f(QStringLiteral(OBNAM_SOURCE_DIR "/docs/cli.md"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void globalHelpIsDocumented()
    {
        test::CliHome home;
        const auto r = home.run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(
            cliDoc().contains(r.out),
            "docs/cli.md lacks the current 'obnam-cli --help'; run scripts/update-cli-docs.sh");
    }

    void everyCommandHelpIsDocumented()
    {
        const QString doc = cliDoc();
        test::CliHome home;
        for (const auto &command : cli::allCommands()) {
            const auto r = home.run({command->name(), QStringLiteral("--help")});
            QCOMPARE(r.code, 0);
            QVERIFY2(doc.contains(QStringLiteral("### obnam-cli %1 --help\n\n```text\n%2```")
                                      .arg(command->name(), r.out)),
                     qPrintable(QStringLiteral("docs/cli.md lacks the current help of '%1'; run "
                                               "scripts/update-cli-docs.sh")
                                    .arg(command->name())));
        }
    }
};

QTEST_GUILESS_MAIN(TestDocs)
#include "tst_docs.moc"
