#include "interruptwatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <iostream>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace mtlab {

namespace {

sigset_t interruptSignals()
{
    sigset_t interrupts;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    return interrupts;
}

} // namespace

InterruptWatcher::InterruptWatcher()
{
    const sigset_t interrupts = interruptSignals();
    pthread_sigmask(SIG_BLOCK, &interrupts, nullptr);
    m_fd = ::signalfd(-1, &interrupts, SFD_CLOEXEC | SFD_NONBLOCK);
    if (m_fd < 0) // unwatched, they had better keep their default action than be lost
        pthread_sigmask(SIG_UNBLOCK, &interrupts, nullptr);
}

InterruptWatcher::~InterruptWatcher()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void InterruptWatcher::watch()
{
    if (m_fd < 0 || m_notifier)
        return;
    // A signal that came before the event loop is still pending and wakes it at once.
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptWatcher::interrupted);
}

void InterruptWatcher::interrupted()
{
    signalfd_siginfo info{};
    while (::read(m_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {}
    std::cerr << "multitask-lab: interrupted\n";
    QCoreApplication::exit(130);
}

} // namespace mtlab
