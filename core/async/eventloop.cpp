#include "eventloop.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <system_error>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace mtlab {

namespace {

constexpr std::uint64_t WakeKey = 0; // epoll data of the eventfd; watch ids start at 1

[[noreturn]] void throwErrno(const char *what)
{
    throw std::system_error(errno, std::generic_category(), what);
}

std::uint32_t toEpoll(unsigned interest) noexcept
{
    std::uint32_t events = 0;
    if (interest & EventLoop::Read)
        events |= EPOLLIN;
    if (interest & EventLoop::Write)
        events |= EPOLLOUT;
    return events;
}

unsigned fromEpoll(std::uint32_t events) noexcept
{
    unsigned io = 0;
    // A hang-up reads as end of file, so the reader learns of it by reading.
    if (events & (EPOLLIN | EPOLLPRI | EPOLLHUP | EPOLLRDHUP))
        io |= EventLoop::Read;
    if (events & EPOLLOUT)
        io |= EventLoop::Write;
    if (events & EPOLLERR)
        io |= EventLoop::Error;
    return io;
}

// The coroutine that runUntilComplete() runs: main, then a note that it ended and how.
AsyncTask<void> complete(AsyncTask<void> main, bool &done, std::exception_ptr &error)
{
    try {
        co_await std::move(main);
    } catch (...) {
        error = std::current_exception();
    }
    done = true;
}

} // namespace

EventLoop::EventLoop()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        throwErrno("epoll_create1");
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0) {
        const int error = errno;
        ::close(m_epoll);
        throw std::system_error(error, std::generic_category(), "eventfd");
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = WakeKey;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) < 0) {
        const int error = errno;
        ::close(m_wakeFd);
        ::close(m_epoll);
        throw std::system_error(error, std::generic_category(), "epoll_ctl");
    }
}

EventLoop::~EventLoop()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

void EventLoop::run()
{
    runWhileNot(nullptr);
}

bool EventLoop::runUntilComplete(AsyncTask<void> main)
{
    bool done = false;
    std::exception_ptr error;
    {
        // Tears down on every way out, a callback's exception included: the task tree first (its
        // awaiters cancel their timers and watches), then the jobs that would resume its frames.
        struct Root {
            EventLoop &loop;
            AsyncTask<void> task;
            ~Root()
            {
                task = AsyncTask<void>();
                loop.dropCoroutines();
            }
        } root{*this, complete(std::move(main), done, error)};
        schedule(root.task.handle());
        runWhileNot(&done);
    }
    if (error)
        std::rethrow_exception(error);
    return done;
}

void EventLoop::post(Callback callback)
{
    bool wasEmpty = false;
    {
        std::lock_guard lock(m_postedMutex);
        wasEmpty = m_posted.empty();
        m_posted.push_back(std::move(callback));
    }
    // One wake-up per batch: the loop takes the whole batch after reading the eventfd.
    if (wasEmpty)
        wake();
}

void EventLoop::stop()
{
    m_stopRequested.store(true, std::memory_order_release);
    wake();
}

void EventLoop::schedule(std::coroutine_handle<> coroutine)
{
    m_ready.push_back(Job{coroutine, {}});
}

void EventLoop::callSoon(Callback callback)
{
    m_ready.push_back(Job{{}, std::move(callback)});
}

EventLoop::TimerId EventLoop::callAt(Clock::time_point deadline, Callback callback)
{
    return addTimer(deadline, Job{{}, std::move(callback)});
}

EventLoop::TimerId EventLoop::callLater(Clock::duration delay, Callback callback)
{
    return addTimer(Clock::now() + delay, Job{{}, std::move(callback)});
}

EventLoop::TimerId EventLoop::addTimer(Clock::time_point deadline, Job job)
{
    const TimerId id = m_nextTimer++;
    m_timers.emplace(TimerKey{deadline, id}, std::move(job));
    m_timerDeadlines.emplace(id, deadline);
    return id;
}

bool EventLoop::cancelTimer(TimerId timer)
{
    const auto it = m_timerDeadlines.find(timer);
    if (it == m_timerDeadlines.end())
        return false;
    m_timers.erase(TimerKey{it->second, timer});
    m_timerDeadlines.erase(it);
    return true;
}

EventLoop::WatchId EventLoop::watch(int fd, unsigned interest, IoCallback callback)
{
    const WatchId id = m_nextWatch++;
    epoll_event event{};
    event.events = toEpoll(interest);
    event.data.u64 = id;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) < 0)
        throwErrno("epoll_ctl(ADD)");
    m_watches.emplace(id, Watch{fd, interest, std::move(callback)});
    return id;
}

void EventLoop::modify(WatchId watch, unsigned interest)
{
    const auto it = m_watches.find(watch);
    if (it == m_watches.end() || it->second.interest == interest)
        return;
    epoll_event event{};
    event.events = toEpoll(interest);
    event.data.u64 = watch;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, it->second.fd, &event) < 0)
        throwErrno("epoll_ctl(MOD)");
    it->second.interest = interest;
}

void EventLoop::unwatch(WatchId watch)
{
    const auto it = m_watches.find(watch);
    if (it == m_watches.end())
        return;
    // Fails harmlessly when the fd was closed already; the kernel dropped it then.
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, it->second.fd, nullptr);
    m_watches.erase(it);
}

void EventLoop::runWhileNot(const bool *done)
{
    // A stop() ends this run only; the next run starts afresh (asyncio's run_forever does so too).
    struct ClearStop {
        std::atomic<bool> &flag;
        ~ClearStop() { flag.store(false, std::memory_order_relaxed); }
    } clearStop{m_stopRequested};
    while (!finished(done))
        runOnce(done);
}

bool EventLoop::finished(const bool *done) const noexcept
{
    return (done && *done) || m_stopRequested.load(std::memory_order_acquire);
}

// One turn of asyncio's _run_once: wait for I/O or the next timer, dispatch I/O, move due timers
// to the ready queue, then run the jobs that were ready when the turn began (later ones wait for
// the next turn, so a coroutine that keeps yielding cannot starve I/O).
void EventLoop::runOnce(const bool *done)
{
    std::array<epoll_event, 64> events;
    const int ready = ::epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()), pollTimeoutMs());
    if (ready < 0 && errno != EINTR)
        throwErrno("epoll_wait");
    // A stop ends the batch too: the events left are level-triggered, the next run sees them.
    for (int i = 0; i < ready && !finished(done); ++i) {
        const std::uint64_t key = events[static_cast<std::size_t>(i)].data.u64;
        if (key == WakeKey) {
            takePosted();
            continue;
        }
        const auto it = m_watches.find(key);
        if (it == m_watches.end())
            continue; // unwatched by an earlier callback of this batch
        // A copy: the callback may unwatch itself, which destroys the stored one.
        const IoCallback callback = it->second.callback;
        callback(fromEpoll(events[static_cast<std::size_t>(i)].events));
    }

    const Clock::time_point now = Clock::now();
    while (!m_timers.empty() && m_timers.begin()->first.first <= now) {
        auto node = m_timers.extract(m_timers.begin());
        m_timerDeadlines.erase(node.key().second);
        m_ready.push_back(std::move(node.mapped()));
    }

    for (std::size_t todo = m_ready.size(); todo > 0 && !finished(done); --todo) {
        Job job = std::move(m_ready.front());
        m_ready.pop_front();
        if (job.coroutine)
            job.coroutine.resume();
        else
            job.callback();
    }
}

int EventLoop::pollTimeoutMs() const
{
    if (!m_ready.empty())
        return 0;
    if (m_timers.empty())
        return -1;
    const Clock::duration left = m_timers.begin()->first.first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    // Rounded up: waking before the deadline would only spin through an empty turn.
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return static_cast<int>(std::min<decltype(ms)>(ms, INT_MAX));
}

void EventLoop::takePosted()
{
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_wakeFd, &count, sizeof count);
    std::vector<Callback> posted;
    {
        std::lock_guard lock(m_postedMutex);
        posted.swap(m_posted);
    }
    for (Callback &callback : posted)
        m_ready.push_back(Job{{}, std::move(callback)});
}

void EventLoop::wake() noexcept
{
    const std::uint64_t one = 1;
    // Only EAGAIN can fail here (the counter is full), and then the loop is awake anyway.
    [[maybe_unused]] const ssize_t put = ::write(m_wakeFd, &one, sizeof one);
}

void EventLoop::dropCoroutines()
{
    std::erase_if(m_ready, [](const Job &job) { return static_cast<bool>(job.coroutine); });
}

} // namespace mtlab
