// Settings changed as a person would change them in an editor: only the keys given, comments
// and everything else kept, and nothing saved that obnam-cli would refuse.
#include "ClientConfig.h"
#include "ConfigEditor.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace obnam;
using namespace obnam::client;

namespace {

const char kOriginal[] = "# My backup settings. Written by hand.\n"
                         "roots:\n"
                         "  - /home/alice   # the whole home\n"
                         "\n"
                         "# Where it goes.\n"
                         "server_url: /media/backup/obnam\n"
                         "exclude: [\"*.tmp\"]\n"
                         "log: /tmp/obnam.log\n"
                         "# keep a week\n"
                         "keep_daily: 7\n";

} // namespace

class TestConfigEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString write(const QByteArray &text)
    {
        const QString path = m_tmp.path() + QStringLiteral("/obnam.yaml");
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text);
        return path;
    }

    QString read(const QString &path)
    {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }

private Q_SLOTS:
    void changesOnlyWhatItIsGiven()
    {
        const QString path = write(kOriginal);
        auto editor = ConfigEditor::open(path);
        QVERIFY(editor);
        editor->set(QStringLiteral("roots"),
                    QVariant(QStringList{QStringLiteral("/home/alice"), QStringLiteral("/srv")}));
        editor->set(QStringLiteral("keep_daily"), QVariant(14));
        editor->set(QStringLiteral("log"), std::nullopt);
        editor->set(QStringLiteral("one_file_system"), QVariant(true));
        QVERIFY2(editor->save(), qPrintable(editor->text()));
        const QString text = read(path);
        for (const char *kept :
             {"# My backup settings. Written by hand.\n", "# Where it goes.\n",
              "server_url: /media/backup/obnam\n", "exclude: [\"*.tmp\"]\n", "# keep a week\n"})
            QVERIFY2(text.contains(QLatin1String(kept)), kept);
        QVERIFY(!text.contains(QStringLiteral("log:")));
        QVERIFY(text.indexOf(QStringLiteral("roots:")) < text.indexOf(QStringLiteral("# Where")));
        QVERIFY(text.endsWith(QStringLiteral("one_file_system: true\n")));
        auto config = ClientConfig::load(path, Paths());
        QVERIFY2(config, qPrintable(text));
        QCOMPARE(config->roots,
                 (QStringList{QStringLiteral("/home/alice"), QStringLiteral("/srv")}));
        QCOMPARE(config->retention.daily, 14);
        QVERIFY(config->oneFileSystem);
        QVERIFY(config->log.isEmpty());
        QCOMPARE(QFile(path).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFileDevice::Permissions());
    }

    void refusesWhatObnamWouldRefuse()
    {
        const QString path = write(kOriginal);
        auto editor = ConfigEditor::open(path);
        QVERIFY(editor);
        editor->set(QStringLiteral("compression"), QVariant(42));
        auto saved = editor->save();
        QVERIFY(!saved);
        QVERIFY2(saved.error().message.contains(QStringLiteral("compression")),
                 qPrintable(saved.error().message));
        QCOMPARE(read(path), QString::fromLatin1(kOriginal));
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::Files).size(), 1); // no scratch copy
    }

    void startsAFileThatDoesNotExist()
    {
        const QString path = m_tmp.path() + QStringLiteral("/new/obnam.yaml");
        auto editor = ConfigEditor::open(path);
        QVERIFY(editor);
        editor->set(QStringLiteral("roots"), QVariant(QStringList{QStringLiteral("/data")}));
        editor->set(QStringLiteral("server_url"), QVariant(QStringLiteral("/media/usb/obnam")));
        QVERIFY(editor->save());
        auto config = ClientConfig::load(path, Paths());
        QVERIFY(config);
        QCOMPARE(config->repositoryPath, QStringLiteral("/media/usb/obnam"));
    }
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
