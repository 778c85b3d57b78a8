#include "comparison.h"

#include "numbertext.h"
#include "chrometrace.h"
#include "idealtime.h"
#include "runner.h"
#include "runtitle.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace mtlab {

namespace {

// The sweep's x: how many workers, or for async (always one thread) how many tasks in flight.
int sweepWorkers(const Experiment &e)
{
    if (e.strategy != StrategyKind::Async)
        return e.workerCount();
    return e.io.maxInFlight > 0 ? e.io.maxInFlight : e.tasks;
}

QString duration(std::int64_t ns)
{
    return durationText(static_cast<double>(ns));
}

double speedup(std::int64_t baselineNs, std::int64_t wallNs)
{
    return baselineNs > 0 && wallNs > 0 ? static_cast<double>(baselineNs) / static_cast<double>(wallNs) : 0.0;
}

} // namespace

Comparison::Comparison(TimelineModel &model)
    : m_model(model)
{
}

void Comparison::clear(bool firstIsBaseline)
{
    m_entries.clear();
    m_baselineNs = 0;
    m_firstIsBaseline = firstIsBaseline;
    m_model.clear();
}

void Comparison::addRun(const RunResult &run, Mode mode, const QString &name, const QString &spread,
                        int repeats)
{
    if (mode != m_mode)
        clear(m_firstIsBaseline);
    m_mode = mode;
    Entry entry;
    entry.strategy = run.experiment.strategy;
    entry.workload = run.experiment.workload;
    entry.label = name.isEmpty() ? runTitle(run.experiment) : name;
    entry.named = !name.isEmpty();
    entry.spread = spread;
    entry.repeats = repeats;
    entry.workers = sweepWorkers(run.experiment);
    entry.interpreterLock = run.experiment.gil && entry.strategy == StrategyKind::Threads;
    entry.wallNs = run.wallNs;
    entry.idealNs = idealNs(run);
    entry.failed = run.failed;
    entry.cancelled = run.cancelled;
    if (run.counter)
        entry.counter = TimelineModel::counterOutcome(*run.counter);

    const bool lateBaseline = m_baselineNs == 0 && isBaseline(entry) && !run.cancelled;
    if (lateBaseline)
        m_baselineNs = run.wallNs;
    entry.baseline = lateBaseline;
    entry.speedup = speedup(m_baselineNs, entry.wallNs);
    m_entries.push_back(entry);
    const int group = m_model.addRun(run, subtitle(entry));
    if (entry.named)
        m_model.setTitle(group, entry.label);
    if (!lateBaseline)
        return;
    // Runs that came before the baseline now learn their speedup.
    for (std::size_t i = 0; i + 1 < m_entries.size(); ++i) {
        m_entries[i].speedup = speedup(m_baselineNs, m_entries[i].wallNs);
        m_model.setSubtitle(static_cast<int>(i), subtitle(m_entries[i]));
    }
}

bool Comparison::isBaseline(const Entry &entry) const noexcept
{
    if (m_mode == Mode::Sweep)
        return entry.workers == 1;
    return entry.strategy == StrategyKind::Sync || (m_firstIsBaseline && m_entries.empty());
}

QString Comparison::baselineName() const
{
    if (m_mode == Mode::Sweep)
        return QCoreApplication::translate("Comparison", "1 worker");
    const auto baseline = std::find_if(m_entries.begin(), m_entries.end(),
                                       [](const Entry &e) { return e.baseline; });
    if (baseline != m_entries.end() && (baseline->named || baseline->strategy != StrategyKind::Sync))
        return baseline->label;
    return QCoreApplication::translate("Comparison", "sync");
}

QString Comparison::subtitle(const Entry &entry) const
{
    const QString baseline = baselineName();
    QStringList parts{duration(entry.wallNs)};
    if (!entry.spread.isEmpty())
        parts[0] += QStringLiteral(" (%1)").arg(entry.spread);
    if (entry.baseline)
        parts << QCoreApplication::translate("Comparison", "the baseline");
    else if (entry.speedup >= 1.0)
        parts << QCoreApplication::translate("Comparison", "%1 faster than %2")
                     .arg(speedupText(entry.speedup), baseline);
    else if (entry.speedup > 0.0)
        parts << QCoreApplication::translate("Comparison", "%1× slower than %2")
                     .arg(1.0 / entry.speedup, 0, 'f', 2)
                     .arg(baseline);
    if (entry.idealNs > 0)
        parts << QCoreApplication::translate("Comparison", "ideal ") + duration(entry.idealNs);
    if (!entry.counter.isEmpty())
        parts << entry.counter;
    if (entry.failed > 0)
        parts << QCoreApplication::translate("Comparison", "%1 failed").arg(entry.failed);
    if (entry.cancelled)
        parts << QCoreApplication::translate("Comparison", "cancelled");
    return parts.join(QStringLiteral(" · "));
}

} // namespace mtlab
