#include "comparisonview.h"

#include "comparison.h"
#include "runner.h"
#include "runtitle.h"
#include "sweepchart.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "walltimechart.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QStackedWidget>

#include <algorithm>

namespace mtlab {

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_timeline(new TimelineView)
    , m_charts(new QStackedWidget)
    , m_wallTimes(new WallTimeChart)
    , m_sweep(new SweepChart)
    , m_comparison(std::make_unique<Comparison>(*m_model))
{
    m_timeline->setModel(m_model);
    m_charts->addWidget(m_wallTimes);
    m_charts->addWidget(m_sweep);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(m_timeline);
    m_splitter->addWidget(m_charts);
    // The timeline is the picture; the chart is its summary.
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

ComparisonView::~ComparisonView() = default;

TimelineView *ComparisonView::timeline() const noexcept
{
    return m_timeline;
}

TimelineModel *ComparisonView::model() const noexcept
{
    return m_model;
}

void ComparisonView::clear()
{
    m_comparison->clear();
    updateCharts();
}

void ComparisonView::addRun(const RunResult &run)
{
    m_comparison->addRun(run, Comparison::Mode::Strategies);
    updateCharts();
}

void ComparisonView::addSweepRun(const RunResult &run)
{
    m_comparison->addRun(run, Comparison::Mode::Sweep);
    updateCharts();
}

void ComparisonView::showRuns(const std::vector<RunList::Shown> &runs)
{
    const bool sweep = !runs.empty() && std::all_of(runs.begin(), runs.end(), [&](const RunList::Shown &r) {
        return r.sweep && r.batch == runs.front().batch;
    });
    const bool hasSync = std::any_of(runs.begin(), runs.end(), [](const RunList::Shown &r) {
        return r.run->experiment.strategy == StrategyKind::Sync;
    });
    // Without a sync run the first is the baseline; a run alone is compared with nothing.
    m_comparison->clear(!hasSync && runs.size() > 1);
    const Comparison::Mode mode = sweep ? Comparison::Mode::Sweep : Comparison::Mode::Strategies;
    for (const RunList::Shown &shown : runs) {
        const bool renamed = shown.name != runTitle(shown.run->experiment);
        m_comparison->addRun(*shown.run, mode, renamed ? shown.name : QString(), shown.spread, shown.repeats);
    }
    updateCharts();
}

void ComparisonView::updateCharts()
{
    const bool sweep = m_comparison->mode() == Comparison::Mode::Sweep;
    if (sweep)
        m_sweep->setEntries(m_comparison->entries());
    else
        m_wallTimes->setEntries(m_comparison->entries());
    m_charts->setCurrentWidget(sweep ? static_cast<QWidget *>(m_sweep) : m_wallTimes);
    // The shared axis spans the longest run so far.
    m_timeline->fitToWindow();
}

} // namespace mtlab
