#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace mtlab {

struct ProgramResult {
    int exitCode = -1; // -1 if it crashed or did not finish in time
    QByteArray out, err;
};

// The real program beside the test, as a user starts it.
inline ProgramResult runLab(const QStringList &args,
                            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                            int timeoutMs = 120'000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"), args);
    if (!process.waitForFinished(timeoutMs))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// The window's program, off-screen: its exit code, and what it wrote to stderr.
inline int runProgram(const QStringList &args, QByteArray *errors = nullptr, int timeoutMs = 120'000)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const ProgramResult result = runLab(args, environment, timeoutMs);
    if (errors)
        *errors = result.err;
    return result.exitCode;
}

} // namespace mtlab
