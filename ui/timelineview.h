#pragma once

#include "timelinerenderer.h"
#include "timescale.h"

#include <QPixmap>
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
// A replay shows a playhead: the part after it is dimmed, drawn over the cached picture of the
// timeline so that moving the playhead never lays the spans out again; dragging on the time axis
// scrubs, and Space, Left/Right, Home and End go to the replay (replayKeyPressed; Shift+Left/Right
// still pan).
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
    // Where the timeline is painted: the widget but for the scroll bar.
    QRect contentRect() const;
    // The note drawn highlighted (group, index in its notes); -1: none.
    void setSelectedNote(int group, int index);
    // The replay's playhead (ns from the runs' start); < 0: none.
    double playhead() const noexcept { return m_playheadNs; }
    void setPlayhead(double ns);
    // While a replay is on, its keys and drags on the time axis go to it, even without a playhead.
    void setReplayKeys(bool on) { m_replayKeys = on; }
    // Type fontScale times the usual size, with the label column and rows to match; presentation
    // also sizes the small texts like the labels and lets rows grow further into the height.
    void setTextScale(double fontScale, bool presentation);

public slots:
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    // While on, a live run's newest spans stay in view (the axis grows); off once the user zooms.
    void setFollowLive(bool follow);

signals:
    void visibleRangeChanged(double fromNs, double toNs);
    void selectionChanged(double fromNs, double toNs);
    // The user dragged on the time axis (ns from the runs' start), or pressed a replay key.
    void playheadDragged(double ns);
    void replayKeyPressed(int key);

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
    enum class Drag { None, Pan, Select, Scrub };

    void scheduleRepaint();
    void refresh();
    // The time the runs take, at least 100 ms while live (rather than an axis jittering at µs).
    double shownDurationNs() const;
    void fitScale();
    // Keeps the view on the runs: nothing before 0, nothing much past their end (TimeScale::clampTo).
    void clampScale();
    void scaleChanged();
    void zoomAt(double x, double factor);
    void updateScrollBar();
    double timeAt(int x) const;
    // The picture changed: draw it anew on the next paint (a playhead move only repaints).
    void redraw();
    void paintPlayhead(QPainter &painter) const;

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
    QPixmap m_picture; // the timeline as last drawn, without the playhead
    bool m_pictureStale = true;
    double m_playheadNs = -1;
    bool m_replayKeys = false;
};

} // namespace mtlab
