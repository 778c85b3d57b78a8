#pragma once

#include "experiment.h"

#include <vector>

namespace mtlab {

// "Run the article's Python": the runs of the article's own programs (resources/python/) for the
// experiment set up in the window, one per strategy it has a program for (sync, threads, async
// and processes for downloads; no asyncio one for CPU work), the same tasks and server, n the
// article's 5,000,000 when the lab's is larger (a task of the lab's 400,000,000 would take
// CPython half a minute). Empty when the article has none (the shared counter).
std::vector<Experiment> articlePythonRuns(const Experiment &experiment,
                                          const std::vector<StrategyKind> &strategies);

// Whether a Python run stands in the same comparison as a run of the lab's: the same workload,
// tasks and server, whatever n (the lab's CPU tasks are scaled up to last as long as CPython's).
bool comparesWith(const Experiment &python, const Experiment &lab);

} // namespace mtlab
