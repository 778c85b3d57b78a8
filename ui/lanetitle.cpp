#include "lanetitle.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mtlab {

QString laneTitle(const Lane &lane)
{
    const QString name = QString::fromStdString(lane.name);
    static const QRegularExpression numbered(QStringLiteral("^(thread|task slot|lane) (\\d+)$"));
    static const QRegularExpression process(QStringLiteral("^process (\\d+) \\(pid (\\d+)\\)$"));
    static const QRegularExpression hogSlices(QStringLiteral("^hog, (\\d+) ms slices$"));
    if (name == QLatin1String("main thread"))
        return QCoreApplication::translate("LaneTitle", "main thread");
    if (name == QLatin1String("event loop"))
        return QCoreApplication::translate("LaneTitle", "event loop");
    if (name == QLatin1String("queue"))
        return QCoreApplication::translate("LaneTitle", "queue");
    if (const auto m = numbered.match(name); m.hasMatch()) {
        const QString kind = m.captured(1);
        const char *text = kind == QLatin1String("thread") ? QT_TRANSLATE_NOOP("LaneTitle", "thread %1")
            : kind == QLatin1String("task slot")           ? QT_TRANSLATE_NOOP("LaneTitle", "task slot %1")
                                                           : QT_TRANSLATE_NOOP("LaneTitle", "lane %1");
        return QCoreApplication::translate("LaneTitle", text).arg(m.captured(2));
    }
    // The task that starves the event loop (HogTask).
    if (name == QLatin1String("hog, no await"))
        return QCoreApplication::translate("LaneTitle", "hog, no await");
    if (const auto m = hogSlices.match(name); m.hasMatch())
        return QCoreApplication::translate("LaneTitle", "hog, %1 ms slices").arg(m.captured(1));
    if (const auto m = process.match(name); m.hasMatch())
        return QCoreApplication::translate("LaneTitle", "process %1 (pid %2)")
            .arg(m.captured(1), m.captured(2));
    return name;
}

} // namespace mtlab
