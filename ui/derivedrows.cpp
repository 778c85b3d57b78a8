#include "derivedrows.h"

#include "experiment.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace mtlab {

namespace {

using Group = TimelineModel::Group;
using Row = TimelineModel::Row;
using RowKind = TimelineModel::RowKind;

template <typename G>
auto findRow(G &group, RowKind kind) -> decltype(&group.rows.front())
{
    // Derived rows sit after the lanes and before the queue: search from the end.
    for (auto r = group.rows.rbegin(); r != group.rows.rend(); ++r)
        if (r->kind == kind)
            return &*r;
    return nullptr;
}

Row derivedRow(RowKind kind, const char *name)
{
    Row row;
    row.kind = kind;
    row.lane.id = -1;
    row.lane.name = QCoreApplication::translate("DerivedRows", name).toStdString();
    return row;
}

bool byBegin(const Span &a, const Span &b)
{
    return a.begin < b.begin;
}

// The holder row's spans were appended from `from` on: sorts them into place, re-deriving what
// the row knows of its spans from the first one that moved.
void settleHolder(Row &row, std::size_t from)
{
    auto &spans = row.spans;
    const auto tail = spans.begin() + static_cast<std::ptrdiff_t>(from);
    std::sort(tail, spans.end(), byBegin);
    if (tail == spans.end())
        return;
    const auto first = std::upper_bound(spans.begin(), tail, *tail, byBegin);
    std::inplace_merge(first, tail, spans.end(), byBegin);
    for (auto s = first; s != spans.end(); ++s) {
        row.longestNs = std::max(row.longestNs, s->duration());
        if (s != spans.begin() && s->end < (s - 1)->end)
            row.endsSorted = false;
    }
}

} // namespace

void DerivedRows::add(Group &group, const Experiment &experiment, int cores)
{
    group.cores = cores;
    if (experiment.gil && experiment.strategy == StrategyKind::Threads)
        group.rows.push_back(derivedRow(RowKind::LockHolder, QT_TRANSLATE_NOOP("DerivedRows", "GIL holder")));
    if (experiment.workload == WorkloadKind::Cpu)
        group.rows.push_back(derivedRow(RowKind::Cores, QT_TRANSLATE_NOOP("DerivedRows", "cores")));
}

const Row *DerivedRows::find(const Group &group, RowKind kind)
{
    return findRow(group, kind);
}

void DerivedRows::update(Group &group, std::span<const Span> spans, const std::vector<int> &rowOfLane)
{
    Row *cores = findRow(group, RowKind::Cores);
    Row *holder = findRow(group, RowKind::LockHolder);
    if (!cores && !holder)
        return;
    const std::size_t old = holder ? holder->spans.size() : 0;
    for (const Span &s : spans) {
        const auto id = static_cast<std::size_t>(s.lane);
        if (s.lane < 0 || id >= rowOfLane.size() || rowOfLane[id] < 0)
            continue;
        const Lane &lane = group.rows[static_cast<std::size_t>(rowOfLane[id])].lane;
        if (!lane.isWorker())
            continue;
        if (cores && onCore(s.state))
            cores->busy.add(s.begin, s.end);
        if (holder && lane.kind == LaneKind::PoolThread && holdsLock(s.state)) {
            holder->spans.push_back(s);
            if (holder->keyOfLane.size() <= id)
                holder->keyOfLane.resize(id + 1, -1);
            holder->keyOfLane[id] = threadKey(lane);
        }
    }
    if (cores)
        cores->busy.settle();
    if (holder)
        settleHolder(*holder, old);
}

QColor DerivedRows::threadColour(int key)
{
    // Paul Tol's "muted" scheme, told apart by colour-blind viewers too; neighbours contrast.
    static constexpr std::array<QRgb, ThreadColours> Colours{0xCC6677, 0x44AA99, 0x332288, 0xDDCC77,
                                                             0x882255, 0x88CCEE, 0x117733, 0x999933};
    return QColor(Colours[static_cast<std::size_t>(std::clamp(key, 0, ThreadColours - 1))]);
}

QString DerivedRows::shortName(const Lane &lane)
{
    return QStringLiteral("T%1").arg(lane.sortIndex + 1);
}

} // namespace mtlab
