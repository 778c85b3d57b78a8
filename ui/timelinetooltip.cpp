#include "timelinetooltip.h"

#include "derivedrows.h"
#include "numbertext.h"
#include "lanetitle.h"
#include "timelinemodel.h"

#include <QCoreApplication>

#include <algorithm>

namespace mtlab {

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString shortName(int style)
{
    // The style's word in brackets at the end of its legend name: "(wait)" -> "wait".
    const QString &name = StatePalette::style(style).name;
    const auto open = name.lastIndexOf(QLatin1Char('('));
    return name.mid(open + 1, name.size() - open - 2);
}

// The tooltip's texts, under one translation context (lupdate reads it from the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TimelineToolTip)
};

// What a state means where the span is: waiting for the event loop is not waiting for a core.
QString meaning(const TimelineModel::Group &group, const TimelineModel::Row &row, const Span &span, int style)
{
    const bool eventLoop = std::any_of(group.rows.begin(), group.rows.end(), [](const TimelineModel::Row &r) {
        return r.lane.kind == LaneKind::EventLoop;
    });
    if (span.state == State::Ready)
        return row.lane.kind == LaneKind::AsyncTask
            ? Text::tr("ready: in the event loop's ready list, waiting for the loop's one thread to run it")
            : Text::tr("ready: runnable, waiting for a core (the operating system's run queue)");
    if (span.state == State::Queued && eventLoop)
        return Text::tr("waiting for a slot: only so many downloads may be in flight at once (a semaphore)");
    if (span.state == State::Queued)
        return Text::tr("queued, waiting for a free worker of the pool");
    return StatePalette::style(style).name.toHtmlEscaped();
}

QString spanText(const TimelineModel &model, const TimelineRenderer::Hit &hit)
{
    const TimelineModel::Group &group = model.groups()[static_cast<std::size_t>(hit.group)];
    const TimelineModel::Row &row = group.rows[static_cast<std::size_t>(hit.row)];
    const Span &span = *hit.span;
    const int style = StatePalette::styleIndex(span.state, span.phase);
    const QString lane = laneTitle(row.lane).toHtmlEscaped();
    const auto at = [&](std::int64_t t) { return durationText(static_cast<double>(t - group.origin)); };

    QString text = span.task >= 0 ? Text::tr("<b>task %1</b> on %2").arg(span.task).arg(lane)
                                  : QStringLiteral("<b>%1</b>").arg(lane);
    if (span.label >= 0 && static_cast<std::size_t>(span.label) < group.labels.size()) {
        // An imported trace's own name: what its tool called this span.
        const QString name = QString::fromStdString(group.labels[static_cast<std::size_t>(span.label)]);
        return text + QStringLiteral("<br><b>%1</b>").arg(name.toHtmlEscaped()) +
            Text::tr("<br>%1, from %2 to %3")
                .arg(durationText(static_cast<double>(span.duration())), at(span.begin), at(span.end));
    }
    QString state = fromView(stateName(span.state));
    if (span.phase != IoPhase::None)
        state += QStringLiteral(", ") + fromView(ioPhaseName(span.phase));
    text += Text::tr("<br>state: <b>%1</b> — %2").arg(state, meaning(group, row, span, style));
    const QString duration = durationText(static_cast<double>(span.duration()));
    text += Text::tr("<br>%1, from %2 to %3").arg(duration, at(span.begin), at(span.end));
    const auto detail = static_cast<std::size_t>(span.detail);
    if (span.detail >= 0 && detail < group.details.size())
        text += Text::tr("<br><span style='color:#A03000'>error: %1</span>")
                    .arg(QString::fromStdString(group.details[detail]).toHtmlEscaped());
    if (span.task < 0) {
        if (row.lane.kind == LaneKind::EventLoop && span.state == State::Cpu)
            text += Text::tr("<br>the loop's own work for all the downloads in flight: libcurl "
                             "connecting, sending, reading and closing");
        return text;
    }
    const TimelineModel::Breakdown breakdown = model.taskBreakdown(hit.group, span.task);
    text += (Text::tr("<br><br>task %1 spent:") + QStringLiteral("<table cellspacing='0' cellpadding='1'>"))
                .arg(span.task);
    for (int s = 0; s < StatePalette::StyleCount; ++s) {
        const std::int64_t ns = breakdown[static_cast<std::size_t>(s)];
        if (ns <= 0 && !(s == StatePalette::styleIndex(State::Failed) && span.state == State::Failed))
            continue;
        text += QStringLiteral("<tr><td><span style='color:%1'>\u25a0</span> %2&nbsp;&nbsp;</td>"
                               "<td align='right'>%3</td></tr>")
                    .arg(StatePalette::style(s).fill.name(), shortName(s),
                         durationText(static_cast<double>(ns)));
    }
    return text + QStringLiteral("</table>");
}

QString holderText(const TimelineModel::Group &group, const TimelineRenderer::Hit &hit)
{
    const Span &span = *hit.span;
    QString thread = Text::tr("lane %1").arg(span.lane + 1);
    for (const TimelineModel::Row &row : group.rows)
        if (row.kind == TimelineModel::RowKind::Lane && row.lane.id == span.lane)
            thread = laneTitle(row.lane);
    const auto at = [&](std::int64_t t) { return durationText(static_cast<double>(t - group.origin)); };
    return Text::tr("<b>%1</b> holds the interpreter lock<br>%2, from %3 to %4<br>"
                    "the other threads wait for it (lock-wait)")
        .arg(thread.toHtmlEscaped(), durationText(static_cast<double>(span.duration())), at(span.begin),
             at(span.end));
}

QString coresText(const TimelineModel::Group &group, const TimelineModel::Row &row,
                  const TimelineRenderer::Hit &hit)
{
    // The mean over the run: the area under the steps over the run's length.
    const auto &steps = row.busy.steps();
    double area = 0;
    for (std::size_t i = 0; i + 1 < steps.size(); ++i)
        area += static_cast<double>(steps[i].count) * static_cast<double>(steps[i + 1].at - steps[i].at);
    const auto length = static_cast<double>(std::max<std::int64_t>(group.end - group.origin, 1));
    return Text::tr("<b>cores</b><br>%1 %2 computing at %3, on a machine with %4 %5<br>"
                    "on average %6 cores busy over the run")
        .arg(hit.busy)
        .arg(hit.busy == 1 ? Text::tr("lane") : Text::tr("lanes"))
        .arg(durationText(hit.ns))
        .arg(group.cores)
        .arg(group.cores == 1 ? Text::tr("core") : Text::tr("cores"))
        .arg(area / length, 0, 'f', 2);
}

QString idealText(const TimelineModel::Group &group)
{
    QString text = Text::tr("<b>ideal %1</b>: the time the theory predicts")
                       .arg(durationText(static_cast<double>(group.idealNs)));
    if (!group.idealFormula.isEmpty())
        text += QStringLiteral("<br>") + group.idealFormula.toHtmlEscaped();
    return text;
}

} // namespace

QString TimelineToolTip::text(const TimelineModel &model, const TimelineRenderer::Hit &hit)
{
    if (hit.group < 0 || static_cast<std::size_t>(hit.group) >= model.groups().size())
        return {};
    const TimelineModel::Group &group = model.groups()[static_cast<std::size_t>(hit.group)];
    if (hit.row < 0 && hit.ideal)
        return idealText(group);
    if (hit.row < 0)
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(group.title.toHtmlEscaped(), group.subtitle.toHtmlEscaped());
    const TimelineModel::Row &row = group.rows[static_cast<std::size_t>(hit.row)];
    if (hit.span && row.kind == TimelineModel::RowKind::LockHolder)
        return holderText(group, hit);
    if (hit.span)
        return spanText(model, hit);
    if (hit.busy >= 0)
        return coresText(group, row, hit);
    if (hit.queueDepth >= 0)
        return Text::tr("<b>queue</b><br>%1 %2 waiting for a worker at %3")
            .arg(hit.queueDepth)
            .arg(hit.queueDepth == 1 ? Text::tr("task") : Text::tr("tasks"))
            .arg(durationText(hit.ns));
    return {};
}

QString TimelineToolTip::help()
{
    return Text::tr("<b>Timeline</b><br>"
                    "wheel: zoom around the pointer<br>"
                    "drag: pan (left/right) and scroll the rows (up/down)<br>"
                    "Shift+drag: measure a time range<br>"
                    "Ctrl+wheel or the scroll bar: scroll the rows<br>"
                    "+ / −: zoom, F: fit to window, Esc: clear the measurement<br>"
                    "hover a bar: its task, state and where its time went");
}

} // namespace mtlab
