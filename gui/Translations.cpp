#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace obnam::gui {

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Earlier calls (a test switching languages) are replaced, not stacked.
    const auto previous = app.findChildren<QTranslator *>(QStringLiteral("obnamTranslator"),
                                                          Qt::FindDirectChildrenOnly);
    for (QTranslator *old : previous) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const auto add = [&app](QTranslator *t) {
        t->setObjectName(QStringLiteral("obnamTranslator"));
        t->setParent(&app);
        QCoreApplication::installTranslator(t);
    };
    bool found = false;
    auto *own = new QTranslator;
    if (own->load(locale, QStringLiteral("obnam"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        add(own);
        found = true;
    } else {
        delete own;
    }
    auto *qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        add(qt);
    else
        delete qt;
    return found;
}

} // namespace obnam::gui
