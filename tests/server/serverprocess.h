#pragma once

#include <QDeadlineTimer>
#include <QProcess>
#include <QStringList>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace mtlab {

// Runs the built multitask-lab-server and learns its port from the ready line (and, with --tls,
// its certificate from the lines after it).
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
    // The PEM the server printed after its ready line; empty without --tls.
    const std::string &certificatePem() const { return m_certificatePem; }
    QProcess &process() { return m_process; }
    QString errorString() const { return m_error; }

private:
    QString readLine(const QDeadlineTimer &deadline);

    QProcess m_process;
    std::uint16_t m_port = 0;
    std::string m_certificatePem;
    QString m_error;
};

// Command-line arguments written as C strings, for the server's options in tests.
inline QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result << QString::fromLatin1(item);
    return result;
}

} // namespace mtlab
