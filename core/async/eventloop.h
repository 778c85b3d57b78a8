#pragma once

#include "asynctask.h"

#include <atomic>
#include <chrono>
#include <coroutine>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mtlab {

// asyncio's loop in C++: one OS thread runs ready coroutines and callbacks one at a time, in FIFO
// order, and sleeps in epoll_wait until a watched fd is ready, a timer is due or another thread
// posts work. Everything except post() and stop() must be called on the thread running the loop,
// which is what makes coroutine state free of data races.
//
// Built to drive libcurl's multi socket interface: CURLMOPT_SOCKETFUNCTION maps onto
// watch()/modify()/unwatch(), CURLMOPT_TIMERFUNCTION onto callLater()/cancelTimer(). Those may be
// called from inside a watch's own callback (curl removes a socket while handling its event).
// A callback that throws ends run() with its exception; the loop stays usable. A coroutine's
// exception stays in its task and reaches whoever awaits it.
class EventLoop
{
public:
    using Clock = std::chrono::steady_clock;
    using Callback = std::function<void()>;
    using IoCallback = std::function<void(unsigned events)>; // events: Io bits
    using WatchId = std::uint64_t;                           // never 0
    using TimerId = std::uint64_t;                           // never 0

    enum Io : unsigned { Read = 1u << 0, Write = 1u << 1, Error = 1u << 2 };

    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    // Runs until stop(). A stop() that came before run() makes it return at once.
    void run();
    // asyncio.run(main): runs until main ends or stop() is called. Returns whether main ended;
    // rethrows its exception. A stopped main is destroyed with every task it owns, and the jobs
    // they left in the ready queue are dropped, so the loop can be reused or destroyed safely.
    bool runUntilComplete(AsyncTask<void> main);

    // Any thread: queue a callback for the loop thread and wake it.
    void post(Callback callback);
    // Any thread: make run() return after the job it is running now.
    void stop();

    // Appends to the ready queue (asyncio's call_soon).
    void schedule(std::coroutine_handle<> coroutine);
    void callSoon(Callback callback);

    // One-shot timers; a callback runs from the ready queue once its deadline has passed.
    TimerId callAt(Clock::time_point deadline, Callback callback);
    TimerId callLater(Clock::duration delay, Callback callback);
    bool cancelTimer(TimerId timer); // false when it already fired or was cancelled

    // Level-triggered readiness of fd: callback(events) is called right after epoll_wait on every
    // turn while the fd is ready for something in interest (Error is always reported; interest 0
    // waits for errors only). One watch per fd; unwatch before closing the fd. Throws
    // std::system_error when epoll refuses the fd. Unknown ids are ignored.
    WatchId watch(int fd, unsigned interest, IoCallback callback);
    void modify(WatchId watch, unsigned interest);
    void unwatch(WatchId watch);

    class SleepAwaiter;
    class IoAwaiter;
    struct YieldAwaiter {
        EventLoop &loop;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> coroutine) { loop.schedule(coroutine); }
        void await_resume() const noexcept {}
    };

    // co_await loop.sleepFor(d): asyncio.sleep(d). Timers wake to the millisecond (epoll_wait's
    // resolution), never early.
    SleepAwaiter sleepFor(Clock::duration delay);
    SleepAwaiter sleepUntil(Clock::time_point deadline);
    // co_await loop.yield(): asyncio.sleep(0), back of the ready queue.
    YieldAwaiter yield() noexcept { return YieldAwaiter{*this}; }
    // co_await loop.readable(fd): suspends until fd is readable (or in error); returns Io bits.
    IoAwaiter readable(int fd);
    IoAwaiter writable(int fd);

    std::size_t readyCount() const noexcept { return m_ready.size(); }
    std::size_t timerCount() const noexcept { return m_timers.size(); }
    std::size_t watchCount() const noexcept { return m_watches.size(); }

private:
    // One entry of the ready queue: a coroutine to resume or a callback to call.
    struct Job {
        std::coroutine_handle<> coroutine;
        Callback callback;
    };
    struct Watch {
        int fd = -1;
        unsigned interest = 0;
        IoCallback callback;
    };
    using TimerKey = std::pair<Clock::time_point, TimerId>; // FIFO among equal deadlines

    void runWhileNot(const bool *done);
    bool finished(const bool *done) const noexcept;
    void runOnce(const bool *done);
    int pollTimeoutMs() const;
    void dispatchIo(int ready);
    void takePosted();
    void wake() noexcept;
    TimerId addTimer(Clock::time_point deadline, Job job);
    void dropCoroutines();

    int m_epoll = -1;
    int m_wakeFd = -1; // an eventfd: post() and stop() write it, epoll_wait returns
    std::deque<Job> m_ready;
    std::map<TimerKey, Job> m_timers;
    std::unordered_map<TimerId, Clock::time_point> m_timerDeadlines;
    TimerId m_nextTimer = 1;
    std::unordered_map<WatchId, Watch> m_watches;
    WatchId m_nextWatch = 1;
    std::atomic<bool> m_stopRequested{false};
    std::mutex m_postedMutex;
    std::vector<Callback> m_posted;
};

class EventLoop::SleepAwaiter
{
public:
    SleepAwaiter(EventLoop &loop, Clock::time_point deadline) noexcept
        : m_loop(loop)
        , m_deadline(deadline)
    {
    }
    SleepAwaiter(const SleepAwaiter &) = delete;
    SleepAwaiter &operator=(const SleepAwaiter &) = delete;
    // A coroutine destroyed while asleep takes its timer with it.
    ~SleepAwaiter() { m_loop.cancelTimer(m_timer); }

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> coroutine)
    {
        m_timer = m_loop.addTimer(m_deadline, Job{coroutine, {}});
    }
    void await_resume() noexcept { m_timer = 0; }

private:
    EventLoop &m_loop;
    Clock::time_point m_deadline;
    TimerId m_timer = 0;
};

class EventLoop::IoAwaiter
{
public:
    IoAwaiter(EventLoop &loop, int fd, unsigned interest) noexcept
        : m_loop(loop)
        , m_fd(fd)
        , m_interest(interest)
    {
    }
    IoAwaiter(const IoAwaiter &) = delete;
    IoAwaiter &operator=(const IoAwaiter &) = delete;
    ~IoAwaiter() { m_loop.unwatch(m_watch); }

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> coroutine)
    {
        m_watch = m_loop.watch(m_fd, m_interest, [this, coroutine](unsigned events) {
            m_events = events;
            m_loop.unwatch(std::exchange(m_watch, 0));
            m_loop.schedule(coroutine);
        });
    }
    unsigned await_resume() const noexcept { return m_events; }

private:
    EventLoop &m_loop;
    int m_fd;
    unsigned m_interest;
    WatchId m_watch = 0;
    unsigned m_events = 0;
};

inline EventLoop::SleepAwaiter EventLoop::sleepFor(Clock::duration delay)
{
    return SleepAwaiter(*this, Clock::now() + delay);
}

inline EventLoop::SleepAwaiter EventLoop::sleepUntil(Clock::time_point deadline)
{
    return SleepAwaiter(*this, deadline);
}

inline EventLoop::IoAwaiter EventLoop::readable(int fd)
{
    return IoAwaiter(*this, fd, Read);
}

inline EventLoop::IoAwaiter EventLoop::writable(int fd)
{
    return IoAwaiter(*this, fd, Write);
}

} // namespace mtlab
