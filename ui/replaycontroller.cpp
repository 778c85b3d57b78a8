#include "replaycontroller.h"

#include <algorithm>

namespace mtlab {

ReplayController::ReplayController(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(FrameMs);
    connect(&m_timer, &QTimer::timeout, this, &ReplayController::advance);
}

void ReplayController::setRun(std::int64_t durationNs, std::vector<std::int64_t> events)
{
    pause();
    m_duration = std::max<std::int64_t>(durationNs, 0);
    m_events = std::move(events);
    move(m_duration);
}

void ReplayController::clear()
{
    setRun(0, {});
}

void ReplayController::play()
{
    if (!hasRun() || isPlaying())
        return;
    // Playing from the end starts over, as a media player does.
    if (m_position >= m_duration)
        move(0);
    m_clock.start();
    m_sinceEvent = 0;
    m_timer.start();
    emit playingChanged(true);
}

void ReplayController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void ReplayController::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void ReplayController::stepForward()
{
    pause();
    const auto next = std::upper_bound(m_events.begin(), m_events.end(), m_position);
    move(next == m_events.end() ? m_duration : *next);
}

void ReplayController::stepBackward()
{
    pause();
    const auto previous = std::lower_bound(m_events.begin(), m_events.end(), m_position);
    move(previous == m_events.begin() ? 0 : *(previous - 1));
}

void ReplayController::seek(std::int64_t ns)
{
    move(std::clamp<std::int64_t>(ns, 0, m_duration));
}

void ReplayController::toStart()
{
    pause();
    move(0);
}

void ReplayController::toEnd()
{
    pause();
    move(m_duration);
}

void ReplayController::setSpeed(double speed)
{
    speed = std::clamp(speed, MinSpeed, MaxSpeed);
    if (speed == m_speed)
        return;
    m_speed = speed;
    emit speedChanged(m_speed);
}

void ReplayController::setEventMode(bool on)
{
    if (on == m_eventMode)
        return;
    m_eventMode = on;
    m_sinceEvent = 0;
    emit eventModeChanged(on);
}

void ReplayController::advance()
{
    const qint64 elapsedMs = m_clock.restart();
    std::int64_t target = m_position;
    if (m_eventMode) {
        m_sinceEvent += elapsedMs;
        if (m_sinceEvent < EventMs)
            return;
        m_sinceEvent = 0;
        const auto next = std::upper_bound(m_events.begin(), m_events.end(), m_position);
        target = next == m_events.end() ? m_duration : *next;
    } else {
        target += static_cast<std::int64_t>(static_cast<double>(elapsedMs) * 1e6 * m_speed);
    }
    move(std::min(target, m_duration));
    if (m_position >= m_duration)
        pause();
}

void ReplayController::move(std::int64_t ns)
{
    if (ns == m_position)
        return;
    m_position = ns;
    emit positionChanged(m_position);
}

} // namespace mtlab
