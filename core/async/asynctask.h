#pragma once

#include <cassert>
#include <coroutine>
#include <exception>
#include <optional>
#include <utility>

namespace mtlab {

template <typename T>
class AsyncTask;

namespace detail {

// What every task's promise has: who to resume when it ends, and how it failed.
struct AsyncPromiseBase {
    std::coroutine_handle<> continuation;
    std::exception_ptr error;

    // Lazy: the body runs only when awaited or started by the loop, so creating a task is free.
    std::suspend_always initial_suspend() noexcept { return {}; }

    struct FinalAwaiter {
        bool await_ready() noexcept { return false; }
        // Symmetric transfer to the awaiter: no stack growth however long the chain of awaits.
        template <typename Promise>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> self) noexcept
        {
            if (const std::coroutine_handle<> next = self.promise().continuation)
                return next;
            return std::noop_coroutine();
        }
        void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <typename T>
struct AsyncPromise : AsyncPromiseBase {
    std::optional<T> value;

    AsyncTask<T> get_return_object() noexcept;
    template <typename U>
    void return_value(U &&result)
    {
        value.emplace(std::forward<U>(result));
    }
    T result()
    {
        if (error)
            std::rethrow_exception(error);
        return std::move(*value);
    }
};

template <>
struct AsyncPromise<void> : AsyncPromiseBase {
    AsyncTask<void> get_return_object() noexcept;
    void return_void() noexcept {}
    void result()
    {
        if (error)
            std::rethrow_exception(error);
    }
};

} // namespace detail

// A lazily started coroutine that produces a T, like a Python coroutine object: `co_await task`
// runs it and yields its result or rethrows its exception. The task owns its frame; destroying a
// suspended task destroys its frame and, through its locals, every task it was awaiting.
template <typename T>
class [[nodiscard]] AsyncTask
{
public:
    using promise_type = detail::AsyncPromise<T>;
    using Handle = std::coroutine_handle<promise_type>;

    AsyncTask() noexcept = default;
    explicit AsyncTask(Handle handle) noexcept
        : m_handle(handle)
    {
    }
    AsyncTask(AsyncTask &&other) noexcept
        : m_handle(std::exchange(other.m_handle, {}))
    {
    }
    AsyncTask &operator=(AsyncTask &&other) noexcept
    {
        if (this != &other) {
            if (m_handle)
                m_handle.destroy();
            m_handle = std::exchange(other.m_handle, {});
        }
        return *this;
    }
    AsyncTask(const AsyncTask &) = delete;
    AsyncTask &operator=(const AsyncTask &) = delete;
    ~AsyncTask()
    {
        if (m_handle)
            m_handle.destroy();
    }

    bool done() const noexcept { return m_handle && m_handle.done(); }
    // For the loop and gather(), which start a task they keep owning without awaiting it.
    std::coroutine_handle<> handle() const noexcept { return m_handle; }

    auto operator co_await() &&noexcept
    {
        struct Awaiter {
            Handle task;
            bool await_ready() const noexcept { return task.done(); }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept
            {
                task.promise().continuation = awaiting;
                return task;
            }
            T await_resume() { return task.promise().result(); }
        };
        assert(m_handle);
        return Awaiter{m_handle};
    }

private:
    Handle m_handle;
};

namespace detail {

template <typename T>
AsyncTask<T> AsyncPromise<T>::get_return_object() noexcept
{
    return AsyncTask<T>(AsyncTask<T>::Handle::from_promise(*this));
}

inline AsyncTask<void> AsyncPromise<void>::get_return_object() noexcept
{
    return AsyncTask<void>(AsyncTask<void>::Handle::from_promise(*this));
}

} // namespace detail

} // namespace mtlab
