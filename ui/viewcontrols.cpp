#include "viewcontrols.h"

#include "timelineview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QToolButton>

namespace mtlab {

ViewControls::ViewControls(std::function<TimelineView *()> currentTimeline, QWidget *parent)
    : QWidget(parent)
    , m_current(std::move(currentTimeline))
    , m_zoomIn(new QAction(tr("Zoom &in"), this))
    , m_zoomOut(new QAction(tr("Zoom &out"), this))
    , m_fit(new QAction(tr("&Fit to window"), this))
    , m_keepScale(new QAction(tr("&Keep the time scale between runs"), this))
{
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_current()->zoomIn(); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_current()->zoomOut(); });
    connect(m_fit, &QAction::triggered, this, [this] { m_current()->fitToWindow(); });
    m_keepScale->setCheckable(true);
    m_keepScale->setStatusTip(
        tr("Draw the next run on the same time axis, so a faster run visibly ends sooner"));

    // Buttons show the short icon texts; menus the full texts.
    m_zoomOut->setIconText(QStringLiteral("−"));
    m_zoomOut->setToolTip(tr("Zoom out (Ctrl+-)"));
    m_zoomIn->setIconText(QStringLiteral("+"));
    m_zoomIn->setToolTip(tr("Zoom in (Ctrl++)"));
    m_fit->setIconText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole run (Ctrl+0)"));
    m_keepScale->setIconText(tr("Keep scale"));
    m_keepScale->setToolTip(m_keepScale->statusTip());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(2);
    for (QAction *action : {m_zoomOut, m_zoomIn, m_fit, m_keepScale}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(button);
        m_keepScaleButton = button; // the last one
    }
    m_keepScaleButton->setObjectName(QStringLiteral("keepScaleButton"));
}

} // namespace mtlab
