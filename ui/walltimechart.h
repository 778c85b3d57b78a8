#pragma once

#include "comparison.h"

#include <QChartView>

#include <vector>

class QBarCategoryAxis;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace mtlab {

// The comparison's wall times as horizontal bars, one per run in the timeline's order (top to
// bottom), coloured per strategy and labelled with the strategy, its time and its speedup.
class WallTimeChart : public QChartView
{
    Q_OBJECT

public:
    explicit WallTimeChart(QWidget *parent = nullptr);

    void setEntries(const std::vector<Comparison::Entry> &entries);
    // One bar set per run (stacked, so each bar has its own colour; run i's bar is category
    // count - 1 - i, the categories counting bottom-up): for tests.
    QHorizontalStackedBarSeries *series() const noexcept { return m_series; }
    // The bars' labels, bottom-up: for tests.
    QStringList categories() const;

private:
    QBarCategoryAxis *m_names;
    QValueAxis *m_seconds;
    QHorizontalStackedBarSeries *m_series = nullptr;
};

} // namespace mtlab
