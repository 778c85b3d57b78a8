#include "reporttext.h"

#include "runtitle.h"

#include <QCoreApplication>
#include <QLocale>

namespace mtlab {

namespace {

// Each text is marked where it is written (QT_TRANSLATE_NOOP), for lupdate.
QString translated(const char *text)
{
    return QCoreApplication::translate("ReportText", text);
}

// Digits in groups of three, as the English table writes them: "400,000,000".
QString grouped(std::uint64_t value)
{
    return QLocale(QLocale::English).toString(static_cast<qulonglong>(value));
}

QString workloadLine(const Experiment &e)
{
    switch (e.workload) {
    case WorkloadKind::Counter:
        return translated(QT_TRANSLATE_NOOP(
                              "ReportText",
                              "Shared counter: %1 tasks each add 1 to one counter %2 times (sync: %3)"))
            .arg(e.tasks)
            .arg(grouped(e.n), QLatin1String(syncName(e.counter.sync)));
    case WorkloadKind::Cpu:
        return translated(QT_TRANSLATE_NOOP("ReportText",
                                            "CPU workload: %1 tasks, sum of squares below n = %2 .. %3"))
            .arg(e.tasks)
            .arg(grouped(e.n), grouped(e.n + static_cast<std::uint64_t>(e.tasks) - 1));
    case WorkloadKind::Io:
        break;
    }
    return translated(QT_TRANSLATE_NOOP("ReportText", "I/O workload: %1 downloads of %2"))
        .arg(e.tasks)
        .arg(e.io.url.empty() ? translated(QT_TRANSLATE_NOOP("ReportText", "the embedded server"))
                              : QString::fromStdString(e.io.url));
}

} // namespace

ReportText reportText()
{
    return {
        .strategy = translated(QT_TRANSLATE_NOOP("ReportText", "strategy")).toStdString(),
        .workers = translated(QT_TRANSLATE_NOOP("ReportText", "workers")).toStdString(),
        .wallTime = translated(QT_TRANSLATE_NOOP("ReportText", "wall time")).toStdString(),
        .speedup = translated(QT_TRANSLATE_NOOP("ReportText", "speedup")).toStdString(),
        .okFailed = translated(QT_TRANSLATE_NOOP("ReportText", "ok/failed")).toStdString(),
        .cancelled = translated(QT_TRANSLATE_NOOP("ReportText", "cancelled")).toStdString(),
        .resultSum = translated(QT_TRANSLATE_NOOP("ReportText", "sum of all task results: ")).toStdString(),
        .scaledNote = translated(
                          QT_TRANSLATE_NOOP("ReportText",
                                            "note: the article's n = 5,000,000 takes a few milliseconds "
                                            "per task in C++, so n is\nscaled up to make a task last "
                                            "about a tenth of a second; --n 5000000 runs the original.\n"))
                          .toStdString(),
        .label = [](const Experiment &e) { return runTitle(e).toStdString(); },
        .workload = [](const Experiment &e) { return workloadLine(e).toStdString(); },
    };
}

} // namespace mtlab
