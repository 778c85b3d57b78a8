#include "arrivalstamps.h"

#include "clock.h"

#include <sys/socket.h>
#include <time.h>

#include <cstring>

namespace mtlab {

namespace {

std::int64_t ns(const timespec &t)
{
    return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}

} // namespace

ArrivalStamps::ArrivalStamps()
    : m_peek(256 * 1024)
{
}

void ArrivalStamps::enable(int fd) noexcept
{
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
}

void ArrivalStamps::aboutToRead(int fd)
{
    m_current = 0;
    if (fd < 0)
        return;
    iovec data{m_peek.data(), m_peek.size()};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    msghdr message{};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    // TCP reports the stamp of the last segment the read covers: the newest data in the queue.
    if (recvmsg(fd, &message, MSG_PEEK | MSG_DONTWAIT) <= 0)
        return;
    for (cmsghdr *c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SO_TIMESTAMPNS)
            continue;
        timespec stamp{};
        std::memcpy(&stamp, CMSG_DATA(c), sizeof stamp);
        // The stamp is on the wall clock; the timeline is on the monotonic one.
        timespec wall{};
        clock_gettime(CLOCK_REALTIME, &wall);
        const std::int64_t now = nowNs();
        const std::int64_t age = ns(wall) - ns(stamp);
        m_current = age > 0 ? now - age : now;
    }
}

} // namespace mtlab
