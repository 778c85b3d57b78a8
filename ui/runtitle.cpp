#include "runtitle.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <array>

namespace mtlab {

namespace {

// The parts runLabel() writes, each with at most one number in it (%1).
struct Part {
    const char *pattern;
    const char *text;
};

constexpr std::array Parts{
    Part{"Python", QT_TRANSLATE_NOOP("RunTitle", "Python")},
    Part{"sync", QT_TRANSLATE_NOOP("RunTitle", "sync")},
    Part{"threads", QT_TRANSLATE_NOOP("RunTitle", "threads")},
    Part{"async", QT_TRANSLATE_NOOP("RunTitle", "async")},
    Part{"processes", QT_TRANSLATE_NOOP("RunTitle", "processes")},
    Part{"1 worker", QT_TRANSLATE_NOOP("RunTitle", "1 worker")},
    Part{"(\\d+) workers", QT_TRANSLATE_NOOP("RunTitle", "%1 workers")},
    Part{"interpreter lock", QT_TRANSLATE_NOOP("RunTitle", "interpreter lock")},
    Part{"blocking", QT_TRANSLATE_NOOP("RunTitle", "blocking")},
    Part{"hog (\\d+) ms", QT_TRANSLATE_NOOP("RunTitle", "hog %1 ms")},
    Part{"sliced (\\d+) ms", QT_TRANSLATE_NOOP("RunTitle", "sliced %1 ms")},
    Part{"lock", QT_TRANSLATE_NOOP("RunTitle", "lock")},
    Part{"semaphore of (\\d+)", QT_TRANSLATE_NOOP("RunTitle", "semaphore of %1")},
    Part{"await inside", QT_TRANSLATE_NOOP("RunTitle", "await inside")},
};

QString translatePart(const QString &part)
{
    for (const Part &known : Parts) {
        const QRegularExpression pattern(QStringLiteral("^%1$").arg(QLatin1String(known.pattern)));
        if (const auto match = pattern.match(part); match.hasMatch()) {
            QString text = QCoreApplication::translate("RunTitle", known.text);
            return match.lastCapturedIndex() >= 1 ? text.arg(match.captured(1)) : text;
        }
    }
    return part;
}

} // namespace

QString runTitle(const std::string &engineLabel)
{
    QStringList parts = QString::fromStdString(engineLabel).split(QStringLiteral(", "));
    for (QString &part : parts)
        part = translatePart(part);
    return parts.join(QStringLiteral(", "));
}

QString runTitle(const Experiment &experiment)
{
    return runTitle(runLabel(experiment));
}

} // namespace mtlab
