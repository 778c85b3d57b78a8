#pragma once

#include "timelinerenderer.h"
#include "timescale.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QScrollBar;

namespace mtlab {

class TimelineModel;

// The Gantt timeline: one custom widget painting through TimelineRenderer. Wheel zooms around the
// cursor, dragging pans, Shift+drag selects a range (its duration shows), hovering a span shows
// task, state, phase breakdown, duration and error. Repaints are coalesced on a ~30 fps timer,
// never once per model change, so a live run with thousands of spans a second stays smooth.
// Rows scroll with the scroll bar, Ctrl+wheel (or Alt+wheel) or by dragging up and down; keys:
// + and - zoom, F fits, arrows pan and scroll, Esc clears the selection.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    TimelineModel *model() const noexcept { return m_model; }
    const TimeScale &timeScale() const noexcept { return m_scale; }
    void setTimeScale(const TimeScale &scale);
    const TimelineRenderer::Options &options() const noexcept { return m_options; }
    // The time range (ns from the runs' start) currently across the plot.
    double visibleFromNs() const;
    double visibleToNs() const;
    QRect plotRect() const;

public slots:
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    // While on, a live run's newest spans stay in view (the axis grows); off once the user zooms.
    void setFollowLive(bool follow);

signals:
    void visibleRangeChanged(double fromNs, double toNs);
    void selectionChanged(double fromNs, double toNs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class Drag { None, Pan, Select };

    QRect contentRect() const;
    void scheduleRepaint();
    void refresh();
    void fitScale();
    // Keeps the runs in reach: no zooming out past a few times their length, no panning far away.
    void clampScale();
    void scaleChanged();
    void zoomAt(double x, double factor);
    void updateScrollBar();
    double timeAt(int x) const;

    TimelineModel *m_model = nullptr;
    std::optional<TimelineRenderer> m_renderer;
    TimeScale m_scale;
    TimelineRenderer::Options m_options;
    QTimer m_repaint;
    QScrollBar *m_scrollBar = nullptr;
    bool m_followLive = true;
    Drag m_drag = Drag::None;
    QPoint m_dragStart;
    QPoint m_lastPos;
};

} // namespace mtlab
