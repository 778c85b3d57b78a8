#pragma once

#include "experiment.h"

#include <QWidget>

#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace mtlab {

class RunBox;

// The left-hand panel: pick a preset or set up an experiment field by field, then Run, Cancel or
// Sweep, and watch the progress. Fields that do not apply are hidden (the CPU size for I/O) or
// disabled (workers for sync), so a student only sees what matters for the chosen experiment.
class ExperimentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExperimentPanel(QWidget *parent = nullptr);

    // What the fields say. For "all" the strategy is sync and strategies() lists the four.
    Experiment experiment() const;
    std::vector<StrategyKind> strategies() const;
    void setExperiment(const Experiment &experiment, const std::vector<StrategyKind> &strategies);
    // Loads a built-in preset by id or name; false if there is none.
    bool loadPreset(const QString &idOrName);
    // The preset the fields match, empty when they match none.
    QString presetId() const;
    // A button under the presets for an action about them (View > Lesson).
    void addPresetAction(QAction *action);

    // The sweep runs workers = 1..sweepMax(); only a pool (threads, processes) has workers to sweep.
    int sweepMax() const;
    bool canSweep() const;

    void setRunning(bool running);
    // The buttons and the progress of the run.
    RunBox *runBox() const noexcept;

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

signals:
    void runRequested();
    void cancelRequested();
    void sweepRequested();
    void experimentChanged();

private:
    QWidget *buildPresetBox();
    QWidget *buildExperimentBox();
    QWidget *buildCpuBox();
    QWidget *buildIoBox();
    QWidget *buildCounterBox();
    QWidget *buildStarveBox();
    QWidget *buildLockBox();
    void fieldsChanged();
    void presetActivated(int index);
    void updateEnabled();

    Experiment m_base; // carries the options the panel has no field for (fault drills, timeouts)
    bool m_loading = false;
    bool m_running = false;

    QComboBox *m_preset = nullptr;
    QLabel *m_description = nullptr;
    QComboBox *m_workload = nullptr;
    QComboBox *m_strategy = nullptr;
    QSpinBox *m_tasks = nullptr;
    QSpinBox *m_workers = nullptr;
    QGroupBox *m_cpuBox = nullptr;
    QDoubleSpinBox *m_n = nullptr;
    QGroupBox *m_ioBox = nullptr;
    QSpinBox *m_delay = nullptr;
    QSpinBox *m_size = nullptr;
    QCheckBox *m_tls = nullptr;
    QSpinBox *m_setup = nullptr;
    QLineEdit *m_url = nullptr;
    QCheckBox *m_reuse = nullptr;
    QGroupBox *m_counterBox = nullptr;
    QSpinBox *m_counterN = nullptr;
    QComboBox *m_sync = nullptr;
    QSpinBox *m_permits = nullptr;
    QCheckBox *m_yieldInside = nullptr;
    QGroupBox *m_starveBox = nullptr;
    QCheckBox *m_blocking = nullptr;
    QSpinBox *m_hog = nullptr;
    QSpinBox *m_hogSlice = nullptr;
    QGroupBox *m_lockBox = nullptr;
    QCheckBox *m_gil = nullptr;
    QSpinBox *m_switch = nullptr;
    RunBox *m_runBox = nullptr;
    std::vector<QWidget *> m_inputs; // disabled together while a run goes on
};

} // namespace mtlab
