#pragma once

#include "lane.h"

#include <QString>

namespace mtlab {

// A lane's name as the window shows it, in the window's language. The engine names its lanes in
// English ("thread 3", "process 2 (pid 4711)") for traces and exports, which never change with the
// language; the window translates the names it knows and shows any other name as it is.
QString laneTitle(const Lane &lane);

} // namespace mtlab
