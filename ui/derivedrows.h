#pragma once

#include "timelinemodel.h"

#include <QColor>
#include <QString>

#include <algorithm>
#include <span>
#include <vector>

namespace mtlab {

// The rows a timeline derives from a run's lanes rather than reads from its trace:
// - cores (CPU work): how many of the run's lanes compute at each moment, drawn against the
//   machine's cores, so that "2 cores busy, never more" can be seen. Not for I/O: there the lanes
//   compute for microseconds around each download, and a flat row at zero would only take room
//   from the phases that tell the I/O story.
// - GIL holder (a thread pool under the emulated interpreter lock): which thread holds the lock
//   over time, one colour per thread. A thread holds it exactly while its lane computes; while it
//   waits for the lock it does not. Processes have a lock each but one thread each: no row.
class DerivedRows
{
public:
    static constexpr int ThreadColours = 8;

    // Adds the rows the experiment calls for to a group (its lanes sorted in later).
    static void add(TimelineModel::Group &group, const Experiment &experiment, int cores);
    // Brings the group's derived rows up to date with spans just added to its lanes, any order;
    // rowOfLane maps a lane id to its row. Costs in proportion to the new spans and the part of
    // the rows they reach back into, so a live run is never rebuilt from scratch.
    static void update(TimelineModel::Group &group, std::span<const Span> spans,
                       const std::vector<int> &rowOfLane);
    // The group's derived row of that kind, null when it has none.
    static const TimelineModel::Row *find(const TimelineModel::Group &group, TimelineModel::RowKind kind);

    // A lane in this state keeps a core busy.
    static bool onCore(State state) noexcept { return state == State::Cpu; }
    // A thread in this state holds the interpreter lock (in a run with the lock): computing, or
    // descheduled while it holds it.
    static bool holdsLock(State state) noexcept { return state == State::Cpu || state == State::Ready; }

    // A thread's key in the GIL holder row (Row::keyOfLane), its colour, and a short name for the
    // thread of a lane, for labels inside narrow segments: "thread 3" -> "T3".
    static int threadKey(const Lane &lane) noexcept { return std::max(lane.sortIndex, 0) % ThreadColours; }
    static QColor threadColour(int key);
    static QString shortName(const Lane &lane);
};

} // namespace mtlab
