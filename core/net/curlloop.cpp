#include "curlloop.h"

#include "clock.h"
#include "recorder.h"

#include <curl/curl.h>

#include <stdexcept>

namespace mtlab {

CurlLoop::CurlLoop(EventLoop &loop, const IoOptions &options, Recorder *recorder)
    : m_loop(loop)
    , m_options(options)
    , m_recorder(recorder)
    , m_multi(curl_multi_init())
{
    if (!m_multi)
        throw std::runtime_error("libcurl could not make a multi handle");
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlLoop::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlLoop::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    // By default the cache holds four connections per handle still added; as the last transfers
    // finish that limit drops below the idle connections, and every finish then walks them all
    // to close the oldest. Each in-flight download already owns a socket, so keep them all.
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, 1L << 20);
    if (options.hogMs > 0)
        m_arrivals = std::make_unique<ArrivalStamps>();
}

CurlLoop::~CurlLoop()
{
    // Downloads not yet resumed outlive the loop in their coroutine frames and keep their handle.
    for (auto &[easy, transfer] : m_transfers) {
        if (transfer->m_running)
            curl_multi_remove_handle(m_multi, easy);
        transfer->m_running = false;
        transfer->m_owner = nullptr;
    }
    for (const auto &[fd, watch] : m_watches)
        m_loop.unwatch(watch);
    m_watches.clear();
    m_loop.cancelTimer(m_timer);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, nullptr);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, nullptr);
    curl_multi_cleanup(m_multi); // detaches the parked handles, freed after it with m_parked
}

CurlLoop::Transfer CurlLoop::get(const std::string &url)
{
    return Transfer(*this, url);
}

std::unique_ptr<EasyHandle> CurlLoop::takeHandle()
{
    if (m_parked.empty()) {
        ++m_handles;
        auto easy = std::make_unique<EasyHandle>(m_options);
        easy->stampArrivals(m_arrivals.get());
        return easy;
    }
    std::unique_ptr<EasyHandle> easy = std::move(m_parked.back());
    m_parked.pop_back();
    curl_multi_remove_handle(m_multi, easy->handle());
    return easy;
}

int CurlLoop::onSocket(CURL *, int fd, int what, void *self, void *)
{
    auto *me = static_cast<CurlLoop *>(self);
    const auto found = me->m_watches.find(fd);
    if (what == CURL_POLL_REMOVE) {
        if (found != me->m_watches.end()) {
            me->m_loop.unwatch(found->second);
            me->m_watches.erase(found);
        }
        return 0;
    }
    unsigned interest = 0;
    if (what == CURL_POLL_IN || what == CURL_POLL_INOUT)
        interest |= EventLoop::Read;
    if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT)
        interest |= EventLoop::Write;
    if (found != me->m_watches.end()) {
        me->m_loop.modify(found->second, interest);
        return 0;
    }
    me->m_watches.emplace(fd, me->m_loop.watch(fd, interest, [me, fd](unsigned events) {
        int mask = 0;
        if (events & EventLoop::Read)
            mask |= CURL_CSELECT_IN;
        if (events & EventLoop::Write)
            mask |= CURL_CSELECT_OUT;
        if (events & EventLoop::Error)
            mask |= CURL_CSELECT_ERR;
        me->act(fd, mask);
    }));
    return 0;
}

// curl asks to be called back after timeoutMs (-1: never). It must not be called from inside
// this function, so even "now" goes through the loop.
int CurlLoop::onTimer(CURLM *, long timeoutMs, void *self)
{
    auto *me = static_cast<CurlLoop *>(self);
    me->m_loop.cancelTimer(me->m_timer);
    me->m_timer = 0;
    if (timeoutMs >= 0)
        me->m_timer = me->m_loop.callLater(std::chrono::milliseconds(timeoutMs), [me] {
            me->m_timer = 0;
            me->act(CURL_SOCKET_TIMEOUT, 0);
        });
    return 0;
}

void CurlLoop::act(int fd, int mask)
{
    const std::int64_t begin = m_recorder ? nowNs() : 0;
    if (m_arrivals)
        m_arrivals->aboutToRead(mask & CURL_CSELECT_IN ? fd : -1);
    int running = 0;
    curl_multi_socket_action(m_multi, fd, mask, &running);
    collectFinished();
    if (m_recorder)
        m_recorder->record(State::Cpu, -1, begin, nowNs());
}

void CurlLoop::collectFinished()
{
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        const auto found = m_transfers.find(message->easy_handle);
        if (found == m_transfers.end() || !found->second->m_running)
            continue;
        Transfer *transfer = found->second;
        if (message->data.result == CURLE_OK && m_options.reuse)
            ++m_idle;
        transfer->m_running = false;
        transfer->m_result = message->data.result;
        transfer->m_done = nowNs();
        m_loop.schedule(transfer->m_waiter);
    }
}

void CurlLoop::Transfer::await_suspend(std::coroutine_handle<> waiter)
{
    m_waiter = waiter;
    m_easy = m_owner->takeHandle();
    m_easy->prepare(m_url);
    // libcurl looks for an idle connection by walking every connection to the host, busy ones
    // too: with thousands in flight that walk is quadratic and takes seconds. When no transfer
    // has left a connection idle, there is none to find, so skip the walk.
    if (m_owner->m_options.reuse) {
        const bool idle = m_owner->m_idle > 0;
        m_owner->m_idle -= idle ? 1 : 0;
        curl_easy_setopt(m_easy->handle(), CURLOPT_FRESH_CONNECT, idle ? 0L : 1L);
    }
    m_running = true;
    m_owner->m_transfers.emplace(m_easy->handle(), this);
    curl_multi_add_handle(m_owner->m_multi, m_easy->handle());
    m_added = nowNs();
}

Download CurlLoop::Transfer::await_resume()
{
    // finish() stamps the end as it reads the timings: that is when the loop got round to this
    // task, not when libcurl had the answer. The time in between the task spent ready.
    Download d = m_easy->finish(m_result);
    d.resumed = d.end;
    d.end = m_done;
    d.added = m_added;
    // Earlier still when the answer lay unread in its socket while a hog held the loop.
    m_easy->endAtArrival(d);
    return d;
}

CurlLoop::Transfer::~Transfer()
{
    if (!m_owner || !m_easy)
        return;
    m_owner->m_transfers.erase(m_easy->handle());
    if (m_running) {
        curl_multi_remove_handle(m_owner->m_multi, m_easy->handle());
        return; // a cancelled handle is simply freed: it is no longer added
    }
    m_owner->m_parked.push_back(std::move(m_easy));
}

} // namespace mtlab
