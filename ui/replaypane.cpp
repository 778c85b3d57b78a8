#include "replaypane.h"

#include "replaycontroller.h"
#include "runner.h"
#include "runsnapshot.h"
#include "runtitle.h"
#include "statepanel.h"
#include "timelineview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace mtlab {

namespace {

constexpr int ScrubSteps = 1000;
constexpr double Speeds[] = {1.0, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01};
constexpr int DefaultSpeed = 4; // 0.05x: a 100 ms run takes two seconds

QString timeText(qint64 ns)
{
    return ReplayPane::tr("%1 ms").arg(static_cast<double>(ns) / 1e6, 0, 'f', 1);
}

} // namespace

ReplayPane::ReplayPane(QWidget *parent)
    : QWidget(parent)
    , m_controller(new ReplayController(this))
    , m_panel(new StatePanel)
{
    setFocusPolicy(Qt::StrongFocus);
    m_runLabel = new QLabel(tr("Replay"));
    sizeTitle();
    m_runList = new QComboBox;
    m_runList->setObjectName(QStringLiteral("replayRun"));
    m_runList->setToolTip(tr("The run whose tasks the panel shows"));
    m_runList->setFocusPolicy(Qt::NoFocus);

    m_start = button(QStringLiteral("media-skip-backward"), QStyle::SP_MediaSkipBackward,
                     tr("To the start (Home)"));
    m_back = button(QStringLiteral("media-seek-backward"), QStyle::SP_MediaSeekBackward,
                    tr("One event back (Left)"));
    m_play = button(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay,
                    tr("Play or pause (Space)"));
    m_forward = button(QStringLiteral("media-seek-forward"), QStyle::SP_MediaSeekForward,
                       tr("One event on (Right)"));
    m_end = button(QStringLiteral("media-skip-forward"), QStyle::SP_MediaSkipForward, tr("To the end (End)"));
    m_start->setObjectName(QStringLiteral("replayStart"));
    m_back->setObjectName(QStringLiteral("replayBack"));
    m_play->setObjectName(QStringLiteral("replayPlay"));
    m_forward->setObjectName(QStringLiteral("replayForward"));
    m_end->setObjectName(QStringLiteral("replayEnd"));
    m_speed = new QComboBox;
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setFocusPolicy(Qt::NoFocus);
    m_speed->setToolTip(tr("How fast the replay plays, against the run's real time"));
    for (const double speed : Speeds)
        m_speed->addItem(tr("%1× real time").arg(speed), speed);
    m_speed->addItem(tr("one event at a time"), 0.0);
    m_speed->setCurrentIndex(DefaultSpeed);
    m_controller->setSpeed(Speeds[DefaultSpeed]);
    m_scrub = new QSlider(Qt::Horizontal);
    m_scrub->setObjectName(QStringLiteral("replayScrub"));
    m_scrub->setRange(0, ScrubSteps);
    m_scrub->setFocusPolicy(Qt::NoFocus);
    m_scrub->setToolTip(tr("Drag to move the playhead (or drag on the timeline's time axis)"));
    m_time = new QLabel;
    m_time->setObjectName(QStringLiteral("replayTime"));
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("00000.0 / 00000.0 ms")));

    auto *buttons = new QHBoxLayout;
    for (QToolButton *b : {m_start, m_back, m_play, m_forward, m_end})
        buttons->addWidget(b);
    buttons->addWidget(m_speed, 1);
    auto *scrub = new QHBoxLayout;
    scrub->addWidget(m_scrub, 1);
    scrub->addWidget(m_time);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_runLabel);
    layout->addWidget(m_runList);
    layout->addLayout(buttons);
    layout->addLayout(scrub);
    layout->addWidget(m_panel, 1);

    connect(m_start, &QToolButton::clicked, m_controller, &ReplayController::toStart);
    connect(m_back, &QToolButton::clicked, m_controller, &ReplayController::stepBackward);
    connect(m_play, &QToolButton::clicked, m_controller, &ReplayController::togglePlay);
    connect(m_forward, &QToolButton::clicked, m_controller, &ReplayController::stepForward);
    connect(m_end, &QToolButton::clicked, m_controller, &ReplayController::toEnd);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int index) {
        const double speed = m_speed->itemData(index).toDouble();
        m_controller->setEventMode(speed <= 0);
        if (speed > 0)
            m_controller->setSpeed(speed);
    });
    connect(m_scrub, &QSlider::sliderMoved, this, [this](int value) {
        m_controller->pause();
        m_controller->seek(static_cast<std::int64_t>(std::llround(
            static_cast<double>(value) / ScrubSteps * static_cast<double>(m_controller->duration()))));
    });
    connect(m_runList, &QComboBox::currentIndexChanged, this, &ReplayPane::setCurrentRun);
    connect(m_controller, &ReplayController::positionChanged, this, &ReplayPane::showPosition);
    connect(m_controller, &ReplayController::playingChanged, this, &ReplayPane::updateControls);
    updateControls();
}

ReplayPane::~ReplayPane() = default;

QToolButton *ReplayPane::button(const QString &icon, QStyle::StandardPixmap fallback, const QString &tip)
{
    auto *b = new QToolButton;
    // Without an icon theme (offscreen, some desktops) the style's own media icons.
    b->setIcon(QIcon::fromTheme(icon, style()->standardIcon(fallback)));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus); // Space belongs to the replay, not to a focused button
    return b;
}

void ReplayPane::setRuns(std::vector<std::shared_ptr<const RunResult>> runs, int current, TimelineView *view)
{
    if (m_view) {
        disconnect(m_view, nullptr, this, nullptr);
        m_view->setPlayhead(-1);
        m_view->setReplayKeys(false);
    }
    m_view = view;
    m_runs = std::move(runs);
    if (m_view && !m_runs.empty()) {
        m_view->setReplayKeys(true);
        connect(m_view, &TimelineView::replayKeyPressed, this, &ReplayPane::handleKey);
        connect(m_view, &TimelineView::playheadDragged, this, [this](double ns) {
            m_controller->pause();
            m_controller->seek(static_cast<std::int64_t>(ns));
        });
    }
    const QSignalBlocker block(m_runList);
    m_runList->clear();
    for (const auto &run : m_runs)
        m_runList->addItem(runTitle(run->experiment));
    m_runList->setVisible(m_runs.size() > 1);
    m_current = -1;
    setCurrentRun(m_runs.empty() ? -1 : std::clamp(current, 0, static_cast<int>(m_runs.size()) - 1));
}

void ReplayPane::clear()
{
    setRuns({}, -1, m_view);
}

void ReplayPane::setCurrentRun(int index)
{
    if (index == m_current && index >= 0)
        return;
    m_current = index;
    m_index.reset();
    const RunResult *run = index >= 0 ? m_runs[static_cast<std::size_t>(index)].get() : nullptr;
    m_panel->setRun(run);
    if (run) {
        const QSignalBlocker block(m_runList);
        m_runList->setCurrentIndex(index);
        m_index.emplace(snapshotIndexOf(*run));
        m_runLabel->setText(tr("Replay: %1").arg(runTitle(run->experiment)));
        // The comparison's runs share one axis: the playhead spans the longest of them.
        std::int64_t duration = m_index->duration();
        for (const auto &other : m_runs)
            duration = std::max(duration, other->trace.end() - other->trace.origin());
        m_controller->setRun(duration, m_index->eventTimes());
    } else {
        m_runLabel->setText(tr("Replay"));
        m_controller->clear();
    }
    showPosition(m_controller->position());
    updateControls();
}

bool ReplayPane::handleKey(int key)
{
    if (!m_index)
        return false;
    switch (key) {
    case Qt::Key_Space:
        m_controller->togglePlay();
        return true;
    case Qt::Key_Left:
        m_controller->stepBackward();
        return true;
    case Qt::Key_Right:
        m_controller->stepForward();
        return true;
    case Qt::Key_Home:
        m_controller->toStart();
        return true;
    case Qt::Key_End:
        m_controller->toEnd();
        return true;
    default:
        return false;
    }
}

// A size up from the pane's own text, also after the window's type changes (presentation mode).
void ReplayPane::sizeTitle()
{
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_runLabel->setFont(title);
}

void ReplayPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        sizeTitle();
    QWidget::changeEvent(event);
}

void ReplayPane::keyPressEvent(QKeyEvent *event)
{
    if (!handleKey(event->key()))
        QWidget::keyPressEvent(event);
}

void ReplayPane::showPosition(qint64 ns)
{
    if (!m_index) {
        m_snapshot = Snapshot{};
        m_time->clear();
        if (m_view)
            m_view->setPlayhead(-1);
        return;
    }
    m_snapshot = m_index->at(ns);
    m_panel->setSnapshot(m_snapshot);
    const std::int64_t duration = m_controller->duration();
    m_time->setText(tr("%1 / %2").arg(timeText(ns), timeText(duration)));
    if (!m_scrub->isSliderDown()) {
        const QSignalBlocker block(m_scrub);
        m_scrub->setValue(duration > 0 ? static_cast<int>(std::llround(static_cast<double>(ns) * ScrubSteps /
                                                                       static_cast<double>(duration)))
                                       : ScrubSteps);
    }
    // At the end the whole run shows, as before a replay: no playhead, nothing dimmed.
    if (m_view)
        m_view->setPlayhead(ns < duration ? static_cast<double>(ns) : -1.0);
}

void ReplayPane::updateControls()
{
    const bool enabled = m_index.has_value();
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_start, m_back, m_play, m_forward, m_end, m_speed, m_scrub})
        w->setEnabled(enabled);
    const bool playing = m_controller->isPlaying();
    const QString icon = playing ? QStringLiteral("media-playback-pause")
                                 : QStringLiteral("media-playback-start");
    m_play->setIcon(QIcon::fromTheme(
        icon, style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay)));
}

} // namespace mtlab
