#pragma once

#include "eventloop.h"

#include <coroutine>
#include <unordered_map>

typedef void CURL;
typedef void CURLM;

namespace mtlab {

// libcurl's multi interface driven by the event loop, as aiohttp is by asyncio: curl tells which
// sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to call back (CURLMOPT_TIMERFUNCTION); the
// loop's epoll reports readiness and curl_multi_socket_action moves the transfers on. One multi
// handle, shared by every download of the loop, keeps the connections for reuse: the shared
// aiohttp.ClientSession. Loop thread only.
class CurlLoop
{
public:
    explicit CurlLoop(EventLoop &loop);
    ~CurlLoop();
    CurlLoop(const CurlLoop &) = delete;
    CurlLoop &operator=(const CurlLoop &) = delete;

    class Transfer;
    // co_await curlLoop.transfer(easy): the download runs while the coroutine waits; resumes with
    // its CURLcode. A coroutine destroyed while waiting takes its transfer off the multi handle.
    // reuse: the transfer may take an idle connection of an earlier one.
    Transfer transfer(CURL *easy, bool reuse);

private:
    static int onSocket(CURL *easy, int fd, int what, void *self, void *socketData);
    static int onTimer(CURLM *multi, long timeoutMs, void *self);
    void act(int fd, int mask);
    void collectFinished();

    EventLoop &m_loop;
    CURLM *m_multi;
    std::unordered_map<int, EventLoop::WatchId> m_watches;
    std::unordered_map<CURL *, Transfer *> m_transfers;
    EventLoop::TimerId m_timer = 0;
    std::size_t m_idle = 0; // connections left by transfers that ended well, not yet taken again
};

class CurlLoop::Transfer
{
public:
    Transfer(CurlLoop &owner, CURL *easy, bool reuse) noexcept
        : m_owner(owner)
        , m_easy(easy)
        , m_reuse(reuse)
    {
    }
    Transfer(const Transfer &) = delete;
    Transfer &operator=(const Transfer &) = delete;
    ~Transfer();

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> waiter);
    int await_resume() const noexcept { return m_result; }

private:
    friend class CurlLoop;
    CurlLoop &m_owner;
    CURL *m_easy;
    std::coroutine_handle<> m_waiter;
    int m_result = 0;
    bool m_running = false;
    bool m_reuse;
};

} // namespace mtlab
