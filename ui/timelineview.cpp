#include "timelineview.h"

#include "timelinemodel.h"
#include "timelinetooltip.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mtlab {

namespace {

constexpr int RepaintMs = 33;     // at most ~30 frames a second while a run streams in
constexpr double WheelStep = 1.2; // zoom per wheel notch
constexpr double KeyZoom = 1.5;
constexpr double LiveMinimumNs = 1e8; // a live run's axis starts at 100 ms rather than jittering at µs

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 160);
    setCursor(Qt::OpenHandCursor);
    setWhatsThis(TimelineToolTip::help());
    // On screen the async sub-lanes squeeze to stay in view, but never below a readable bar.
    m_options.fitHeight = true;
    m_options.minSubRowHeight = 6;
    m_repaint.setSingleShot(true);
    m_repaint.setInterval(RepaintMs);
    connect(&m_repaint, &QTimer::timeout, this, &TimelineView::refresh);
    m_scrollBar->hide();
    connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        m_options.scrollY = value;
        redraw();
    });
}

void TimelineView::setModel(TimelineModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_renderer.reset();
    if (m_model) {
        m_renderer.emplace(*m_model);
        connect(m_model, &TimelineModel::changed, this, &TimelineView::scheduleRepaint);
        connect(m_model, &QObject::destroyed, this, [this] {
            m_model = nullptr;
            m_renderer.reset();
            redraw();
        });
    }
    fitToWindow();
}

void TimelineView::setTimeScale(const TimeScale &scale)
{
    m_scale = scale;
    m_followLive = false;
    scaleChanged();
}

double TimelineView::visibleFromNs() const
{
    return m_scale.startNs;
}

double TimelineView::visibleToNs() const
{
    return m_scale.endNs(plotRect().width());
}

QRect TimelineView::plotRect() const
{
    return m_renderer ? m_renderer->plotArea(contentRect(), m_options) : contentRect();
}

void TimelineView::setTextScale(double fontScale, bool presentation)
{
    const TimelineOptions usual;
    m_options.fontScale = fontScale;
    m_options.labelWidth = static_cast<int>(std::round(usual.labelWidth * fontScale));
    m_options.rowHeight = static_cast<int>(std::round(usual.rowHeight * fontScale));
    m_options.uniformText = presentation;
    m_options.compactLegend = presentation;
    // A class reads thick bars more easily than white space under a short run.
    m_options.maxRowGrowth = presentation ? 6.0 : usual.maxRowGrowth;
    updateScrollBar();
    if (m_followLive)
        fitScale();
    scaleChanged();
}

QRect TimelineView::contentRect() const
{
    QRect r = rect();
    if (m_scrollBar->isVisible())
        r.setRight(m_scrollBar->geometry().left() - 1);
    return r;
}

void TimelineView::setSelectedNote(int group, int index)
{
    if (m_options.noteGroup == group && m_options.noteIndex == index)
        return;
    m_options.noteGroup = group;
    m_options.noteIndex = index;
    redraw();
}

void TimelineView::zoomIn()
{
    zoomAt(plotRect().width() / 2.0, KeyZoom);
}

void TimelineView::zoomOut()
{
    zoomAt(plotRect().width() / 2.0, 1 / KeyZoom);
}

void TimelineView::fitToWindow()
{
    m_followLive = true;
    updateScrollBar();
    fitScale();
    scaleChanged();
}

void TimelineView::setFollowLive(bool follow)
{
    m_followLive = follow;
    if (follow)
        fitToWindow();
}

void TimelineView::scheduleRepaint()
{
    // Live batches are drawn at most ~30 times a second; a finished run's final state at once, so
    // that whatever looks next (a screenshot, an export) sees the whole run.
    if (m_model && !m_model->hasLiveGroup()) {
        m_repaint.stop();
        refresh();
        return;
    }
    if (!m_repaint.isActive())
        m_repaint.start();
}

void TimelineView::refresh()
{
    updateScrollBar();
    if (m_followLive) {
        fitScale();
        emit visibleRangeChanged(visibleFromNs(), visibleToNs());
    }
    redraw();
}

double TimelineView::shownDurationNs() const
{
    const double duration = m_model ? static_cast<double>(m_model->durationNs()) : 0.0;
    const bool live = m_model && m_model->hasLiveGroup();
    return std::max(duration, live || duration <= 0 ? LiveMinimumNs : 1.0);
}

void TimelineView::fitScale()
{
    m_scale.fit(0.0, shownDurationNs(), plotRect().width());
}

void TimelineView::clampScale()
{
    m_scale.clampTo(shownDurationNs(), plotRect().width());
}

void TimelineView::scaleChanged()
{
    emit visibleRangeChanged(visibleFromNs(), visibleToNs());
    redraw();
}

void TimelineView::zoomAt(double x, double factor)
{
    m_scale.zoomAround(x, factor);
    m_followLive = false;
    clampScale();
    scaleChanged();
}

void TimelineView::updateScrollBar()
{
    if (!m_renderer) {
        m_scrollBar->hide();
        return;
    }
    QRect target = rect();
    QRect plot = m_renderer->plotArea(target, m_options);
    int content = m_renderer->contentHeight(target, m_options);
    const int width = m_scrollBar->sizeHint().width();
    const bool overflow = content > plot.height();
    if (overflow) { // the bar takes its width from the picture, which may wrap the legend anew
        target.setRight(target.right() - width);
        plot = m_renderer->plotArea(target, m_options);
        content = m_renderer->contentHeight(target, m_options);
    }
    m_scrollBar->setGeometry(rect().right() + 1 - width, plot.top(), width, plot.height());
    m_scrollBar->setVisible(overflow);
    m_scrollBar->setRange(0, std::max(0, content - plot.height()));
    m_scrollBar->setPageStep(plot.height());
    m_scrollBar->setSingleStep(m_options.rowHeight);
    m_options.scrollY = m_scrollBar->value();
}

double TimelineView::timeAt(int x) const
{
    return m_scale.ns(x - plotRect().left());
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_renderer || m_model->groups().empty()) {
        painter.fillRect(rect(), Qt::white);
        painter.setPen(QColor(0x45, 0x4B, 0x55));
        QFont font = painter.font();
        font.setPointSizeF(13 * m_options.fontScale);
        painter.setFont(font);
        painter.drawText(rect(), Qt::AlignCenter, tr("Run an experiment to see its timeline here."));
        return;
    }
    const qreal ratio = devicePixelRatioF();
    if (m_pictureStale || m_picture.size() != size() * ratio) {
        m_picture = QPixmap(size() * ratio);
        m_picture.setDevicePixelRatio(ratio);
        QPainter picture(&m_picture);
        // Whatever the renderer does not cover (beside a hidden scroll bar) is white, not garbage.
        picture.fillRect(rect(), Qt::white);
        m_renderer->paint(picture, contentRect(), m_scale, m_options);
        m_pictureStale = false;
    }
    painter.drawPixmap(0, 0, m_picture);
    paintPlayhead(painter);
}

void TimelineView::redraw()
{
    m_pictureStale = true;
    update();
}

void TimelineView::setPlayhead(double ns)
{
    ns = ns < 0 ? -1.0 : ns;
    if (ns == m_playheadNs)
        return;
    m_playheadNs = ns;
    update(); // the picture stays: only the dimming and the line move
}

void TimelineView::paintPlayhead(QPainter &painter) const
{
    if (m_playheadNs < 0)
        return;
    const QRect plot = plotRect();
    const double x = plot.left() + m_scale.x(m_playheadNs);
    if (x > plot.right())
        return;
    // What has not happened yet at the playhead fades, so the eye goes to what has.
    const double from = std::max<double>(x, plot.left());
    painter.fillRect(QRectF(from, plot.top(), plot.right() + 1 - from, plot.height()),
                     QColor(255, 255, 255, 170));
    if (x < plot.left())
        return;
    const QColor line(0xC0, 0x1F, 0x1F);
    painter.setPen(QPen(line, 2));
    painter.drawLine(QPointF(x, plot.top() - 6), QPointF(x, plot.bottom()));
    const QString label = tr("%1 ms").arg(m_playheadNs / 1e6, 0, 'f', 1);
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    QRectF box(0, 0, metrics.horizontalAdvance(label) + 10, metrics.height() + 2);
    box.moveBottomLeft(QPointF(std::min(x + 3, plot.right() - box.width()), plot.top() - 7));
    painter.fillRect(box, line);
    painter.setPen(Qt::white);
    painter.drawText(box, Qt::AlignCenter, label);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) {
        // Alt turns a vertical wheel into a horizontal one on some platforms; either way it scrolls.
        const int steps = delta.y() != 0 ? delta.y() : delta.x();
        m_scrollBar->setValue(m_scrollBar->value() - steps * 3 * m_options.rowHeight / 120);
    } else if (delta.y() == 0 && delta.x() != 0) {
        m_scale.pan(delta.x() / 2.0); // a sideways swipe on a touchpad pans
        m_followLive = false;
        clampScale();
        scaleChanged();
    } else if (delta.y() != 0) {
        zoomAt(event->position().x() - plotRect().left(), std::pow(WheelStep, delta.y() / 120.0));
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragStart = m_lastPos = event->position().toPoint();
    // On the time axis, with a replay on, the press moves the playhead and a drag scrubs.
    const QRect plot = plotRect();
    if (m_replayKeys && event->button() == Qt::LeftButton && m_dragStart.y() < plot.top() &&
        m_dragStart.x() >= plot.left()) {
        m_drag = Drag::Scrub;
        setCursor(Qt::SizeHorCursor);
        emit playheadDragged(std::max(0.0, timeAt(m_dragStart.x())));
        return;
    }
    const bool select = event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier);
    m_drag = select ? Drag::Select : Drag::Pan;
    setCursor(select ? Qt::IBeamCursor : Qt::ClosedHandCursor);
    if (select) {
        m_options.selectionFromNs = m_options.selectionToNs = std::max(0.0, timeAt(m_dragStart.x()));
        redraw();
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Pan) {
        m_scale.pan(pos.x() - m_lastPos.x());
        m_scrollBar->setValue(m_scrollBar->value() - (pos.y() - m_lastPos.y()));
        m_followLive = false;
        clampScale();
        scaleChanged();
    } else if (m_drag == Drag::Scrub) {
        emit playheadDragged(std::max(0.0, timeAt(pos.x())));
    } else if (m_drag == Drag::Select) {
        m_options.selectionToNs = std::max(0.0, timeAt(pos.x()));
        emit selectionChanged(std::min(m_options.selectionFromNs, m_options.selectionToNs),
                              std::max(m_options.selectionFromNs, m_options.selectionToNs));
        redraw();
    }
    m_lastPos = pos;
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Select) {
        const QPoint pos = event->position().toPoint();
        if (std::abs(pos.x() - m_dragStart.x()) < 3) {
            // A click without a drag clears the measurement.
            m_options.selectionFromNs = m_options.selectionToNs = -1;
            emit selectionChanged(-1, -1);
        } else {
            m_options.selectionToNs = std::max(0.0, timeAt(pos.x()));
            emit selectionChanged(std::min(m_options.selectionFromNs, m_options.selectionToNs),
                                  std::max(m_options.selectionFromNs, m_options.selectionToNs));
        }
        redraw();
    }
    m_drag = Drag::None;
    setCursor(Qt::OpenHandCursor);
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    updateScrollBar();
    if (m_followLive)
        fitScale();
    scaleChanged();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int width = plotRect().width();
    if (m_replayKeys && event->modifiers() == Qt::NoModifier) {
        const int key = event->key();
        // Shift+Left/Right still pan.
        if (key == Qt::Key_Space || key == Qt::Key_Home || key == Qt::Key_End || key == Qt::Key_Left ||
            key == Qt::Key_Right) {
            emit replayKeyPressed(key);
            return;
        }
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_F:
    case Qt::Key_0:
        fitToWindow();
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
        m_scale.pan((event->key() == Qt::Key_Left ? 1 : -1) * width / 8.0);
        m_followLive = false;
        clampScale();
        scaleChanged();
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
        m_scrollBar->triggerAction(event->key() == Qt::Key_Up ? QScrollBar::SliderSingleStepSub
                                                              : QScrollBar::SliderSingleStepAdd);
        break;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        m_scrollBar->triggerAction(event->key() == Qt::Key_PageUp ? QScrollBar::SliderPageStepSub
                                                                  : QScrollBar::SliderPageStepAdd);
        break;
    case Qt::Key_Escape:
        m_options.selectionFromNs = m_options.selectionToNs = -1;
        emit selectionChanged(-1, -1);
        redraw();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    QString text;
    if (m_renderer) {
        const auto hit = m_renderer->hitTest(contentRect(), m_scale, m_options, help->pos());
        text = TimelineToolTip::text(*m_model, hit);
        if (text.isEmpty() && help->pos().y() < plotRect().top())
            text = TimelineToolTip::help();
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
}

} // namespace mtlab
