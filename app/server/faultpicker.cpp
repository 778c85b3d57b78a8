#include "faultpicker.h"

namespace mtlab {

FaultPicker::FaultPicker(double rate, FaultMode mode, std::uint64_t seed)
    : m_rate(rate)
    , m_mode(mode)
    , m_random(seed)
{
}

Fault FaultPicker::next()
{
    // Mapped by hand rather than with <random> distributions, whose output differs between
    // standard libraries: a seed must give the same faults everywhere.
    const double draw = static_cast<double>(m_random() >> 11) * 0x1.0p-53;
    if (m_rate == 0.0 || draw >= m_rate)
        return Fault::None;
    switch (m_mode) {
    case FaultMode::Status500:
        return Fault::Status500;
    case FaultMode::Reset:
        return Fault::Reset;
    case FaultMode::Stall:
        return Fault::Stall;
    case FaultMode::Mixed:
        break;
    }
    constexpr Fault kinds[] = {Fault::Status500, Fault::Reset, Fault::Stall};
    return kinds[m_random() % 3];
}

} // namespace mtlab
