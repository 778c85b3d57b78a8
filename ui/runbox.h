#pragma once

#include <QGroupBox>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace mtlab {

// The Run, Cancel, Repeat and Sweep buttons with the progress of the run underneath: the part of
// the experiment panel that changes while a run goes on.
class RunBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit RunBox(QWidget *parent = nullptr);

    int sweepMax() const;
    void setSweepMax(int workers);
    // Repeat ×N runs the experiment N times (2..20), for its median and spread.
    int repeatCount() const;
    void setRepeatCount(int count);
    // What may be pressed: Run and Sweep while idle (Sweep only for a pool), Cancel while running.
    void setState(bool running, bool canSweep);
    // Whether the article has a Python program for the experiment set up (io or cpu work).
    void setPythonAvailable(bool available);
    void setProgress(int done, int total, qint64 elapsedMs, const QString &what);
    void setMessage(const QString &text);

signals:
    void runRequested();
    void cancelRequested();
    void sweepRequested();
    void repeatRequested();
    void pythonRequested(); // run the article's own Python program of the experiment

private:
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_sweep = nullptr;
    QSpinBox *m_sweepMax = nullptr;
    QPushButton *m_repeat = nullptr;
    QPushButton *m_python = nullptr;
    bool m_running = false;
    bool m_pythonAvailable = true;
    QSpinBox *m_repeatCount = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace mtlab
