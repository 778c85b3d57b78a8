#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace mtlab::Language {

namespace {

QString &installedCode()
{
    static QString code = QStringLiteral("en");
    return code;
}

} // namespace

QList<Choice> available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ko"), QStringLiteral("한국어")}};
}

QString choose(const QString &kept, const QStringList &systemPreferred)
{
    QStringList ours;
    for (const Choice &choice : available())
        ours << choice.code;
    if (ours.contains(kept))
        return kept;
    for (const QString &preferred : systemPreferred) {
        // "ko-KR", "ko_KR.UTF-8" and "ko" all mean Korean.
        const QString code = preferred.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0);
        if (ours.contains(code))
            return code;
    }
    return ours.front();
}

QString install(QCoreApplication &app, const QString &code)
{
    if (code == QLatin1String("en"))
        return installedCode() = code;
    // Owned by the application: they must live as long as it translates.
    auto *ours = new QTranslator(&app);
    if (!ours->load(QStringLiteral(":/i18n/multitask-lab_%1.qm").arg(code))) {
        delete ours;
        return installedCode() = QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return installedCode() = code;
}

QString installed()
{
    return installedCode();
}

} // namespace mtlab::Language
