#include "timelinemodel.h"

#include "derivedrows.h"
#include "labelpalette.h"
#include "numbertext.h"
#include "idealtime.h"

#include "chrometrace.h"
#include "runner.h"
#include "runtitle.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>
#include <unordered_set>

namespace mtlab {

namespace {

using Row = TimelineModel::Row;
using Group = TimelineModel::Group;

bool byBegin(const Span &a, const Span &b)
{
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
}

// The spans of a queue overlap (one per waiting task), so the row shows how many wait at each
// moment: +1 at a begin, -1 at an end. A live run's open waits count until now.
void refreshQueueDepth(Row &row)
{
    std::vector<std::pair<std::int64_t, int>> edges;
    edges.reserve((row.spans.size() + row.open.size()) * 2);
    for (const auto *spans : {&row.spans, &row.open}) {
        for (const Span &s : *spans) {
            edges.emplace_back(s.begin, 1);
            edges.emplace_back(s.end, -1);
        }
    }
    std::sort(edges.begin(), edges.end());
    row.queueDepth.clear();
    row.maxQueueDepth = 0;
    int count = 0;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        count += edges[i].second;
        if (i + 1 < edges.size() && edges[i + 1].first == edges[i].first)
            continue; // one step per instant
        row.queueDepth.push_back({edges[i].first, count});
        row.maxQueueDepth = std::max(row.maxQueueDepth, count);
    }
}

// Recomputes what a row derives from its spans, from index `from` on (spans before it unchanged).
void refreshRow(Row &row, Group &group, std::size_t from)
{
    if (from == 0) {
        row.longestNs = 0;
        row.endsSorted = true;
    }
    for (std::size_t i = from; i < row.spans.size(); ++i) {
        const Span &s = row.spans[i];
        row.longestNs = std::max(row.longestNs, s.duration());
        if (i > 0 && s.end < row.spans[i - 1].end)
            row.endsSorted = false;
        if (s.label < 0)
            group.styles |= 1u << StatePalette::styleIndex(s.state, s.phase);
        group.end = std::max(group.end, s.end);
    }
    if (row.lane.kind == LaneKind::Queue)
        refreshQueueDepth(row);
}

// A live run's waits not yet ended, shown on the queue rows until now.
void setOpenWaits(Group &g, const std::vector<int> &index, const std::vector<Span> &open)
{
    std::vector<bool> had(g.rows.size());
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        had[r] = !g.rows[r].open.empty();
        g.rows[r].open.clear();
    }
    for (const Span &s : open) {
        const auto id = static_cast<std::size_t>(s.lane);
        if (s.lane < 0 || id >= index.size() || index[id] < 0)
            continue;
        Row &row = g.rows[static_cast<std::size_t>(index[id])];
        if (row.lane.kind == LaneKind::Queue) {
            row.open.push_back(s);
            g.end = std::max(g.end, s.end);
            g.styles |= 1u << StatePalette::styleIndex(s.state, s.phase);
        }
    }
    for (std::size_t r = 0; r < g.rows.size(); ++r)
        if (had[r] || !g.rows[r].open.empty())
            refreshQueueDepth(g.rows[r]);
}

// Workers in their sort order, each async loop followed by its task sub-lanes, then the derived
// rows, queues last.
void sortRows(std::vector<Row> &rows)
{
    const auto isLane = [](const Row &r) { return r.kind == TimelineModel::RowKind::Lane; };
    std::unordered_set<std::int32_t> ids;
    for (const Row &r : rows)
        if (isLane(r))
            ids.insert(r.lane.id);
    // Only one level of nesting: a lane whose parent has a parent itself stays at the top.
    std::unordered_set<std::int32_t> parents;
    for (const Row &r : rows)
        if (isLane(r) && !ids.contains(r.lane.parent))
            parents.insert(r.lane.id);
    std::vector<Row *> top;
    std::vector<Row *> queues;
    std::vector<Row *> children;
    std::vector<Row *> derived;
    for (Row &r : rows) {
        r.depth = isLane(r) && parents.contains(r.lane.parent) ? 1 : 0;
        (!isLane(r)                           ? derived
             : r.lane.kind == LaneKind::Queue ? queues
             : r.depth > 0                    ? children
                                              : top)
            .push_back(&r);
    }
    const auto less = [](const Row *a, const Row *b) {
        return std::pair(a->lane.sortIndex, a->lane.id) < std::pair(b->lane.sortIndex, b->lane.id);
    };
    std::sort(top.begin(), top.end(), less);
    std::stable_sort(children.begin(), children.end(), [&](const Row *a, const Row *b) {
        return a->lane.parent != b->lane.parent ? a->lane.parent < b->lane.parent : less(a, b);
    });
    std::sort(queues.begin(), queues.end(), less);
    std::sort(derived.begin(), derived.end(), [](const Row *a, const Row *b) { return a->kind < b->kind; });
    std::vector<Row> ordered;
    ordered.reserve(rows.size());
    for (Row *r : top) {
        const std::int32_t id = r->lane.id;
        ordered.push_back(std::move(*r));
        // children are sorted by parent: this parent's follow one another.
        for (auto c = std::lower_bound(children.begin(), children.end(), id,
                                       [](const Row *x, std::int32_t p) { return x->lane.parent < p; });
             c != children.end() && (*c)->lane.parent == id; ++c)
            ordered.push_back(std::move(**c));
    }
    for (Row *d : derived)
        ordered.push_back(std::move(*d));
    for (Row *q : queues)
        ordered.push_back(std::move(*q));
    rows = std::move(ordered);
}

std::vector<int> rowIndex(const std::vector<Row> &rows)
{
    std::vector<int> index;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].kind != TimelineModel::RowKind::Lane)
            continue;
        const auto id = static_cast<std::size_t>(std::max(rows[i].lane.id, 0));
        if (index.size() <= id)
            index.resize(id + 1, -1);
        index[id] = static_cast<int>(i);
    }
    return index;
}

Group makeGroup(const RunResult &run, const QString &subtitle)
{
    const Trace &trace = run.trace;
    Group g;
    g.title = runTitle(run.experiment);
    g.subtitle = subtitle.isEmpty() ? TimelineModel::subtitleFor(run, 0.0) : subtitle;
    g.origin = trace.origin();
    g.end = std::max(trace.end(), trace.origin() + run.wallNs);
    g.idealNs = mtlab::idealNs(run);
    g.idealFormula = QString::fromStdString(idealFormula(run));
    g.details = trace.details();
    g.labels = trace.labels();
    for (const std::string &label : g.labels)
        g.labelKeys.push_back(LabelPalette::key(label));
    // Another tool's spans say what ran, not whether it computed: no cores row counts them.
    if (g.labels.empty())
        DerivedRows::add(g, run.experiment, run.cores);
    for (const Lane &lane : trace.lanes()) {
        Row row;
        row.lane = lane;
        const auto spans = trace.spansOfLane(lane.id);
        row.spans.assign(spans.begin(), spans.end());
        refreshRow(row, g, 0);
        g.rows.push_back(std::move(row));
    }
    sortRows(g.rows);
    DerivedRows::update(g, trace.spans(), rowIndex(g.rows));
    return g;
}

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QObject(parent)
{
}

void TimelineModel::clear()
{
    m_groups.clear();
    m_rowOfLane.clear();
    emit changed();
}

int TimelineModel::addRun(const RunResult &run, const QString &subtitle)
{
    m_groups.push_back(makeGroup(run, subtitle));
    m_rowOfLane.push_back(rowIndex(m_groups.back().rows));
    emit changed();
    return static_cast<int>(m_groups.size() - 1);
}

int TimelineModel::beginLive(const QString &title, std::int64_t origin, const Experiment &experiment)
{
    Group g;
    g.title = title;
    g.origin = origin;
    g.end = origin;
    g.live = true;
    DerivedRows::add(g, experiment, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    m_groups.push_back(std::move(g));
    m_rowOfLane.emplace_back();
    emit changed();
    return static_cast<int>(m_groups.size() - 1);
}

void TimelineModel::setLanes(int group, const std::vector<Lane> &lanes)
{
    Group &g = m_groups.at(static_cast<std::size_t>(group));
    std::vector<int> &index = m_rowOfLane[static_cast<std::size_t>(group)];
    bool added = false; // or moved: the rows need sorting again
    for (const Lane &lane : lanes) {
        const auto id = static_cast<std::size_t>(lane.id);
        if (id < index.size() && index[id] >= 0) {
            // A process learns its pid; a placeholder row learns where it belongs.
            Lane &known = g.rows[static_cast<std::size_t>(index[id])].lane;
            added = added || known.sortIndex != lane.sortIndex || known.parent != lane.parent ||
                known.kind != lane.kind;
            known = lane;
            continue;
        }
        Row row;
        row.lane = lane;
        g.rows.push_back(std::move(row));
        added = true;
    }
    if (added) {
        sortRows(g.rows);
        index = rowIndex(g.rows);
    }
}

void TimelineModel::updateLive(int group, const std::vector<Lane> &lanes, std::vector<Span> spans,
                               const std::vector<std::string> &newDetails, const std::vector<Span> &open)
{
    setLanes(group, lanes);
    // A span on a lane the snapshot did not have yet gets a placeholder row until the next update.
    std::vector<Lane> unknown;
    std::erase_if(spans, [](const Span &s) { return s.lane < 0; });
    for (const Span &s : spans) {
        const auto &index = m_rowOfLane[static_cast<std::size_t>(group)];
        const auto id = static_cast<std::size_t>(s.lane);
        if ((id >= index.size() || index[id] < 0) &&
            std::none_of(unknown.begin(), unknown.end(), [&](const Lane &l) { return l.id == s.lane; })) {
            Lane lane;
            lane.id = s.lane;
            lane.name = "lane " + std::to_string(s.lane + 1);
            lane.sortIndex = std::numeric_limits<std::int32_t>::max(); // after the known workers
            unknown.push_back(std::move(lane));
        }
    }
    if (!unknown.empty())
        setLanes(group, unknown);

    Group &g = m_groups[static_cast<std::size_t>(group)];
    g.details.insert(g.details.end(), newDetails.begin(), newDetails.end());
    const std::vector<int> &index = m_rowOfLane[static_cast<std::size_t>(group)];
    constexpr auto None = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> firstNew(g.rows.size(), None);
    std::stable_sort(spans.begin(), spans.end(), byBegin);
    for (const Span &s : spans) {
        const auto r = static_cast<std::size_t>(index[static_cast<std::size_t>(s.lane)]);
        firstNew[r] = std::min(firstNew[r], g.rows[r].spans.size());
        g.rows[r].spans.push_back(s);
    }
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        if (firstNew[r] == None)
            continue;
        Row &row = g.rows[r];
        const auto middle = row.spans.begin() + static_cast<std::ptrdiff_t>(firstNew[r]);
        std::size_t from = firstNew[r];
        // A queued span is recorded when its task is picked up, so it can begin before spans
        // already here: merge, and recompute the row from the start.
        if (middle != row.spans.begin() && byBegin(*middle, *(middle - 1))) {
            std::inplace_merge(row.spans.begin(), middle, row.spans.end(), byBegin);
            from = 0;
        }
        refreshRow(row, g, from);
    }
    DerivedRows::update(g, spans, index);
    setOpenWaits(g, index, open);
    emit changed();
}

void TimelineModel::finishLive(int group, const RunResult &run, const QString &subtitle)
{
    const auto i = static_cast<std::size_t>(group);
    m_groups.at(i) = makeGroup(run, subtitle);
    m_rowOfLane[i] = rowIndex(m_groups[i].rows);
    emit changed();
}

void TimelineModel::setSubtitle(int group, const QString &subtitle)
{
    m_groups.at(static_cast<std::size_t>(group)).subtitle = subtitle;
    emit changed();
}

void TimelineModel::setTitle(int group, const QString &title)
{
    m_groups.at(static_cast<std::size_t>(group)).title = title;
    emit changed();
}

void TimelineModel::setNotes(int group, std::vector<Annotation> notes)
{
    if (group < 0 || static_cast<std::size_t>(group) >= m_groups.size())
        return;
    std::vector<Annotation> &kept = m_groups[static_cast<std::size_t>(group)].notes;
    if (kept == notes)
        return;
    kept = std::move(notes);
    emit changed();
}

std::size_t TimelineModel::spanCount() const noexcept
{
    std::size_t count = 0;
    for (const Group &g : m_groups)
        for (const Row &r : g.rows)
            if (r.kind == RowKind::Lane) // the GIL holder row holds copies
                count += r.spans.size();
    return count;
}

bool TimelineModel::hasLiveGroup() const noexcept
{
    return std::any_of(m_groups.begin(), m_groups.end(), [](const Group &g) { return g.live; });
}

std::int64_t TimelineModel::durationNs() const noexcept
{
    std::int64_t longest = 0;
    for (const Group &g : m_groups)
        longest = std::max({longest, g.end - g.origin, g.idealNs});
    return longest;
}

std::uint32_t TimelineModel::presentStyles() const noexcept
{
    std::uint32_t styles = 0;
    for (const Group &g : m_groups)
        styles |= g.styles;
    return styles;
}

std::vector<std::pair<std::string, int>> TimelineModel::presentLabels() const
{
    std::vector<std::pair<std::string, int>> out;
    std::unordered_set<std::string> seen;
    for (const Group &g : m_groups)
        for (std::size_t i = 0; i < g.labels.size(); ++i)
            if (seen.insert(g.labels[i]).second)
                out.emplace_back(g.labels[i], g.labelKeys[i]);
    return out;
}

TimelineModel::Breakdown TimelineModel::taskBreakdown(int group, std::int32_t task) const
{
    Breakdown total{};
    for (const Row &row : m_groups.at(static_cast<std::size_t>(group)).rows)
        for (const Span &s : row.spans)
            if (s.task == task && row.kind == RowKind::Lane) // not the copies in the GIL holder row
                total[static_cast<std::size_t>(StatePalette::styleIndex(s.state, s.phase))] += s.duration();
    return total;
}

std::span<const Span> TimelineModel::visible(const Group &group, const Row &row, double fromNs, double toNs)
{
    // Clamped so that absurd zooms cannot overflow the conversion to integer nanoseconds.
    constexpr double Limit = 4e18;
    const auto from = group.origin + static_cast<std::int64_t>(std::floor(std::clamp(fromNs, -Limit, Limit)));
    const auto to = group.origin + static_cast<std::int64_t>(std::ceil(std::clamp(toNs, -Limit, Limit)));
    const auto &spans = row.spans;
    // Nothing that begins before from - longestNs can reach from.
    auto first = std::lower_bound(spans.begin(), spans.end(), from - row.longestNs,
                                  [](const Span &s, std::int64_t t) { return s.begin < t; });
    const auto last = std::upper_bound(first, spans.end(), to,
                                       [](std::int64_t t, const Span &s) { return t < s.begin; });
    if (row.endsSorted)
        return {std::lower_bound(first, last, from, [](const Span &s, std::int64_t t) { return s.end < t; }),
                last};
    // Overlapping spans: trim those that end before the range at both ends of the run.
    first = std::find_if(first, last, [from](const Span &s) { return s.end >= from; });
    auto end = last;
    while (end != first && (end - 1)->end < from)
        --end;
    return {first, end};
}

// "counter 11,593 of 50,000: 38,407 updates lost", or where the worker processes' copies ended.
QString TimelineModel::counterOutcome(const CounterReport &c)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const auto count = [&](std::int64_t n) { return english.toString(static_cast<qlonglong>(n)); };
    if (!c.perProcess.empty()) {
        QStringList copies;
        for (const std::int64_t copy : c.perProcess)
            copies << count(copy);
        return QCoreApplication::translate("TimelineModel",
                                           "the parent's counter %1, the processes' copies %2")
            .arg(count(c.result), copies.join(QStringLiteral(" + ")));
    }
    if (c.lost > 0)
        return QCoreApplication::translate("TimelineModel", "counter %1 of %2: %3 updates lost")
            .arg(count(c.result), count(c.expected), count(c.lost));
    return QCoreApplication::translate("TimelineModel", "counter %1 of %2: none lost")
        .arg(count(c.result), count(c.expected));
}

QString TimelineModel::subtitleFor(const RunResult &run, double speedup)
{
    QString text = durationText(static_cast<double>(run.wallNs));
    if (speedup > 0)
        text += QCoreApplication::translate("TimelineModel", ", %1 sync").arg(speedupText(speedup));
    if (const std::int64_t ideal = mtlab::idealNs(run); ideal > 0)
        text += QCoreApplication::translate("TimelineModel", " (ideal %1)")
                    .arg(durationText(static_cast<double>(ideal)));
    if (run.counter)
        text += QStringLiteral(", ") + counterOutcome(*run.counter);
    if (run.failed > 0)
        text += QCoreApplication::translate("TimelineModel", ", %1 failed").arg(run.failed);
    if (run.cancelled)
        text += QCoreApplication::translate("TimelineModel", ", cancelled");
    return text;
}

} // namespace mtlab
