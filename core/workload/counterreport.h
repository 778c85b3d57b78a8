#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mtlab {

// How a counter run ended: what the shared counter should read, what it reads, and what the
// timeline shows about why (see CounterWorkload).
struct CounterReport {
    std::int64_t expected = 0;            // tasks × n
    std::int64_t result = 0;              // this process's counter at the end (the parent's, for processes)
    std::int64_t lost = 0;                // expected minus what was counted (in the worker processes' copies)
    std::int64_t overlaps = 0;            // read-modify-writes during which another task wrote the counter
    int maxInside = 0;                    // most tasks inside a section at once, as the timeline shows them
    std::vector<std::int64_t> perProcess; // processes: where each worker process's own copy ended
    std::string note;                     // one sentence for the reader, empty when none is needed
    std::vector<std::string> states;      // the state names of the run's spans, in State order
};

} // namespace mtlab
