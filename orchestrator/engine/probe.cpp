#include "orchestrator/engine/probe.hpp"

#include <memory>

namespace ucompose {
namespace {

using tcp = asio::ip::tcp;

// Closes the socket when the deadline passes, which aborts any pending operation on it.
struct Deadline {
    std::shared_ptr<tcp::socket> socket;
    std::shared_ptr<asio::steady_timer> timer;
    Deadline(const asio::any_io_executor& ex, std::shared_ptr<tcp::socket> s, Duration timeout)
        : socket(std::move(s)), timer(std::make_shared<asio::steady_timer>(ex)) {
        timer->expires_after(timeout);
        timer->async_wait([sock = socket](const boost::system::error_code& ec) {
            if (!ec) {
                boost::system::error_code ignore;
                sock->close(ignore);
            }
        });
    }
    ~Deadline() { timer->cancel(); }
};

Task<bool> connect(std::shared_ptr<tcp::socket> sock, const std::string& ip, uint16_t port) {
    boost::system::error_code ec;
    auto addr = asio::ip::make_address(ip, ec);
    if (ec) co_return false;
    co_await sock->async_connect(tcp::endpoint(addr, port), asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec;
}

}  // namespace

bool http_status_ok(const std::string& line) {
    if (line.rfind("HTTP/", 0) != 0) return false;
    auto sp = line.find(' ');
    if (sp == std::string::npos || sp + 1 >= line.size()) return false;
    char c = line[sp + 1];
    return c == '2' || c == '3';
}

Task<bool> probe_tcp(std::string ip, uint16_t port, Duration timeout) {
    auto ex = co_await asio::this_coro::executor;
    auto sock = std::make_shared<tcp::socket>(ex);
    Deadline deadline(ex, sock, timeout);
    co_return co_await connect(sock, ip, port);
}

Task<bool> probe_http(std::string ip, uint16_t port, std::string path, Duration timeout) {
    auto ex = co_await asio::this_coro::executor;
    auto sock = std::make_shared<tcp::socket>(ex);
    Deadline deadline(ex, sock, timeout);
    if (!co_await connect(sock, ip, port)) co_return false;
    std::string request = "GET " + (path.empty() ? std::string("/") : path) + " HTTP/1.0\r\nHost: " + ip +
                          "\r\nUser-Agent: ucompose-probe\r\nConnection: close\r\n\r\n";
    boost::system::error_code ec;
    co_await asio::async_write(*sock, asio::buffer(request), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return false;
    std::string response;
    char buf[512];
    while (response.find('\n') == std::string::npos && response.size() < 4096) {
        std::size_t n = co_await sock->async_read_some(asio::buffer(buf), asio::redirect_error(asio::use_awaitable, ec));
        response.append(buf, n);
        if (ec) break;
    }
    co_return http_status_ok(response.substr(0, response.find('\r')));
}

}  // namespace ucompose
