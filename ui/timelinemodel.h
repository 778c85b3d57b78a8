#pragma once

#include "annotation.h"
#include "statepalette.h"
#include "stepcounter.h"
#include "trace.h"

#include <QObject>
#include <QString>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mtlab {

struct Experiment;
struct RunResult;
struct CounterReport;

// What a timeline shows: one or more runs (a comparison stacks several on one time axis, each
// rebased to its own start), each a group of rows, one row per lane. Spans per row are kept
// sorted by begin, with the longest span duration so far, so that the visible ones are found
// with lower_bound. Grows while a run is live (updateLive), immutable runs come from a Trace.
// Not a QAbstractItemModel: a million spans do not belong in a Qt item model.
class TimelineModel : public QObject
{
    Q_OBJECT

public:
    // How many tasks wait in a queue lane from `at` (absolute ns) until the next step.
    using DepthStep = CountStep;
    // A row shows a lane of the trace, or what the model derives from the lanes (DerivedRows).
    enum class RowKind : std::uint8_t {
        Lane,
        LockHolder, // which thread holds the interpreter lock: copies of the lanes' holding spans
        Cores,      // how many lanes compute at each moment, against the machine's cores
    };
    struct Row {
        Lane lane; // a derived row's has id -1 and the row's name
        RowKind kind = RowKind::Lane;
        std::vector<Span> spans;           // sorted by begin; times are absolute steady_clock ns
        std::int64_t longestNs = 0;        // lets lower_bound start far enough to the left
        int depth = 0;                     // 1 for async sub-lanes (indented under the loop)
        bool endsSorted = true;            // no span ends after a later one: visible() is exact
        std::vector<DepthStep> queueDepth; // queue lanes only: their spans overlap, this is drawn
        std::vector<Span> open;            // live queue lanes: waits not yet ended, until now
        int maxQueueDepth = 0;
        StepCounter busy;           // the cores row: lanes computing
        std::vector<int> keyOfLane; // the GIL holder row: lane id -> its thread's colour, -1
    };
    struct Group {
        QString title;                    // "threads, 5 workers"
        QString subtitle;                 // "2.031 s, 4.93x sync (ideal 2.000 s)"; empty while live
        std::int64_t origin = 0;          // the run's start: time 0 of this group
        std::int64_t end = 0;             // last span end so far
        std::int64_t idealNs = 0;         // the theory's time, 0 if unknown
        QString idealFormula;             // how the theory got there, for the marker's tooltip
        int cores = 0;                    // the machine's cores, for the cores row
        std::vector<Row> rows;            // in display order
        std::vector<std::string> details; // failure reasons, indexed by Span::detail
        bool live = false;
        std::uint32_t styles = 0;      // bit StatePalette::styleIndex() of every span present
        std::vector<Annotation> notes; // the run's notes, as kept in the run list
        // An imported trace's own span names (Span::label) and their LabelPalette keys.
        std::vector<std::string> labels;
        std::vector<int> labelKeys;
    };
    // Time per style (StatePalette::styleIndex) that one task spent, over all lanes of a group.
    using Breakdown = std::array<std::int64_t, StatePalette::StyleCount>;

    explicit TimelineModel(QObject *parent = nullptr);

    void clear();
    // A finished run as one group. Returns the group's index.
    int addRun(const RunResult &run, const QString &subtitle = {});
    // A live run: an empty group filled by updateLive() as the collector's batches arrive, with
    // the spans and the failure reasons added since the last update, and the waits still open.
    int beginLive(const QString &title, std::int64_t origin, const Experiment &experiment);
    void updateLive(int group, const std::vector<Lane> &lanes, std::vector<Span> spans,
                    const std::vector<std::string> &newDetails, const std::vector<Span> &open = {});
    // The run ended: the live group becomes the finished run (same index).
    void finishLive(int group, const RunResult &run, const QString &subtitle = {});

    // The comparison view learns the speedup once the sync run is in.
    void setSubtitle(int group, const QString &subtitle);
    // A run renamed in the run list.
    void setTitle(int group, const QString &title);
    // The notes of the run shown as group (unknown groups are ignored).
    void setNotes(int group, std::vector<Annotation> notes);

    const std::vector<Group> &groups() const noexcept { return m_groups; }
    std::size_t spanCount() const noexcept;
    // The longest group's duration in ns (its ideal time, if longer), for fit-to-window and the
    // shared axis.
    std::int64_t durationNs() const noexcept;
    bool hasLiveGroup() const noexcept;
    // Bits of StatePalette::styleIndex() present in any group: what the legend lists.
    std::uint32_t presentStyles() const noexcept;
    // The imported names of all groups, each once, in first-seen order, with their palette key.
    std::vector<std::pair<std::string, int>> presentLabels() const;
    Breakdown taskBreakdown(int group, std::int32_t task) const;

    // The spans of a row overlapping [fromNs, toNs] (relative to the group's origin): a run in begin
    // order from the first overlapping span to the last. Exact when row.endsSorted (worker lanes);
    // in a queue lane it may also hold short spans nested between overlapping ones.
    static std::span<const Span> visible(const Group &group, const Row &row, double fromNs, double toNs);
    // The time the theory predicts for a run: sync N*d, pools ceil(N/W)*d (W capped at the cores
    // for CPU work, 1 under the interpreter lock), the event loop ceil(N/K)*d for I/O; processes
    // add the pool's start-up. d: the server's think time, or the measured mean per task.

    // "2.031 s, 4.93x sync (ideal 2.000 s)"; speedup <= 0 leaves the speedup out.
    static QString subtitleFor(const RunResult &run, double speedup);
    // The counter workload's outcome: "counter 11,593 of 50,000: 38,407 updates lost".
    static QString counterOutcome(const CounterReport &counter);

signals:
    void changed();

private:
    void setLanes(int group, const std::vector<Lane> &lanes);

    std::vector<Group> m_groups;
    std::vector<std::vector<int>> m_rowOfLane; // per group: lane id -> row index
};

} // namespace mtlab
