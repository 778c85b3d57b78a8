#pragma once

#include <QObject>

class QSocketNotifier;

namespace mtlab {

// Ctrl-C and SIGTERM end the window with exit code 130, as they end `run`: the event loop quits,
// and the window's teardown cancels the run and reaps its child processes (killed by the signal's
// default action, it would leave them to notice on their own). The signals are blocked in every
// thread and read from a signalfd in Qt's event loop, where a handler could do nothing safe.
// Construct it before QApplication, so that Qt's own threads inherit the blocked mask.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    InterruptWatcher();
    ~InterruptWatcher() override;
    // Starts watching; needs the application's event loop to exist.
    void watch();

private:
    void interrupted();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace mtlab
