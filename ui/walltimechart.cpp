#include "walltimechart.h"

#include "numbertext.h"
#include "chartstyle.h"
#include "strategycolor.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

namespace mtlab {

WallTimeChart::WallTimeChart(QWidget *parent)
    : QChartView(parent)
    , m_names(new QBarCategoryAxis)
    , m_seconds(new QValueAxis)
{
    styleChart(*this, tr("Wall time"));
    QChart *c = chart();
    c->legend()->hide();
    m_names->setGridLineVisible(false);
    m_names->setLabelsFont(largerLabels(*m_names));
    m_seconds->setLabelsFont(largerLabels(*m_seconds));
    m_seconds->setLabelFormat(QStringLiteral("%.3g"));
    m_seconds->setTitleText(tr("seconds"));
    c->addAxis(m_names, Qt::AlignLeft);
    c->addAxis(m_seconds, Qt::AlignBottom);
    setEntries({});
}

void WallTimeChart::setEntries(const std::vector<Comparison::Entry> &entries)
{
    // The axes stay; the series is made anew, it is a handful of bars.
    chart()->removeAllSeries();
    m_series = new QHorizontalStackedBarSeries;
    m_series->setBarWidth(0.7);
    QStringList categories;
    double longest = 0.0;
    const std::size_t count = entries.size();
    for (std::size_t i = 0; i < count; ++i) {
        const Comparison::Entry &entry = entries[i];
        const double seconds = static_cast<double>(entry.wallNs) / 1e9;
        longest = std::max(longest, seconds);
        // A category per run; each set is zero except at its own run, so each bar gets its colour.
        // Categories go bottom-up, so run i is category count - 1 - i: the first run on top.
        auto *set = new QBarSet(entry.label);
        for (std::size_t j = 0; j < count; ++j)
            *set << (j == count - 1 - i ? seconds : 0.0);
        set->setColor(strategyColor(entry.strategy));
        set->setBorderColor(strategyColor(entry.strategy).darker(130));
        m_series->append(set);
        const std::string_view name = strategyName(entry.strategy);
        QString title = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
        // A comparison of CPU work runs the thread pool with and without the lock: tell them apart.
        if (entry.interpreterLock && entry.strategy == StrategyKind::Threads)
            title += tr(" + lock");
        if (entry.named)
            title = entry.label.toHtmlEscaped();
        QString category =
            QStringLiteral("<b>%1</b><br>%2").arg(title, durationText(static_cast<double>(entry.wallNs)));
        // The spread is in the timeline's subtitle; a bar's label has room for the count only.
        if (entry.repeats > 1)
            category += QStringLiteral("<br>") + tr("median of %1").arg(entry.repeats);
        if (entry.speedup > 0.0 && !entry.baseline)
            category += QStringLiteral("<br>") + speedupText(entry.speedup);
        categories.prepend(category);
    }
    chart()->addSeries(m_series);
    m_names->setCategories(categories);
    setNiceRange(*m_seconds, longest);
    m_series->attachAxis(m_names);
    m_series->attachAxis(m_seconds);
}

QStringList WallTimeChart::categories() const
{
    return m_names->categories();
}

} // namespace mtlab
