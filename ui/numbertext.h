#pragma once

#include "numberformat.h"

#include <QString>

namespace mtlab {

// The engine's number formats (core/export/numberformat.h) as Qt strings, for widgets and pictures.
inline QString durationText(double ns)
{
    return QString::fromStdString(formatDuration(ns));
}
inline QString tickText(double ns, double stepNs)
{
    return QString::fromStdString(formatTick(ns, stepNs));
}
inline QString speedupText(double speedup)
{
    return QString::fromStdString(formatSpeedup(speedup));
}

} // namespace mtlab
