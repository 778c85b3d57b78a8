#pragma once

#include "experiment.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace mtlab {

class TimelineModel;
struct RunResult;

// Fills a TimelineModel with the runs of a comparison, one group per run in arrival order, each
// subtitled with its wall time, its speedup over the baseline and its ideal time (the model's
// core idealNs). The baseline is the (first) sync run, or in a sweep (one strategy, workers =
// 1..K) the 1-worker run, or, for runs picked from the run list without either, the first run;
// runs that arrive before it get their speedup once it is in. No widgets, so the command line
// draws the same comparison as the window.
class Comparison
{
public:
    enum class Mode { Strategies, Sweep };
    // What the subtitles and the charts show of one run (entry i is the model's group i).
    struct Entry {
        StrategyKind strategy = StrategyKind::Sync;
        WorkloadKind workload = WorkloadKind::Cpu;
        QString label;      // "threads, 5 workers", or the name given in the run list
        QString spread;     // repeats: "1.700–1.810 s, 5 runs"; empty for one run
        int repeats = 1;    // runs behind the shown (median) one
        bool named = false; // the label is a name given in the run list
        bool baseline = false;
        int workers = 1;              // the sweep's x: workers, or the in-flight limit for async
        bool interpreterLock = false; // threads that compute one at a time
        std::int64_t wallNs = 0;
        std::int64_t idealNs = 0;
        double speedup = 0.0; // over the baseline, 0 while there is none
        int failed = 0;
        bool cancelled = false;
        QString counter; // the counter workload: what became of the updates
    };

    explicit Comparison(TimelineModel &model);

    // firstIsBaseline: without a sync run, the first run added is the baseline.
    void clear(bool firstIsBaseline = false);
    // Adds a run; a run of the other mode than the runs so far starts a new comparison. A name
    // (from the run list) replaces the run's label; a spread tells the repeats of a median run.
    void addRun(const RunResult &run, Mode mode = Mode::Strategies, const QString &name = {},
                const QString &spread = {}, int repeats = 1);

    Mode mode() const noexcept { return m_mode; }
    const std::vector<Entry> &entries() const noexcept { return m_entries; }

    // "2.031 s · 4.93× faster than sync · ideal 2.000 s"
    QString subtitle(const Entry &entry) const;

private:
    bool isBaseline(const Entry &entry) const noexcept;
    QString baselineName() const;

    TimelineModel &m_model;
    Mode m_mode = Mode::Strategies;
    std::vector<Entry> m_entries;
    std::int64_t m_baselineNs = 0; // the baseline's wall time, 0 until it is in
    bool m_firstIsBaseline = false;
};

} // namespace mtlab
