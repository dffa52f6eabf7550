// The window speaks German and French completely: every message the sources hold is in each
// translation, finished, with the same placeholders; English has its plural forms; and the
// compiled translations are the ones the application loads.
#include "Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // one, or one per plural form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + f.errorString();
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context,
                        {},
                        xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                        false,
                        {}};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (!m.numerus) {
                m.forms = {xml.readElementText()};
                out.append(m);
            }
        } else if (name == QLatin1String("numerusform")) {
            m.forms.append(xml.readElementText());
            if (m.forms.size() == 2)
                out.append(m);
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return out;
}

// %1..%9 and %n, counted: a translation may reorder them, not lose or add one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:[1-9]|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

QString keyOf(const Message &m)
{
    return m.context + QStringLiteral(" | ") + m.source;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QString ts(const char *language) const
    {
        return QStringLiteral(OBNAM_SOURCE_DIR "/translations/obnam_%1.ts")
            .arg(QLatin1String(language));
    }

private Q_SLOTS:
    void everyMessageIsTranslatedWithItsPlaceholders_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("German") << QStringLiteral("de");
        QTest::newRow("French") << QStringLiteral("fr");
    }

    void everyMessageIsTranslatedWithItsPlaceholders()
    {
        QFETCH(QString, language);
        QString error;
        const auto messages = readTs(ts(language.toLatin1().constData()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 400);
        QStringList problems;
        for (const Message &m : messages) {
            if (m.unfinished)
                problems.append(QStringLiteral("unfinished: ") + keyOf(m));
            for (const QString &form : m.forms) {
                if (form.trimmed().isEmpty())
                    problems.append(QStringLiteral("empty: ") + keyOf(m));
                // A plural form may leave out %n ("one file"); every other placeholder stays.
                QStringList want = placeholders(m.source), have = placeholders(form);
                if (m.numerus) {
                    want.removeAll(QStringLiteral("%n"));
                    have.removeAll(QStringLiteral("%n"));
                }
                if (want != have)
                    problems.append(QStringLiteral("placeholders differ: ") + keyOf(m) +
                                    QStringLiteral(" -> ") + form);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void englishHasItsPluralForms()
    {
        QString error;
        const auto messages = readTs(ts("en"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        for (const Message &m : messages) {
            QVERIFY2(m.numerus && !m.unfinished, qPrintable(keyOf(m)));
            QVERIFY2(!m.forms.at(0).contains(QStringLiteral("(s)")), qPrintable(keyOf(m)));
            QVERIFY2(!m.forms.at(1).contains(QStringLiteral("(s)")), qPrintable(keyOf(m)));
        }
    }

    // The sources hold no message the translations lack: lupdate, run on the sources now,
    // finds exactly the messages the committed German file has.
    void theTranslationsAreUpToDateWithTheSources()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("obnam_de.ts"));
        QVERIFY(QFile::copy(ts("de"), fresh));
        QFile::setPermissions(fresh, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(OBNAM_SOURCE_DIR));
        lupdate.start(QStringLiteral(OBNAM_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                       QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                       QStringLiteral("gui"), QStringLiteral("client"), QStringLiteral("core"),
                       QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QString error;
        const auto committed = readTs(ts("de"), &error);
        const auto current = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (const Message &m : current)
            if (m.unfinished)
                missing.append(keyOf(m));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("run scripts/update-translations.sh and translate:\n") +
                            missing.join(QLatin1Char('\n'))));
        QCOMPARE(current.size(), committed.size());
    }

    // What the application loads: the compiled translations in its resources.
    void theApplicationLoadsThem()
    {
        auto *app = QCoreApplication::instance();
        QVERIFY(obnam::gui::installTranslations(*app, QLocale(QLocale::German)));
        QCOMPARE(QCoreApplication::translate("obnam::gui::MainWindow", "Your backup"),
                 QStringLiteral("Ihre Sicherung"));
        QVERIFY(obnam::gui::installTranslations(*app, QLocale(QLocale::French)));
        QCOMPARE(QCoreApplication::translate("obnam::gui::MainWindow", "Your backup"),
                 QStringLiteral("Votre sauvegarde"));
        QVERIFY(obnam::gui::installTranslations(*app, QLocale(QLocale::English)));
        QCOMPARE(QCoreApplication::translate("obnam::gui::RunHistoryModel",
                                             "succeeded, %n warning(s)", nullptr, 1),
                 QStringLiteral("succeeded, 1 warning"));
        QCOMPARE(QCoreApplication::translate("obnam::gui::RunHistoryModel",
                                             "succeeded, %n warning(s)", nullptr, 3),
                 QStringLiteral("succeeded, 3 warnings"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
