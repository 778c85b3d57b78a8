#include "statepanel.h"

#include "lanetitle.h"
#include "runner.h"
#include "statepalette.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <map>

namespace mtlab {

namespace {

constexpr double Margin = 10;
constexpr double ChipGap = 4;
constexpr double ChipPad = 6;
constexpr int MaxChips = 100; // per list; the rest are counted in a "+N more" chip
constexpr double WorkerNameWidth = 96;

int waitStyle(WaitFor what)
{
    switch (what) {
    case WaitFor::Dns:
        return StatePalette::styleIndex(State::IoWait, IoPhase::Dns);
    case WaitFor::Connect:
        return StatePalette::styleIndex(State::IoWait, IoPhase::Connect);
    case WaitFor::Tls:
        return StatePalette::styleIndex(State::IoWait, IoPhase::Tls);
    case WaitFor::Server:
        return StatePalette::styleIndex(State::IoWait, IoPhase::Wait);
    case WaitFor::Transfer:
        return StatePalette::styleIndex(State::IoWait, IoPhase::Transfer);
    case WaitFor::Timer:
        return StatePalette::styleIndex(State::IoWait);
    case WaitFor::Semaphore:
        return StatePalette::styleIndex(State::Queued);
    case WaitFor::Lock:
        return StatePalette::styleIndex(State::LockWait);
    }
    return 0;
}

// What a task waits for, as the article says it.
QString waitText(WaitFor what)
{
    switch (what) {
    case WaitFor::Dns:
        return StatePanel::tr("the name lookup");
    case WaitFor::Connect:
        return StatePanel::tr("connect");
    case WaitFor::Tls:
        return StatePanel::tr("the TLS handshake");
    case WaitFor::Server:
        return StatePanel::tr("the server");
    case WaitFor::Transfer:
        return StatePanel::tr("the transfer");
    case WaitFor::Timer:
        return StatePanel::tr("a timer");
    case WaitFor::Semaphore:
        return StatePanel::tr("a semaphore");
    case WaitFor::Lock:
        return StatePanel::tr("a lock");
    }
    return {};
}

QString stateText(const WorkerState &w)
{
    switch (w.state) {
    case State::Cpu:
        return StatePanel::tr("computing");
    case State::Race:
        return StatePanel::tr("computing, in a race");
    case State::Ready:
        return StatePanel::tr("ready, no core");
    case State::IoWait:
        return StatePanel::tr("waits for %1").arg(waitText(waitForPhase(w.phase)));
    case State::LockWait:
        return StatePanel::tr("waits for the lock");
    case State::Spawn:
        return StatePanel::tr("starting");
    case State::Ipc:
        return StatePanel::tr("sending data");
    case State::Queued:
    case State::Idle:
    case State::Failed:
        break;
    }
    return StatePanel::tr("idle");
}

bool darkFill(const QColor &c)
{
    return c.lightnessF() < 0.5;
}

} // namespace

// Lays headings, lines and chips out top to bottom, chips flowing left to right.
class StatePanel::Flow
{
public:
    Flow(StatePanel &panel, double width)
        : m_panel(panel)
        , m_font(panel.font())
        , m_width(width)
    {
    }

    void heading(const QString &text, const QString &note = {}, bool sub = false)
    {
        newLine();
        m_y += sub ? 2 : (m_y > Margin ? 10 : 0);
        const double x = Margin + (sub ? 8 : 0);
        // The note goes beside the heading when it fits there, else on a line of its own below.
        const double noteX = x + m_font.horizontalAdvance(text) * 1.2 + 8;
        const bool beside = noteX + m_font.horizontalAdvance(note) * 0.9 < m_width - Margin;
        m_panel.m_headings.push_back(Heading{text, note, QPointF(x, m_y), sub, beside});
        m_y += m_font.height() * (sub ? 1.1 : 1.4);
        if (!note.isEmpty() && !beside)
            m_y += m_font.height();
    }
    void line(const QString &text, double indent = 0)
    {
        newLine();
        const QRectF box(Margin + indent, m_y, m_width - 2 * Margin - indent, 1e6);
        const double height = m_font.boundingRect(box, Qt::TextWordWrap, text).height();
        m_panel.m_lines.push_back(Line{QRectF(box.topLeft(), QSizeF(box.width(), height)), text});
        m_y += height + m_font.height() * 0.3;
    }
    // A worker's row: its name, then its chip on the same line.
    void label(const QString &text)
    {
        newLine();
        m_panel.m_lines.push_back(
            Line{QRectF(Margin, m_y + ChipPad / 2, WorkerNameWidth - ChipGap, m_font.height()), text});
        m_x = Margin + WorkerNameWidth;
    }
    void chip(Section section, std::int32_t task, const QString &text, int style)
    {
        const QSizeF size(m_font.horizontalAdvance(text) + 2 * ChipPad, m_font.height() + ChipPad);
        if (m_x > m_start && m_x + size.width() > m_width - Margin)
            wrap();
        m_panel.m_chips.push_back(Chip{section, task, text, style, QRectF(QPointF(m_x, m_y), size)});
        m_x += size.width() + ChipGap;
        m_open = true;
    }
    // Chips for a list of tasks, the ones beyond MaxChips counted in one more chip.
    void tasks(Section section, const std::vector<std::int32_t> &tasks, int style, double indent = 0)
    {
        if (!m_open) // after chips of other work on this line, the tasks follow them
            m_start = m_x = Margin + indent;
        for (std::size_t i = 0; i < tasks.size() && i < MaxChips; ++i)
            chip(section, tasks[i], QString::number(tasks[i]), style);
        if (tasks.size() > MaxChips)
            chip(section, -1, StatePanel::tr("+%1 more").arg(tasks.size() - MaxChips), style);
        newLine();
    }
    double bottom() const { return m_y; }

private:
    void wrap()
    {
        m_y += m_font.height() + ChipPad + ChipGap;
        m_x = m_start;
    }
    void newLine()
    {
        if (m_open)
            m_y += m_font.height() + ChipPad + ChipGap;
        m_open = false;
        m_x = m_start = Margin;
    }

    StatePanel &m_panel;
    QFontMetricsF m_font;
    double m_width;
    double m_x = Margin, m_y = Margin, m_start = Margin;
    bool m_open = false; // chips on the current line
};

StatePanel::StatePanel(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("What every task is doing at the playhead. Click a task to follow it."));
}

void StatePanel::setRun(const RunResult *run)
{
    m_hasRun = run != nullptr;
    m_laneNames.clear();
    m_followed = -1;
    if (run) {
        m_strategy = run->experiment.strategy;
        m_tasks = run->experiment.tasks;
        for (const Lane &lane : run->trace.lanes())
            m_laneNames.push_back(laneTitle(lane));
    }
    m_snapshot = Snapshot{};
    relayout();
}

void StatePanel::setSnapshot(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    relayout();
}

QStringList StatePanel::headings() const
{
    QStringList out;
    for (const Heading &h : m_headings)
        out << h.text;
    return out;
}

std::vector<std::int32_t> StatePanel::tasksIn(Section section) const
{
    std::vector<std::int32_t> out;
    for (const Chip &c : m_chips)
        if (c.section == section && c.task >= 0)
            out.push_back(c.task);
    return out;
}

QSize StatePanel::sizeHint() const
{
    return {380, 600};
}

QSize StatePanel::minimumSizeHint() const
{
    return {260, 200};
}

QString StatePanel::workerName(std::int32_t lane) const
{
    const auto i = static_cast<std::size_t>(lane);
    return i < m_laneNames.size() ? m_laneNames[i] : QString::number(lane);
}

void StatePanel::relayout()
{
    m_headings.clear();
    m_chips.clear();
    m_lines.clear();
    if (m_hasRun) {
        Flow flow(*this, width());
        flow.line(tr("Done: %1 of %2 tasks").arg(m_snapshot.done).arg(m_tasks));
        if (m_strategy == StrategyKind::Async)
            layoutEventLoop(flow);
        else
            layoutPool(flow);
        if (m_snapshot.interpreterLock)
            layoutLock(flow);
    }
    update();
}

void StatePanel::layoutEventLoop(Flow &flow)
{
    const Snapshot &s = m_snapshot;
    flow.heading(tr("Running on the loop"), tr("one task at a time"));
    const WorkerState loop = s.workers.empty() ? WorkerState{} : s.workers.front();
    if (!s.running.empty()) {
        flow.tasks(Section::Running, s.running, StatePalette::styleIndex(State::Cpu));
    } else if (!s.otherRunning.empty()) {
        for (const std::int32_t lane : s.otherRunning)
            flow.chip(Section::Running, -1, workerName(lane), StatePalette::styleIndex(State::Cpu));
    } else if (loop.busy && loop.task >= 0) {
        // A blocking call inside a task (--blocking): the loop's one thread waits in it.
        flow.chip(Section::Running, loop.task, tr("task %1 · blocks the loop").arg(loop.task),
                  StatePalette::styleIndex(loop.state, loop.phase));
        flow.line(stateText(loop));
    } else if (loop.busy) {
        flow.line(tr("its own work inside libcurl"));
    } else {
        flow.line(tr("nothing: the loop sleeps until I/O is ready"));
    }

    const std::size_t ready = s.ready.size() + s.otherReady.size();
    flow.heading(tr("Ready (%1)").arg(ready), tr("can run, waiting for the loop"));
    if (ready == 0)
        flow.line(tr("empty"));
    for (const std::int32_t lane : s.otherReady)
        flow.chip(Section::Ready, -1, workerName(lane), StatePalette::styleIndex(State::Ready));
    if (!s.ready.empty())
        flow.tasks(Section::Ready, s.ready, StatePalette::styleIndex(State::Ready));

    flow.heading(tr("Waiting (%1)").arg(s.waiting.size()), tr("for I/O, a timer or a semaphore"));
    if (s.waiting.empty())
        flow.line(tr("empty"));
    std::map<WaitFor, std::vector<std::int32_t>> byWhat;
    for (const WaitingTask &w : s.waiting)
        byWhat[w.what].push_back(w.task);
    for (const auto &[what, tasks] : byWhat) {
        flow.heading(tr("for %1 (%2)").arg(waitText(what)).arg(tasks.size()), {}, true);
        flow.tasks(Section::Waiting, tasks, waitStyle(what), 8);
    }
}

void StatePanel::layoutPool(Flow &flow)
{
    const Snapshot &s = m_snapshot;
    flow.heading(tr("Workers"), tr("what each one does"));
    for (const WorkerState &w : s.workers) {
        flow.label(workerName(w.lane));
        const QString state = stateText(w);
        if (w.busy && w.task >= 0)
            flow.chip(Section::Workers, w.task, tr("task %1 · %2").arg(w.task).arg(state),
                      StatePalette::styleIndex(w.state, w.phase));
        else
            flow.chip(Section::Workers, -1, state,
                      StatePalette::styleIndex(w.busy ? w.state : State::Idle, w.phase));
    }
    flow.heading(tr("On a core (%1)").arg(s.running.size()), tr("computing"));
    if (s.running.empty())
        flow.line(tr("none"));
    else
        flow.tasks(Section::Running, s.running, StatePalette::styleIndex(State::Cpu));
    if (!s.ready.empty()) {
        flow.heading(tr("Ready (%1)").arg(s.ready.size()), tr("can run, waiting for a core"));
        flow.tasks(Section::Ready, s.ready, StatePalette::styleIndex(State::Ready));
    }
    flow.heading(tr("Queue (%1)").arg(s.queued.size()), tr("waiting for a free worker"));
    if (s.queued.empty())
        flow.line(tr("empty"));
    else
        flow.tasks(Section::Queued, s.queued, StatePalette::styleIndex(State::Queued));
}

void StatePanel::layoutLock(Flow &flow)
{
    const Snapshot &s = m_snapshot;
    flow.heading(tr("Interpreter lock"), tr("one thread runs Python at a time"));
    flow.label(tr("held by"));
    if (s.lockHolder >= 0)
        flow.chip(Section::Lock, s.lockHolder, tr("task %1").arg(s.lockHolder),
                  StatePalette::styleIndex(State::Cpu));
    else
        flow.chip(Section::Lock, -1, tr("nobody"), StatePalette::styleIndex(State::Idle));
    flow.heading(tr("waiting for it (%1)").arg(s.lockWaiters.size()), {}, true);
    if (s.lockWaiters.empty())
        flow.line(tr("nobody"), 8);
    else
        flow.tasks(Section::Lock, s.lockWaiters, StatePalette::styleIndex(State::LockWait), 8);
}

void StatePanel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF metrics(font());
    if (!m_hasRun) {
        painter.setPen(QColor(0x45, 0x4B, 0x55));
        painter.drawText(
            rect().adjusted(int(Margin), 0, -int(Margin), 0), Qt::AlignCenter | Qt::TextWordWrap,
            tr("When a run has finished, replay it here: what each task is doing at the playhead."));
        return;
    }
    QFont bold = font();
    bold.setBold(true);
    QFont big = bold;
    big.setPointSizeF(font().pointSizeF() * 1.15);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    for (const Heading &h : m_headings) {
        painter.setFont(h.sub ? bold : big);
        painter.setPen(QColor(0x20, 0x24, 0x2A));
        const QPointF base(h.at.x(), h.at.y() + QFontMetricsF(painter.font()).ascent());
        painter.drawText(base, h.text);
        if (!h.note.isEmpty()) {
            const QPointF at = h.noteBeside
                ? QPointF(base.x() + QFontMetricsF(painter.font()).horizontalAdvance(h.text) + 8, base.y())
                : QPointF(h.at.x(), base.y() + metrics.height() * 1.1);
            painter.setFont(small);
            painter.setPen(QColor(0x5A, 0x60, 0x6A));
            painter.drawText(at, h.note);
        }
    }
    painter.setFont(font());
    painter.setPen(QColor(0x20, 0x24, 0x2A));
    for (const Line &line : m_lines)
        painter.drawText(line.box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, line.text);
    for (const Chip &c : m_chips) {
        const StatePalette::Style &style = StatePalette::style(c.style);
        const bool followed = c.task >= 0 && c.task == m_followed;
        painter.setPen(QPen(followed ? QColor(0x10, 0x10, 0x10) : style.hatchColor, followed ? 3 : 1));
        painter.setBrush(style.fill);
        painter.drawRoundedRect(c.rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.setPen(darkFill(style.fill) ? Qt::white : QColor(0x10, 0x10, 0x10));
        painter.drawText(c.rect, Qt::AlignCenter, c.text);
    }
}

void StatePanel::resizeEvent(QResizeEvent *)
{
    relayout();
}

void StatePanel::mousePressEvent(QMouseEvent *event)
{
    std::int32_t task = -1;
    for (const Chip &c : m_chips)
        if (c.task >= 0 && c.rect.contains(event->position()))
            task = c.task;
    // Clicking the followed task again, or beside every chip, stops following.
    m_followed = task == m_followed ? -1 : task;
    emit taskFollowed(m_followed);
    update();
}

} // namespace mtlab
