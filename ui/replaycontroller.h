#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <cstdint>
#include <vector>

namespace mtlab {

// The replay of a finished run: a playhead (ns from the run's start) that plays at a fraction of
// real time (0.01x to 1x), or one event at a time, and can be paused, stepped and scrubbed. Driven
// by a ~30 fps timer while playing; each frame moves the playhead by the real time elapsed times
// the speed, so a slow machine shows fewer frames, not a slower replay.
class ReplayController : public QObject
{
    Q_OBJECT

public:
    static constexpr double MinSpeed = 0.01;
    static constexpr double MaxSpeed = 1.0;
    static constexpr int FrameMs = 33;
    // One event at a time: how long each event stays on screen while playing.
    static constexpr int EventMs = 700;

    explicit ReplayController(QObject *parent = nullptr);

    // A new run to replay: its length and the instants at which some task changed state
    // (SnapshotIndex::eventTimes()). The playhead goes to the end, where the whole run shows.
    void setRun(std::int64_t durationNs, std::vector<std::int64_t> events);
    void clear();

    bool hasRun() const noexcept { return m_duration > 0; }
    std::int64_t position() const noexcept { return m_position; }
    std::int64_t duration() const noexcept { return m_duration; }
    bool isPlaying() const noexcept { return m_timer.isActive(); }
    double speed() const noexcept { return m_speed; }

public slots:
    void play();
    void pause();
    void togglePlay();
    // The next or previous instant at which a task changed state.
    void stepForward();
    void stepBackward();
    void seek(std::int64_t ns); // clamped to the run
    void toStart();
    void toEnd();
    void setSpeed(double speed); // clamped to MinSpeed..MaxSpeed
    // Playing moves one event per EventMs instead of in (scaled) real time.
    void setEventMode(bool on);

signals:
    void positionChanged(qint64 ns);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void eventModeChanged(bool on);

private:
    void advance();
    void move(std::int64_t ns);

    QTimer m_timer;
    QElapsedTimer m_clock; // real time since the last frame
    std::vector<std::int64_t> m_events;
    std::int64_t m_duration = 0;
    std::int64_t m_position = 0;
    double m_speed = 0.1;
    bool m_eventMode = false;
    qint64 m_sinceEvent = 0; // ms shown of the current event, one event at a time
};

} // namespace mtlab
