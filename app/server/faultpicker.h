#pragma once

#include "serveroptions.h"

#include <cstdint>
#include <random>

namespace mtlab {

enum class Fault { None, Status500, Reset, Stall };

// Decides, request by request in arrival order, which requests fail and how.
class FaultPicker
{
public:
    FaultPicker(double rate, FaultMode mode, std::uint64_t seed);

    Fault next();

private:
    double m_rate;
    FaultMode m_mode;
    std::mt19937_64 m_random;
};

} // namespace mtlab
