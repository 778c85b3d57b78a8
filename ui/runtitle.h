#pragma once

#include "experiment.h"

#include <QString>

namespace mtlab {

// A run's label as the window shows it, in the window's language: the engine's label ("threads,
// 5 workers, interpreter lock", as traces, JSON and exports spell it) translated part by part. A
// part the window does not know is shown as the engine wrote it.
QString runTitle(const Experiment &experiment);
QString runTitle(const std::string &engineLabel);

} // namespace mtlab
