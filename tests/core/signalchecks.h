#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <csignal>

namespace mtlab::checks {

// Whether a process blocks SIGINT and SIGTERM (the SigBlk line of its /proc status), as a program
// that takes them itself (sigtimedwait, a signalfd) does once it is ready for them: a test sends
// them only then, not while they would still have their default action.
inline bool blocksInterrupts(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("SigBlk:")) {
            bool ok = false;
            const qulonglong mask = line.mid(7).trimmed().toULongLong(&ok, 16);
            const qulonglong wanted = (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1));
            return ok && (mask & wanted) == wanted;
        }
    }
    return false;
}

} // namespace mtlab::checks
