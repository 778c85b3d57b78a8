#pragma once

#include <memory>

namespace mtlab {

struct Experiment;
class Workload;

// The experiment's workload: the CPU sums or the downloads.
std::unique_ptr<Workload> makeWorkload(const Experiment &experiment);

} // namespace mtlab
