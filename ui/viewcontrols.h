#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QToolButton;

namespace mtlab {

class TimelineView;

// The timeline's zoom controls: the View menu's actions and small buttons beside the tabs, right
// above the timeline where a teacher looks. Zoom in, zoom out, fit, and Keep scale: the next run
// is drawn on the same time axis, so that a faster run visibly ends sooner (it used to be found
// only in the View menu). The zooms act on the timeline the current tab shows.
class ViewControls : public QWidget
{
    Q_OBJECT

public:
    explicit ViewControls(std::function<TimelineView *()> currentTimeline, QWidget *parent = nullptr);

    QAction *zoomInAction() const noexcept { return m_zoomIn; }
    QAction *zoomOutAction() const noexcept { return m_zoomOut; }
    QAction *fitAction() const noexcept { return m_fit; }
    QAction *keepScaleAction() const noexcept { return m_keepScale; }
    QToolButton *keepScaleButton() const noexcept { return m_keepScaleButton; }

private:
    std::function<TimelineView *()> m_current;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    QAction *m_keepScale;
    QToolButton *m_keepScaleButton = nullptr;
};

} // namespace mtlab
