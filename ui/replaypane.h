#pragma once

#include "snapshot.h"

#include <QPointer>
#include <QStyle>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace mtlab {

class ReplayController;
class StatePanel;
class TimelineView;
struct RunResult;

// Replays a finished run beside its timeline: the controls (play/pause, step, start/end, speed,
// a scrub bar), the state panel at the playhead, and the timeline's playhead kept in step. In a
// comparison a list picks which run the panel follows; the playhead crosses every run alike.
// Keys (here or on the timeline): Space plays or pauses, Left/Right step one event, Home/End.
class ReplayPane : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayPane(QWidget *parent = nullptr);
    ~ReplayPane() override;

    // Finished runs to replay (empty: none) on `view`; the panel follows runs[current].
    void setRuns(std::vector<std::shared_ptr<const RunResult>> runs, int current, TimelineView *view);
    void clear();
    int currentRun() const noexcept { return m_current; }
    void setCurrentRun(int index);

    ReplayController *controller() const noexcept { return m_controller; }
    StatePanel *statePanel() const noexcept { return m_panel; }
    // The state drawn at the playhead now.
    const Snapshot &snapshot() const noexcept { return m_snapshot; }

    // The replay's keys; false when the key is none of them.
    bool handleKey(int key);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void sizeTitle();
    void showPosition(qint64 ns);
    void updateControls();
    QToolButton *button(const QString &icon, QStyle::StandardPixmap fallback, const QString &tip);

    ReplayController *m_controller = nullptr;
    StatePanel *m_panel = nullptr;
    QComboBox *m_runList = nullptr;
    QLabel *m_runLabel = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QToolButton *m_start = nullptr;
    QToolButton *m_end = nullptr;
    QComboBox *m_speed = nullptr;
    QSlider *m_scrub = nullptr;
    QLabel *m_time = nullptr;

    std::vector<std::shared_ptr<const RunResult>> m_runs;
    int m_current = -1;
    std::optional<SnapshotIndex> m_index; // of m_runs[m_current]'s trace, which it refers to
    Snapshot m_snapshot;
    QPointer<TimelineView> m_view;
};

} // namespace mtlab
