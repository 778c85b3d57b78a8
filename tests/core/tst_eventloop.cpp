#include "asyncsemaphore.h"
#include "asynctask.h"
#include "eventloop.h"
#include "gather.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/eventfd.h>
#include <unistd.h>

using namespace mtlab;
using namespace std::chrono_literals;

class TestEventLoop : public QObject
{
    Q_OBJECT

private slots:
    void readyQueueIsFifo_data();
    void readyQueueIsFifo();
    void sleepersWakeInDeadlineOrder();
    void callbackTimersCanBeCancelled();
    void awaitsAPipe();
    void watchCallbacksFollowModifyAndUnwatch();
    void staleEventOfAReplacedFdIsDropped();
    void postFromAnotherThreadWakesTheLoop();
    void stopFromAnotherThreadEndsRun();
    void stopBeforeRunReturnsAtOnce();
    void semaphoreLimitsConcurrency_data();
    void semaphoreLimitsConcurrency();
    void awaitedExceptionReachesTheAwaiter();
    void mainExceptionLeavesRunUntilComplete();
    void gatherWaitsForAllThenRethrows();
    void stoppedMainIsTornDown();
    void gatherReturnsResultsInOrder();
};

namespace {

AsyncTask<void> appendTwice(EventLoop &loop, std::vector<int> &order, int id)
{
    order.push_back(id);
    co_await loop.yield();
    order.push_back(id);
}

AsyncTask<void> sleepThenAppend(EventLoop &loop, std::vector<int> &order, int ms)
{
    co_await loop.sleepFor(std::chrono::milliseconds(ms));
    order.push_back(ms);
}

AsyncTask<int> square(EventLoop &loop, int x)
{
    co_await loop.yield();
    const int squared = x * x;
    co_return squared;
}

AsyncTask<void> failAfterYield(EventLoop &loop)
{
    co_await loop.yield();
    throw std::runtime_error("boom");
}

AsyncTask<void> catchFailure(EventLoop &loop, std::string &caught)
{
    try {
        co_await failAfterYield(loop);
    } catch (const std::runtime_error &error) {
        caught = error.what();
    }
}

AsyncTask<void> readOnce(EventLoop &loop, int fd, unsigned &events, std::string &got)
{
    events = co_await loop.readable(fd);
    char buffer[16] = {};
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    got.assign(buffer, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
}

AsyncTask<void> writeLater(EventLoop &loop, int fd, ssize_t &written)
{
    co_await loop.sleepFor(2ms);
    written = ::write(fd, "ping", 4);
}

AsyncTask<void> waitReadable(EventLoop &loop, int fd)
{
    co_await loop.readable(fd);
}

AsyncTask<void> stopInTheMiddle(EventLoop &loop)
{
    co_await loop.yield();
    loop.stop();
    co_await loop.yield();
}

AsyncTask<void> squares(EventLoop &loop, std::vector<int> &results)
{
    std::vector<AsyncTask<int>> all;
    for (int i = 0; i < 5; ++i)
        all.push_back(square(loop, i));
    results = co_await gather(loop, std::move(all));
}

struct Concurrency {
    int now = 0;
    int max = 0;
};

AsyncTask<void> holdPermit(EventLoop &loop, AsyncSemaphore &semaphore, Concurrency &c)
{
    co_await semaphore.acquire();
    c.max = std::max(c.max, ++c.now);
    co_await loop.yield();
    co_await loop.sleepFor(1ms);
    --c.now;
    semaphore.release();
}

} // namespace

void TestEventLoop::readyQueueIsFifo_data()
{
    QTest::addColumn<int>("tasks");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("50") << 50;
}

void TestEventLoop::readyQueueIsFifo()
{
    QFETCH(int, tasks);
    EventLoop loop;
    std::vector<int> order;
    std::vector<AsyncTask<void>> all;
    for (int i = 0; i < tasks; ++i)
        all.push_back(appendTwice(loop, order, i));
    QVERIFY(loop.runUntilComplete(gather(loop, std::move(all))));
    // Each task's first step in creation order, then each second step in the same order.
    std::vector<int> expected;
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < tasks; ++i)
            expected.push_back(i);
    QCOMPARE(order, expected);
    QCOMPARE(loop.readyCount(), std::size_t(0));
}

void TestEventLoop::sleepersWakeInDeadlineOrder()
{
    EventLoop loop;
    std::vector<int> order;
    std::vector<AsyncTask<void>> all;
    for (int ms : {30, 10, 20})
        all.push_back(sleepThenAppend(loop, order, ms));
    QVERIFY(loop.runUntilComplete(gather(loop, std::move(all))));
    QCOMPARE(order, (std::vector<int>{10, 20, 30}));
    QCOMPARE(loop.timerCount(), std::size_t(0));
}

void TestEventLoop::callbackTimersCanBeCancelled()
{
    EventLoop loop;
    std::vector<int> fired;
    loop.callLater(5ms, [&] { fired.push_back(5); });
    const EventLoop::TimerId cancelled = loop.callLater(1ms, [&] { fired.push_back(1); });
    loop.callLater(10ms, [&] {
        fired.push_back(10);
        loop.stop();
    });
    QVERIFY(loop.cancelTimer(cancelled));
    QVERIFY(!loop.cancelTimer(cancelled));
    loop.callSoon([&] { fired.push_back(0); });
    loop.run();
    QCOMPARE(fired, (std::vector<int>{0, 5, 10}));
    QCOMPARE(loop.timerCount(), std::size_t(0));
}

void TestEventLoop::awaitsAPipe()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    EventLoop loop;
    unsigned events = 0;
    std::string got;
    ssize_t written = 0;
    std::vector<AsyncTask<void>> all;
    all.push_back(readOnce(loop, fds[0], events, got));
    all.push_back(writeLater(loop, fds[1], written));
    QVERIFY(loop.runUntilComplete(gather(loop, std::move(all))));
    QCOMPARE(written, ssize_t(4));
    QCOMPARE(events, unsigned(EventLoop::Read));
    QCOMPARE(got, std::string("ping"));
    QCOMPARE(loop.watchCount(), std::size_t(0));
    ::close(fds[0]);
    ::close(fds[1]);
}

void TestEventLoop::watchCallbacksFollowModifyAndUnwatch()
{
    const int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    QVERIFY(fd >= 0);
    EventLoop loop;
    std::vector<unsigned> seen;
    std::uint64_t value = 0;
    EventLoop::WatchId id = 0;
    // An eventfd is always writable: the first call sees Write, then asks for Read only, which
    // comes once a timer has written the counter; reading it back and unwatching ends it.
    id = loop.watch(fd, EventLoop::Write, [&](unsigned events) {
        seen.push_back(events);
        if (seen.size() == 1) {
            loop.modify(id, EventLoop::Read);
            loop.callLater(1ms, [fd] {
                const std::uint64_t seven = 7;
                [[maybe_unused]] const ssize_t put = ::write(fd, &seven, sizeof seven);
            });
            return;
        }
        [[maybe_unused]] const ssize_t got = ::read(fd, &value, sizeof value);
        loop.unwatch(id);
        loop.stop();
    });
    loop.run();
    QCOMPARE(seen, (std::vector<unsigned>{EventLoop::Write, EventLoop::Read}));
    QCOMPARE(value, std::uint64_t(7));
    QCOMPARE(loop.watchCount(), std::size_t(0));
    ::close(fd);
}

void TestEventLoop::staleEventOfAReplacedFdIsDropped()
{
    // What libcurl does from inside curl_multi_socket_action: remove a socket, close it and open
    // a new one, which gets the same number. An event the old socket had in the same epoll batch
    // must not reach the old callback, nor the new one.
    constexpr int Flags = EFD_NONBLOCK | EFD_CLOEXEC;
    int fds[2] = {::eventfd(1, Flags), ::eventfd(1, Flags)};
    QVERIFY(fds[0] >= 0 && fds[1] >= 0);
    EventLoop loop;
    EventLoop::WatchId ids[2] = {};
    int calls[2] = {};
    int replacementCalls = 0;
    bool replaced = false;
    for (int i = 0; i < 2; ++i) {
        ids[i] = loop.watch(fds[i], EventLoop::Read, [&, i](unsigned) {
            ++calls[i];
            if (replaced)
                return;
            replaced = true;
            const int other = 1 - i;
            loop.unwatch(ids[other]);
            ::close(fds[other]);
            fds[other] = ::eventfd(1, Flags);
            ids[other] = loop.watch(fds[other], EventLoop::Read, [&](unsigned) {
                ++replacementCalls;
                loop.stop();
            });
        });
    }
    loop.run();
    QVERIFY(replaced);
    QCOMPARE(std::min(calls[0], calls[1]), 0);
    QCOMPARE(replacementCalls, 1);
    QCOMPARE(loop.watchCount(), std::size_t(2));
    for (int i = 0; i < 2; ++i) {
        loop.unwatch(ids[i]);
        ::close(fds[i]);
    }
    QCOMPARE(loop.watchCount(), std::size_t(0));
}

void TestEventLoop::postFromAnotherThreadWakesTheLoop()
{
    EventLoop loop;
    std::thread::id ranOn;
    std::jthread poster([&] {
        loop.post([&] {
            ranOn = std::this_thread::get_id();
            loop.stop();
        });
    });
    // No timers and nothing ready: only the post can wake this run.
    loop.run();
    QCOMPARE(ranOn, std::this_thread::get_id());
}

void TestEventLoop::stopFromAnotherThreadEndsRun()
{
    EventLoop loop;
    std::atomic<bool> running{false};
    loop.callSoon([&] { running = true; });
    std::jthread stopper([&] {
        while (!running)
            std::this_thread::sleep_for(1ms);
        loop.stop();
    });
    loop.run();
    QVERIFY(running);
}

void TestEventLoop::stopBeforeRunReturnsAtOnce()
{
    EventLoop loop;
    bool ran = false;
    loop.callSoon([&] { ran = true; });
    loop.stop();
    loop.run();
    QVERIFY(!ran);
    // The stop was used up: the next run goes on until the next stop.
    loop.callSoon([&] { loop.stop(); });
    loop.run();
    QVERIFY(ran);
}

void TestEventLoop::semaphoreLimitsConcurrency_data()
{
    QTest::addColumn<int>("permits");
    QTest::addColumn<int>("tasks");
    QTest::newRow("1 of 5") << 1 << 5;
    QTest::newRow("3 of 10") << 3 << 10;
    QTest::newRow("10 of 4") << 10 << 4;
}

void TestEventLoop::semaphoreLimitsConcurrency()
{
    QFETCH(int, permits);
    QFETCH(int, tasks);
    EventLoop loop;
    AsyncSemaphore semaphore(loop, permits);
    Concurrency c;
    std::vector<AsyncTask<void>> all;
    for (int i = 0; i < tasks; ++i)
        all.push_back(holdPermit(loop, semaphore, c));
    QVERIFY(loop.runUntilComplete(gather(loop, std::move(all))));
    QCOMPARE(c.max, std::min(permits, tasks));
    QCOMPARE(c.now, 0);
    QCOMPARE(semaphore.available(), std::ptrdiff_t(permits));
    QCOMPARE(semaphore.waiting(), std::size_t(0));
}

void TestEventLoop::awaitedExceptionReachesTheAwaiter()
{
    EventLoop loop;
    std::string caught;
    QVERIFY(loop.runUntilComplete(catchFailure(loop, caught)));
    QCOMPARE(caught, std::string("boom"));
}

void TestEventLoop::mainExceptionLeavesRunUntilComplete()
{
    EventLoop loop;
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, loop.runUntilComplete(failAfterYield(loop)));
    // The loop is still usable afterwards.
    std::vector<int> order;
    QVERIFY(loop.runUntilComplete(sleepThenAppend(loop, order, 1)));
    QCOMPARE(order, std::vector<int>{1});
}

void TestEventLoop::gatherWaitsForAllThenRethrows()
{
    EventLoop loop;
    std::vector<int> order;
    std::vector<AsyncTask<void>> all;
    all.push_back(sleepThenAppend(loop, order, 5));
    all.push_back(failAfterYield(loop));
    all.push_back(sleepThenAppend(loop, order, 1));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, loop.runUntilComplete(gather(loop, std::move(all))));
    QCOMPARE(order, (std::vector<int>{1, 5}));
}

void TestEventLoop::stoppedMainIsTornDown()
{
    // Stopped with coroutines asleep, waiting for a permit, waiting on a pipe and ready to run:
    // tearing them down must leave no timer, watch or frame behind (ASan checks the frames).
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    EventLoop loop;
    AsyncSemaphore semaphore(loop, 1);
    Concurrency c;
    std::vector<int> order;
    std::vector<AsyncTask<void>> all;
    all.push_back(sleepThenAppend(loop, order, 10'000));
    for (int i = 0; i < 3; ++i)
        all.push_back(holdPermit(loop, semaphore, c));
    all.push_back(waitReadable(loop, fds[0]));
    all.push_back(stopInTheMiddle(loop));
    QVERIFY(!loop.runUntilComplete(gather(loop, std::move(all))));
    QVERIFY(order.empty());
    QCOMPARE(c.max, 1);
    QCOMPARE(loop.timerCount(), std::size_t(0));
    QCOMPARE(loop.watchCount(), std::size_t(0));
    QCOMPARE(loop.readyCount(), std::size_t(0));
    QCOMPARE(semaphore.waiting(), std::size_t(0));
    ::close(fds[0]);
    ::close(fds[1]);
}

void TestEventLoop::gatherReturnsResultsInOrder()
{
    EventLoop loop;
    std::vector<int> results;
    QVERIFY(loop.runUntilComplete(squares(loop, results)));
    QCOMPARE(results, (std::vector<int>{0, 1, 4, 9, 16}));
}

QTEST_APPLESS_MAIN(TestEventLoop)
#include "tst_eventloop.moc"
