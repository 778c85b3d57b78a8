#pragma once

#include <QProcess>
#include <QStringList>

#include <cstdint>

namespace mtlab {

// Runs the built multitask-lab-server and learns its port from the ready line.
class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();

    static QString executable();

    // False (with the reason in errorString()) unless the server printed its ready line.
    bool start(const QStringList &arguments);
    // Sends a signal and waits for the exit; false if the server did not exit in time.
    bool stop(int signal);

    std::uint16_t port() const { return m_port; }
    QProcess &process() { return m_process; }
    QString errorString() const { return m_error; }

private:
    QProcess m_process;
    std::uint16_t m_port = 0;
    QString m_error;
};

} // namespace mtlab
