#include "sweepchart.h"

#include "chartstyle.h"
#include "strategycolor.h"

#include <QLineSeries>
#include <QThread>
#include <QValueAxis>

#include <algorithm>

namespace mtlab {

SweepChart::SweepChart(QWidget *parent)
    : QChartView(parent)
    , m_measured(new QLineSeries)
    , m_ideal(new QLineSeries)
    , m_workers(new QValueAxis)
    , m_speedup(new QValueAxis)
{
    styleChart(*this, tr("Speedup against workers"));
    QChart *c = chart();
    c->legend()->setAlignment(Qt::AlignBottom);
    const QFont labels = largerLabels(*m_workers);
    m_measured->setName(tr("measured"));
    m_measured->setPointsVisible(true);
    m_measured->setMarkerSize(7);
    m_ideal->setName(tr("ideal"));
    m_ideal->setPen(QPen(Qt::darkGray, 2, Qt::DashLine));
    m_workers->setLabelFormat(QStringLiteral("%d"));
    m_workers->setTitleText(tr("workers"));
    // Whole numbers only: a tick every worker, or every few workers in a long sweep.
    m_workers->setTickType(QValueAxis::TicksDynamic);
    m_workers->setTickAnchor(0);
    m_speedup->setLabelFormat(QStringLiteral("%.3g"));
    m_speedup->setTitleText(tr("speedup over 1 worker (×)"));
    for (QValueAxis *axis : {m_workers, m_speedup})
        axis->setLabelsFont(labels);
    c->legend()->setFont(labels);
    c->addSeries(m_ideal);
    c->addSeries(m_measured);
    c->addAxis(m_workers, Qt::AlignBottom);
    c->addAxis(m_speedup, Qt::AlignLeft);
    for (QLineSeries *series : {m_ideal, m_measured}) {
        series->attachAxis(m_workers);
        series->attachAxis(m_speedup);
    }
    setEntries({});
}

double SweepChart::idealSpeedup(const Comparison::Entry &entry, int workers, int cores)
{
    if (entry.workload == WorkloadKind::Io)
        return workers;
    if (entry.interpreterLock || entry.strategy == StrategyKind::Async)
        return 1.0;
    return std::min(workers, std::max(cores, 1));
}

void SweepChart::setEntries(const std::vector<Comparison::Entry> &entries)
{
    std::vector<const Comparison::Entry *> sorted;
    for (const Comparison::Entry &entry : entries)
        if (entry.speedup > 0.0)
            sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->workers < b->workers; });
    QList<QPointF> measured;
    int most = 1;
    double highest = 1.0;
    for (const Comparison::Entry *entry : sorted) {
        measured.append(QPointF(entry->workers, entry->speedup));
        most = std::max(most, entry->workers);
        highest = std::max(highest, entry->speedup);
    }
    QList<QPointF> ideal;
    if (!entries.empty()) {
        const int cores = QThread::idealThreadCount();
        for (int w = 1; w <= most; ++w) {
            ideal.append(QPointF(w, idealSpeedup(entries.front(), w, cores)));
            highest = std::max(highest, ideal.back().y());
        }
    }
    m_measured->replace(measured);
    m_ideal->replace(ideal);
    const QColor colour = entries.empty() ? QColor(Qt::darkGray) : strategyColor(entries.front().strategy);
    m_measured->setPen(QPen(colour, 3));
    m_measured->setBrush(colour);
    m_workers->setRange(1, std::max(most, 2));
    m_workers->setTickInterval(std::max(1, (most + 9) / 10));
    setNiceRange(*m_speedup, highest);
}

} // namespace mtlab
