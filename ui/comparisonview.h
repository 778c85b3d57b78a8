#pragma once

#include "runlist.h"

#include <QWidget>

#include <memory>
#include <vector>

class QSplitter;
class QStackedWidget;

namespace mtlab {

class Comparison;
class SweepChart;
class TimelineModel;
class TimelineView;
class WallTimeChart;
struct RunResult;

// All strategies of one workload stacked on one shared time axis (each run rebased to 0), each
// labelled with wall time and speedup over sync with its ideal time marked, like the article's
// sequence of diagrams; beside it a bar chart of wall times. In sweep mode (one strategy run for
// workers = 1..K) a line chart of speedup against workers, with the ideal line.
class ComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;

    void clear();
    // A finished run joins the comparison (the runs of an `all` arrive one by one).
    void addRun(const RunResult &run);
    // A finished run of a sweep: its workers count is the x of the speedup chart.
    void addSweepRun(const RunResult &run);
    // Exactly these runs, in this order (the run list's checked rows): the runs of one sweep as
    // a sweep, anything else on one time axis.
    void showRuns(const std::vector<RunList::Shown> &runs);

    TimelineView *timeline() const noexcept;
    // For exports and the view; its groups are the comparison's, filled only through addRun().
    TimelineModel *model() const noexcept;
    const Comparison &comparison() const noexcept { return *m_comparison; }
    WallTimeChart *wallTimeChart() const noexcept { return m_wallTimes; }
    SweepChart *sweepChart() const noexcept { return m_sweep; }
    // Timeline on the left, the chart on the right.
    QSplitter *splitter() const noexcept { return m_splitter; }

private:
    void updateCharts();

    TimelineModel *m_model = nullptr;
    TimelineView *m_timeline = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_charts = nullptr;
    WallTimeChart *m_wallTimes = nullptr;
    SweepChart *m_sweep = nullptr;
    std::unique_ptr<Comparison> m_comparison;
};

} // namespace mtlab
