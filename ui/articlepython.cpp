#include "articlepython.h"

#include "pythonprograms.h"
#include "pythonrunner.h"

#include <algorithm>

namespace mtlab {

std::vector<Experiment> articlePythonRuns(const Experiment &experiment,
                                          const std::vector<StrategyKind> &strategies)
{
    std::vector<Experiment> runs;
    for (const StrategyKind strategy : strategies) {
        if (articleProgram(experiment.workload, strategy).empty())
            continue;
        Experiment run = experiment;
        run.strategy = strategy;
        run.n = std::min(experiment.n, ArticleN);
        runs.push_back(pythonExperiment(run));
    }
    return runs;
}

bool comparesWith(const Experiment &python, const Experiment &lab)
{
    return python.python && python.workload == lab.workload && python.tasks == lab.tasks &&
        python.io.url == lab.io.url && python.io.delayMs == lab.io.delayMs &&
        python.io.sizeKb == lab.io.sizeKb;
}

} // namespace mtlab
