// Runs one coroutine to completion on a fresh io_context, rethrowing its exception.
#pragma once
#include <exception>

#include "orchestrator/podman/asio.hpp"

namespace ucompose {

template <typename T>
T run_task(asio::io_context& io, Task<T> task) {
    std::exception_ptr error;
    T value{};
    asio::co_spawn(io, std::move(task), [&](std::exception_ptr e, T v) {
        error = e;
        value = std::move(v);
    });
    io.run();
    if (error) std::rethrow_exception(error);
    return value;
}

// Spawns `task` detached; an exception ends up in *error (the first one wins).
inline void spawn_logged(const asio::any_io_executor& ex, Task<void> task, std::exception_ptr* error) {
    asio::co_spawn(ex, std::move(task), [error](std::exception_ptr e) {
        if (e && error && !*error) *error = e;
    });
}

}  // namespace ucompose

namespace ucompose {
// Spawns the coroutine lambda `f` (not yet called: asio keeps the closure alive in the frame,
// so its captures stay valid); an exception ends up in *error.
template <typename F>
void spawn_fn(const asio::any_io_executor& ex, F&& f, std::exception_ptr* error) {
    asio::co_spawn(ex, std::forward<F>(f), [error](std::exception_ptr e) {
        if (e && error && !*error) *error = e;
    });
}
}  // namespace ucompose
