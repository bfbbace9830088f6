// The one place that includes Boost.Asio for ucompose (with the C++20 coroutine support).
#pragma once
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio.hpp>

namespace ucompose {
namespace asio = boost::asio;
template <typename T = void>
using Task = asio::awaitable<T>;
}  // namespace ucompose
