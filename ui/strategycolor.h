#pragma once

#include "experiment.h"

#include <QColor>

namespace mtlab {

// One colour per strategy for the charts, from the Tableau 10 set: apart from each other and
// from the state colours of the timeline, so a bar is never mistaken for a kind of span.
inline QColor strategyColor(StrategyKind strategy)
{
    switch (strategy) {
    case StrategyKind::Sync:
        return QColor(0x79, 0x70, 0x6e);
    case StrategyKind::Threads:
        return QColor(0x4e, 0x79, 0xa7);
    case StrategyKind::Async:
        return QColor(0x59, 0xa1, 0x4f);
    case StrategyKind::Processes:
        return QColor(0xb0, 0x7a, 0xa1);
    }
    return Qt::gray;
}

} // namespace mtlab
