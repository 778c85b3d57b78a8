#pragma once

#include "asynctask.h"
#include "eventloop.h"

#include <coroutine>
#include <cstddef>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace mtlab {

// How gather() starts its tasks.
enum class GatherStart {
    Queued, // asyncio's default: each task's first step waits its turn in the ready queue
    Eager,  // asyncio's eager_task_factory: each task runs at once up to its first suspension
};

namespace detail {

struct GatherState {
    EventLoop &loop;
    std::size_t remaining = 0;
    std::exception_ptr error;         // the first one, in order of completion
    std::coroutine_handle<> gatherer; // waiting for the last task, if it had to wait

    void taskDone()
    {
        if (--remaining == 0 && gatherer)
            loop.schedule(gatherer);
    }
    bool await_ready() const noexcept { return remaining == 0; }
    void await_suspend(std::coroutine_handle<> coroutine) noexcept { gatherer = coroutine; }
    void await_resume() const noexcept {}
};

// One task under gather(): awaits it and reports back, so the tasks run side by side.
template <typename T, typename Slot>
AsyncTask<void> gatherOne(AsyncTask<T> task, Slot &slot, GatherState &state)
{
    try {
        if constexpr (std::is_void_v<T>)
            co_await std::move(task);
        else
            slot.emplace(co_await std::move(task));
    } catch (...) {
        if (!state.error)
            state.error = std::current_exception();
    }
    state.taskDone();
}

template <typename T, typename Slot>
AsyncTask<void> gatherAll(EventLoop &loop, std::vector<AsyncTask<T>> tasks, std::vector<Slot> &slots,
                          GatherStart start)
{
    GatherState state{loop, tasks.size(), {}, {}};
    // Declared after state: destroying a suspended gather destroys the tasks before the state.
    std::vector<AsyncTask<void>> running;
    running.reserve(tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i)
        running.push_back(gatherOne(std::move(tasks[i]), slots[i], state));
    for (AsyncTask<void> &task : running) {
        if (start == GatherStart::Eager)
            task.handle().resume();
        else
            loop.schedule(task.handle());
    }
    co_await state;
    if (state.error)
        std::rethrow_exception(state.error);
}

struct NoResult {
};

} // namespace detail

// asyncio.gather(*tasks): runs the tasks side by side on the loop and returns their results in
// order. Unlike asyncio, it always waits for every task before rethrowing the first exception, as
// the tasks are owned by the gather and cannot outlive it.
template <typename T>
AsyncTask<std::vector<T>> gather(EventLoop &loop, std::vector<AsyncTask<T>> tasks,
                                 GatherStart start = GatherStart::Queued)
{
    std::vector<std::optional<T>> slots(tasks.size());
    co_await detail::gatherAll(loop, std::move(tasks), slots, start);
    std::vector<T> results;
    results.reserve(slots.size());
    for (std::optional<T> &slot : slots)
        results.push_back(std::move(*slot));
    co_return results;
}

inline AsyncTask<void> gather(EventLoop &loop, std::vector<AsyncTask<void>> tasks,
                              GatherStart start = GatherStart::Queued)
{
    std::vector<detail::NoResult> slots(tasks.size());
    co_await detail::gatherAll(loop, std::move(tasks), slots, start);
}

} // namespace mtlab
