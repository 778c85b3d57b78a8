#pragma once

#include "comparison.h"

#include <QChartView>

#include <vector>

class QLineSeries;
class QValueAxis;

namespace mtlab {

// A sweep's speedup over the 1-worker run against the number of workers, beside the ideal line:
// speedup = W for I/O; for CPU W up to the core count, then flat (more workers than cores only
// take turns), and flat at 1 for threads under the interpreter lock (they compute one at a time).
class SweepChart : public QChartView
{
    Q_OBJECT

public:
    explicit SweepChart(QWidget *parent = nullptr);

    void setEntries(const std::vector<Comparison::Entry> &entries);
    QLineSeries *measured() const noexcept { return m_measured; }
    QLineSeries *ideal() const noexcept { return m_ideal; }

    static double idealSpeedup(const Comparison::Entry &entry, int workers, int cores);

private:
    QLineSeries *m_measured;
    QLineSeries *m_ideal;
    QValueAxis *m_workers;
    QValueAxis *m_speedup;
};

} // namespace mtlab
