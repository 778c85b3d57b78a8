#pragma once

#include <cstdint>
#include <vector>

namespace mtlab {

// When the data libcurl reads really arrived, by the kernel's clock. libcurl times a transfer
// when it reads the answer, which is when the event loop lets it run: a task that hogs the loop
// would stretch every download's waiting up to its own end, and the timeline would say the
// server was slow when the answers were in fact waiting, unread, in the socket. The kernel
// stamps each arriving packet (SO_TIMESTAMPNS); peeking at a socket's queue right before libcurl
// reads it tells when its newest data came in. Loop thread only.
class ArrivalStamps
{
public:
    ArrivalStamps();

    // Asks the kernel to stamp what arrives on a socket libcurl has just opened.
    static void enable(int fd) noexcept;
    // Right before libcurl is given a socket to read (fd), or -1 for anything else (a timeout):
    // peeks at the data waiting on it for the newest arrival time.
    void aboutToRead(int fd);
    // The arrival time (steady_clock ns) of the data libcurl is reading now, 0 when unknown.
    std::int64_t current() const noexcept { return m_current; }

private:
    std::vector<char> m_peek; // a peek copies the data: one buffer, reused
    std::int64_t m_current = 0;
};

} // namespace mtlab
