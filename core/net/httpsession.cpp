#include "httpsession.h"

#include "arrivalstamps.h"
#include "bytesum.h"
#include "clock.h"
#include "curlloop.h"

#include <curl/curl.h>

#include <sys/socket.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace mtlab {

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::int64_t infoNs(CURL *easy, CURLINFO what)
{
    curl_off_t us = 0;
    curl_easy_getinfo(easy, what, &us);
    return static_cast<std::int64_t>(us) * 1000;
}

// A short reason per cause, so that failures can be counted by reason.
std::string reasonFor(CURLcode code, std::int64_t received)
{
    switch (code) {
    case CURLE_URL_MALFORMAT:
        return "malformed URL";
    case CURLE_UNSUPPORTED_PROTOCOL:
        return "unsupported scheme";
    case CURLE_COULDNT_RESOLVE_HOST:
        return "unknown host";
    case CURLE_COULDNT_CONNECT:
        return "connection refused";
    case CURLE_OPERATION_TIMEDOUT:
        return received > 0 ? "stalled mid-body" : "timeout";
    case CURLE_FILESIZE_EXCEEDED:
        return "body too large";
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
        return "connection reset";
    case CURLE_PARTIAL_FILE:
        return "body cut short";
    case CURLE_PEER_FAILED_VERIFICATION:
        return "untrusted certificate";
    case CURLE_SSL_CONNECT_ERROR:
        return "TLS handshake failed";
    default:
        return curl_easy_strerror(code);
    }
}

// A connection closes with a reset instead of a FIN once its session is done with it, so a run
// leaves no TIME_WAIT sockets behind: ten thousand of those per run would slow every connect of
// the next run, which has to search past them for a free port.
// With arrival stamps (the socket data), the kernel also stamps what arrives.
int configureSocket(void *stampArrivals, curl_socket_t fd, curlsocktype)
{
    const linger abortive{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    if (stampArrivals)
        ArrivalStamps::enable(fd);
    return CURL_SOCKOPT_OK;
}

} // namespace

EasyHandle::EasyHandle(const IoOptions &options)
    : m_maxBody(std::int64_t{options.maxBodyMb} << 20)
{
    initCurlOnce();
    m_easy = curl_easy_init();
    if (!m_easy)
        throw std::runtime_error("libcurl could not make a handle");
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &EasyHandle::write);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer);
    // HTTP(S) only, also for a redirect should one ever be followed: a server's Location must
    // not make a download read a local file or speak another protocol.
    curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeoutMs));
    curl_easy_setopt(m_easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_maxBody));
    curl_easy_setopt(m_easy, CURLOPT_USERAGENT, "multitask-lab");
    // libcurl keeps a receive buffer per handle (16 KB by default), and under the event loop every
    // download in flight holds one: 8 KB halves that fresh memory for a few more reads per body.
    curl_easy_setopt(m_easy, CURLOPT_BUFFERSIZE, 8192L);
    curl_easy_setopt(m_easy, CURLOPT_SOCKOPTFUNCTION, &configureSocket);
    if (!options.serverCertificate.empty()) {
        // Our embedded server's own certificate, and nothing else: no system CA can vouch for it,
        // and it vouches for nothing else. Peer and host checks stay on, as always.
        curl_easy_setopt(m_easy, CURLOPT_CAINFO, options.serverCertificate.c_str());
        curl_easy_setopt(m_easy, CURLOPT_CAPATH, nullptr);
        curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYHOST, 2L);
    }
    if (!options.reuse) {
        curl_easy_setopt(m_easy, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(m_easy, CURLOPT_FORBID_REUSE, 1L);
    }
}

EasyHandle::~EasyHandle()
{
    curl_easy_cleanup(m_easy);
}

void EasyHandle::prepare(const std::string &url)
{
    m_bytes = 0;
    m_byteSum = 0;
    m_overflow = false;
    m_arrived = 0;
    m_errorBuffer[0] = '\0';
    curl_easy_setopt(m_easy, CURLOPT_URL, url.c_str());
}

std::size_t EasyHandle::write(char *data, std::size_t size, std::size_t count, void *self)
{
    auto *me = static_cast<EasyHandle *>(self);
    const std::size_t bytes = size * count;
    // A body without a Content-Length can only be capped here, as it arrives.
    if (me->m_bytes + static_cast<std::int64_t>(bytes) > me->m_maxBody) {
        me->m_overflow = true;
        return 0;
    }
    if (me->m_arrivals && me->m_arrivals->current() > 0)
        me->m_arrived = me->m_arrivals->current();
    me->m_bytes += static_cast<std::int64_t>(bytes);
    me->m_byteSum += byteSum(reinterpret_cast<const unsigned char *>(data), bytes);
    return bytes;
}

Download EasyHandle::finish(int curlCode)
{
    Download d;
    d.end = nowNs();
    const auto code = static_cast<CURLcode>(curlCode);
    long connects = 0;
    curl_easy_getinfo(m_easy, CURLINFO_NUM_CONNECTS, &connects);
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &d.status);
    d.newConnection = connects > 0;
    // libcurl's phase ends are cumulative from the transfer's start; keep them ordered even
    // where a phase did not happen (a reused connection has no dns or connect).
    d.dnsEnd = infoNs(m_easy, CURLINFO_NAMELOOKUP_TIME_T);
    d.connectEnd = std::max(d.dnsEnd, infoNs(m_easy, CURLINFO_CONNECT_TIME_T));
    d.tlsEnd = std::max(d.connectEnd, infoNs(m_easy, CURLINFO_APPCONNECT_TIME_T));
    d.waitEnd = std::max(d.tlsEnd, infoNs(m_easy, CURLINFO_STARTTRANSFER_TIME_T));
    d.total = std::max(d.waitEnd, infoNs(m_easy, CURLINFO_TOTAL_TIME_T));
    d.bytes = m_bytes;
    d.byteSum = m_byteSum;

    if (code == CURLE_OK && d.status >= 400) {
        d.error = "HTTP " + std::to_string(d.status);
        d.detail = "the server answered with status " + std::to_string(d.status);
    } else if (code == CURLE_WRITE_ERROR && m_overflow) {
        d.error = "body too large";
        d.detail = "the body is larger than the " + std::to_string(m_maxBody >> 20) + " MB cap";
    } else if (code != CURLE_OK) {
        d.error = reasonFor(code, d.bytes);
        d.detail = m_errorBuffer[0] ? std::string(m_errorBuffer) : std::string(curl_easy_strerror(code));
        if (code == CURLE_FILESIZE_EXCEEDED)
            d.detail = "the body is larger than the " + std::to_string(m_maxBody >> 20) + " MB cap";
    } else {
        d.ok = true;
    }
    return d;
}

void EasyHandle::endAtArrival(Download &d) const
{
    // libcurl timed the answer when it read it. If the last bytes had been waiting in the socket
    // before that (the loop was busy elsewhere), the download really ended when they arrived:
    // the waiting ends there, and the phases libcurl saw later end there too.
    const std::int64_t start = d.end - d.total;
    if (m_arrived <= start || m_arrived >= d.end)
        return;
    d.total = m_arrived - start;
    d.end = m_arrived;
    for (std::int64_t *phase : {&d.dnsEnd, &d.connectEnd, &d.tlsEnd, &d.waitEnd})
        *phase = std::min(*phase, d.total);
}

void EasyHandle::stampArrivals(const ArrivalStamps *arrivals)
{
    m_arrivals = arrivals;
    // Only a pointer's presence matters to configureSocket: the stamps are read here, not there.
    curl_easy_setopt(m_easy, CURLOPT_SOCKOPTDATA, const_cast<ArrivalStamps *>(arrivals));
}

HttpSession::HttpSession(const IoOptions &options)
    : m_options(options)
    , m_easy(options)
    , m_multi(curl_multi_init())
{
    if (!m_multi)
        throw std::runtime_error("libcurl could not make a multi handle");
}

HttpSession::~HttpSession()
{
    m_loop.reset();
    curl_multi_cleanup(m_multi);
}

CurlLoop &HttpSession::onLoop(EventLoop &loop, Recorder *recorder)
{
    if (!m_loop)
        m_loop = std::make_unique<CurlLoop>(loop, m_options, recorder);
    return *m_loop;
}

// A blocking download through a private multi handle: curl_multi_poll waits like a blocking
// call would, but curl_multi_wakeup lets a stop end the wait at once instead of at a timeout.
Download HttpSession::get(const std::string &url, std::stop_token stop)
{
    m_easy.prepare(url);
    curl_multi_add_handle(m_multi, m_easy.handle());
    std::stop_callback wake(stop, [this] { curl_multi_wakeup(m_multi); });
    CURLcode result = CURLE_OK;
    for (bool done = false; !done;) {
        int running = 0;
        curl_multi_perform(m_multi, &running);
        int queued = 0;
        while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
            if (message->msg == CURLMSG_DONE) {
                result = message->data.result;
                done = true;
            }
        }
        if (!done && stop.stop_requested()) {
            result = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        if (!done)
            curl_multi_poll(m_multi, nullptr, 0, 1000, nullptr);
    }
    curl_multi_remove_handle(m_multi, m_easy.handle());
    Download d = m_easy.finish(result);
    if (result == CURLE_ABORTED_BY_CALLBACK) {
        d.error = "cancelled";
        d.detail = "the run was cancelled";
    }
    return d;
}

} // namespace mtlab
