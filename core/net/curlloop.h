#pragma once

#include "arrivalstamps.h"
#include "eventloop.h"
#include "experiment.h"
#include "httpsession.h"

#include <coroutine>
#include <memory>
#include <unordered_map>
#include <vector>

namespace mtlab {

class Recorder;

// libcurl's multi interface driven by the event loop, as aiohttp is by asyncio: curl tells which
// sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to call back (CURLMOPT_TIMERFUNCTION); the
// loop's epoll reports readiness and curl_multi_socket_action moves the transfers on. One multi
// handle, shared by every download of the loop, keeps the connections for reuse: the shared
// aiohttp.ClientSession. Loop thread only.
class CurlLoop
{
public:
    // recorder: where the loop's time inside libcurl (connecting, sending, receiving, closing for
    // every transfer at once) goes, as cpu spans of no one task; null to record nothing.
    CurlLoop(EventLoop &loop, const IoOptions &options, Recorder *recorder = nullptr);
    ~CurlLoop();
    CurlLoop(const CurlLoop &) = delete;
    CurlLoop &operator=(const CurlLoop &) = delete;

    class Transfer;
    // co_await curlLoop.get(url): the download runs while the coroutine waits; resumes with the
    // finished Download. A coroutine destroyed while waiting takes its transfer off the multi handle.
    Transfer get(const std::string &url);

    // Handles made so far: a finished download's handle serves the next one.
    std::size_t handleCount() const noexcept { return m_handles; }

private:
    static int onSocket(CURL *easy, int fd, int what, void *self, void *socketData);
    static int onTimer(CURLM *multi, long timeoutMs, void *self);
    void act(int fd, int mask);
    void collectFinished();
    std::unique_ptr<EasyHandle> takeHandle();

    EventLoop &m_loop;
    IoOptions m_options;
    Recorder *m_recorder;
    CURLM *m_multi;
    std::unordered_map<int, EventLoop::WatchId> m_watches;
    std::unordered_map<CURL *, Transfer *> m_transfers; // from start until the coroutine resumes
    // Finished handles, still added to the multi handle. Removing a handle makes libcurl 7.88
    // walk every cached connection (it looks for connect-only ones to close), which is quadratic
    // when thousands finish; so a handle is only removed when it is taken for the next download,
    // and the rest leave with curl_multi_cleanup, which detaches them without that walk.
    std::vector<std::unique_ptr<EasyHandle>> m_parked;
    std::size_t m_handles = 0;
    EventLoop::TimerId m_timer = 0;
    std::size_t m_idle = 0; // connections left by transfers that ended well, not yet taken again
    // With a hog on the loop, when the answers really came (ArrivalStamps says why).
    std::unique_ptr<ArrivalStamps> m_arrivals;
};

class CurlLoop::Transfer
{
public:
    Transfer(CurlLoop &owner, const std::string &url) noexcept
        : m_owner(&owner)
        , m_url(url)
    {
    }
    Transfer(const Transfer &) = delete;
    Transfer &operator=(const Transfer &) = delete;
    ~Transfer();

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> waiter);
    Download await_resume();

private:
    friend class CurlLoop;
    CurlLoop *m_owner;        // null once the loop is gone
    const std::string &m_url; // read when the transfer starts: the caller's string outlives the co_await
    std::unique_ptr<EasyHandle> m_easy;
    std::coroutine_handle<> m_waiter;
    std::int64_t m_added = 0;
    std::int64_t m_done = 0; // when the multi handle reported it done: the task is ready from then
    int m_result = 0;
    bool m_running = false;
};

} // namespace mtlab
