#pragma once

#include "runreport.h"

namespace mtlab {

// The words of `multitask-lab run`'s table in the language installed (Language::install): the
// headings, each run's title as the window shows it (runTitle), the workload line above them and
// the CPU table's sum and note. The counter's, the hog's and the failures' lines stay in English.
// Only for people; what scripts read (--json, traces, CSV) never changes with the language.
ReportText reportText();

} // namespace mtlab
