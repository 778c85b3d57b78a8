#include "stepcounter.h"

#include <algorithm>

namespace mtlab {

void StepCounter::clear()
{
    m_edges.clear();
    m_pending.clear();
    m_steps.clear();
    m_integral.clear();
    m_max = 0;
}

void StepCounter::add(std::int64_t begin, std::int64_t end)
{
    if (end <= begin)
        return; // open for no time: never counted
    m_pending.emplace_back(begin, 1);
    m_pending.emplace_back(end, -1);
}

void StepCounter::settle()
{
    if (m_pending.empty())
        return;
    std::sort(m_pending.begin(), m_pending.end());
    const std::int64_t from = m_pending.front().first;
    // Edges before `from` and the steps they made stay as they are.
    const auto keep = static_cast<std::ptrdiff_t>(
        std::lower_bound(m_edges.begin(), m_edges.end(), std::pair(from, -1)) - m_edges.begin());
    const auto old = static_cast<std::ptrdiff_t>(m_edges.size());
    m_edges.insert(m_edges.end(), m_pending.begin(), m_pending.end());
    m_pending.clear();
    std::inplace_merge(m_edges.begin() + keep, m_edges.begin() + old, m_edges.end());
    const auto stale = std::lower_bound(m_steps.begin(), m_steps.end(), from,
                                        [](const CountStep &s, std::int64_t t) { return s.at < t; });
    m_integral.resize(static_cast<std::size_t>(stale - m_steps.begin()));
    m_steps.erase(stale, m_steps.end());
    int count = m_steps.empty() ? 0 : m_steps.back().count;
    for (auto i = static_cast<std::size_t>(keep); i < m_edges.size(); ++i) {
        count += m_edges[i].second;
        if (i + 1 < m_edges.size() && m_edges[i + 1].first == m_edges[i].first)
            continue; // one step per instant
        if (!m_steps.empty() && m_steps.back().count == count)
            continue;
        const CountStep *last = m_steps.empty() ? nullptr : &m_steps.back();
        m_integral.push_back(last ? m_integral.back() +
                                     static_cast<double>(last->count) *
                                         static_cast<double>(m_edges[i].first - last->at)
                                  : 0.0);
        m_steps.push_back({m_edges[i].first, count});
        m_max = std::max(m_max, count);
    }
}

int StepCounter::at(std::int64_t t) const noexcept
{
    const auto step = std::upper_bound(m_steps.begin(), m_steps.end(), t,
                                       [](std::int64_t x, const CountStep &s) { return x < s.at; });
    return step == m_steps.begin() ? 0 : (step - 1)->count;
}

double StepCounter::integral(double t) const noexcept
{
    const auto step = std::upper_bound(m_steps.begin(), m_steps.end(), t, [](double x, const CountStep &s) {
        return x < static_cast<double>(s.at);
    });
    if (step == m_steps.begin())
        return 0.0;
    const auto i = static_cast<std::size_t>(step - m_steps.begin() - 1);
    return m_integral[i] + m_steps[i].count * (t - static_cast<double>(m_steps[i].at));
}

} // namespace mtlab
