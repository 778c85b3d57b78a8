#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRegularExpression>

#include <signal.h>

namespace mtlab {

namespace {
// Generous: a sanitizer build on a busy machine starts slowly, and nothing waits on a healthy run.
constexpr int kStartTimeoutMs = 30'000;
} // namespace

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning && !stop(SIGTERM)) {
        m_process.kill();
        m_process.waitForFinished(kStartTimeoutMs);
    }
}

QString ServerProcess::executable()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab-server");
}

bool ServerProcess::start(const QStringList &arguments)
{
    m_process.start(executable(), arguments);
    if (!m_process.waitForStarted(kStartTimeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(kStartTimeoutMs);
    const QString line = readLine(deadline);
    static const QRegularExpression ready(
        QStringLiteral("^multitask-lab-server listening on (https?)://127\\.0\\.0\\.1:(\\d+)/\\n$"));
    const auto match = ready.match(line);
    if (!match.hasMatch()) {
        m_error = QStringLiteral("no ready line, got '%1'; stderr: %2")
                      .arg(line, QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }
    m_port = std::uint16_t(match.captured(2).toUInt());
    if (match.captured(1) == QLatin1String("http"))
        return true;
    // Over TLS the certificate follows, as PEM.
    for (QString pemLine = readLine(deadline); !pemLine.isEmpty(); pemLine = readLine(deadline)) {
        m_certificatePem += pemLine.toStdString();
        if (pemLine.startsWith(QLatin1String("-----END CERTIFICATE-----")))
            return true;
    }
    m_error = QStringLiteral("no whole certificate after the ready line: '%1'")
                  .arg(QString::fromStdString(m_certificatePem));
    return false;
}

QString ServerProcess::readLine(const QDeadlineTimer &deadline)
{
    while (!m_process.canReadLine() && !deadline.hasExpired() && m_process.state() == QProcess::Running)
        m_process.waitForReadyRead(100);
    return QString::fromUtf8(m_process.readLine());
}

bool ServerProcess::stop(int signal)
{
    ::kill(pid_t(m_process.processId()), signal);
    return m_process.waitForFinished(kStartTimeoutMs);
}

} // namespace mtlab
