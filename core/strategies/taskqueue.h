#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace mtlab {

struct QueuedTask {
    std::int32_t task = -1;
    std::int64_t submitted = 0; // steady_clock ns
};

// The pool's thread-safe FIFO: the strategy submits, the workers take until it is closed and empty.
class TaskQueue
{
public:
    void push(QueuedTask task)
    {
        {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back(task);
        }
        m_ready.notify_one();
    }
    // No more tasks will come; waiting workers wake up and find the queue drained.
    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }
    // The next task, or nothing once the queue is closed and empty.
    std::optional<QueuedTask> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_closed || !m_tasks.empty(); });
        if (m_tasks.empty())
            return std::nullopt;
        const QueuedTask task = m_tasks.front();
        m_tasks.pop_front();
        return task;
    }
    // Cancellation: drop what has not started and let the workers go.
    void clear()
    {
        {
            std::lock_guard lock(m_mutex);
            m_tasks.clear();
            m_closed = true;
        }
        m_ready.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<QueuedTask> m_tasks;
    bool m_closed = false;
};

} // namespace mtlab
