#pragma once

#include "experiment.h"
#include "workload.h"

#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>

typedef void CURL;
typedef void CURLM;

namespace mtlab {

class ArrivalStamps;
class CurlLoop;
class EventLoop;
class Recorder;

// One request as libcurl timed it. Phase ends are ns offsets from the transfer's start, so they
// can be laid on the timeline wherever the transfer began.
struct Download {
    bool ok = false;
    bool newConnection = false;
    long status = 0;
    std::int64_t bytes = 0;
    std::uint64_t byteSum = 0; // every byte of the body added up: proof it was all read
    std::string error;         // a short reason, the same for the same cause ("connection refused")
    std::string detail;        // the full message, for the tooltip and the trace
    std::int64_t dnsEnd = 0, connectEnd = 0, tlsEnd = 0, waitEnd = 0, total = 0;
    std::int64_t end = 0;     // steady_clock ns when the transfer completed
    std::int64_t added = 0;   // under the event loop: steady_clock ns when it went to libcurl
    std::int64_t resumed = 0; // under the event loop: when the loop resumed the task awaiting it
};

// A libcurl easy handle with everything a download needs. The settings live here once, for the
// blocking session and for the event loop's multi handle alike.
class EasyHandle
{
public:
    explicit EasyHandle(const IoOptions &options);
    ~EasyHandle();
    EasyHandle(const EasyHandle &) = delete;
    EasyHandle &operator=(const EasyHandle &) = delete;

    CURL *handle() const noexcept { return m_easy; }
    // Prepares the next request. The body is counted and summed as it arrives, not kept: ten
    // thousand 50 KB bodies in flight would otherwise cost half a gigabyte of fresh pages.
    void prepare(const std::string &url);
    // Reads timings and classifies the result of a finished transfer.
    Download finish(int curlCode);
    // From now on the sockets it opens are stamped with the arrival times of their data, which
    // endAtArrival() then uses: a download ends when its last bytes arrived by the kernel's
    // clock, not when libcurl got round to reading them (unchanged when nothing was stamped).
    void stampArrivals(const ArrivalStamps *arrivals);
    void endAtArrival(Download &download) const;

private:
    static std::size_t write(char *data, std::size_t size, std::size_t count, void *self);

    CURL *m_easy;
    std::int64_t m_bytes = 0;
    std::uint64_t m_byteSum = 0;
    std::int64_t m_maxBody;
    char m_errorBuffer[256] = {};
    bool m_overflow = false;
    const ArrivalStamps *m_arrivals = nullptr;
    std::int64_t m_arrived = 0; // when the body's newest bytes came in, 0 if unknown
};

// The article's `requests.Session`: one per worker, reusing its connection between requests
// (unless reuse is off). Downloads block, but a stop wakes them at once.
class HttpSession final : public WorkerSession
{
public:
    explicit HttpSession(const IoOptions &options);
    ~HttpSession() override;

    Download get(const std::string &url, std::stop_token stop);
    // Under the event loop the session is one multi handle that all downloads share; the loop's
    // own work for them (libcurl's) is recorded as cpu by the loop's recorder, if given.
    CurlLoop &onLoop(EventLoop &loop, Recorder *recorder = nullptr);
    const IoOptions &options() const noexcept { return m_options; }

private:
    IoOptions m_options;
    EasyHandle m_easy;
    CURLM *m_multi;
    std::unique_ptr<CurlLoop> m_loop;
};

} // namespace mtlab
