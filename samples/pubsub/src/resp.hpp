// A minimal Redis (RESP2) client over a blocking Boost.Asio socket: enough for PUBLISH and
// SUBSCRIBE in the pub/sub demo.
#pragma once
#include <utility>  // before asio: Boost 1.74 awaitable.hpp misses it under C++20
#include <boost/asio.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace pubsub {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// The RESP encoding of a command: *N\r\n$len\r\narg\r\n...
inline std::string encode_command(const std::vector<std::string>& args) {
    std::string out = "*" + std::to_string(args.size()) + "\r\n";
    for (const auto& a : args) out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
    return out;
}

struct Reply {
    char type = 0;               // '+', '-', ':', '$', '*'
    std::string text;            // simple string, error, integer text or bulk string
    std::vector<Reply> items;    // array elements
    bool null = false;
};

class RedisConnection {
public:
    RedisConnection(asio::io_context& io, const std::string& host, const std::string& port)
        : socket_(io) {
        tcp::resolver resolver(io);
        asio::connect(socket_, resolver.resolve(host, port));
    }

    void send(const std::vector<std::string>& args) { asio::write(socket_, asio::buffer(encode_command(args))); }

    Reply read() {
        std::string line = read_line();
        if (line.empty()) throw std::runtime_error("redis: empty reply");
        Reply r;
        r.type = line[0];
        std::string rest = line.substr(1);
        switch (r.type) {
            case '+':
            case '-':
            case ':':
                r.text = rest;
                return r;
            case '$': {
                long n = std::stol(rest);
                if (n < 0) {
                    r.null = true;
                    return r;
                }
                r.text = read_exact(static_cast<size_t>(n) + 2).substr(0, static_cast<size_t>(n));
                return r;
            }
            case '*': {
                long n = std::stol(rest);
                if (n < 0) {
                    r.null = true;
                    return r;
                }
                for (long i = 0; i < n; ++i) r.items.push_back(read());
                return r;
            }
            default:
                throw std::runtime_error("redis: unexpected reply type '" + std::string(1, r.type) + "'");
        }
    }

private:
    std::string read_line() {
        size_t n = asio::read_until(socket_, buf_, "\r\n");
        std::string line(asio::buffers_begin(buf_.data()), asio::buffers_begin(buf_.data()) + n - 2);
        buf_.consume(n);
        return line;
    }
    std::string read_exact(size_t n) {
        if (buf_.size() < n) asio::read(socket_, buf_, asio::transfer_exactly(n - buf_.size()));
        std::string s(asio::buffers_begin(buf_.data()), asio::buffers_begin(buf_.data()) + n);
        buf_.consume(n);
        return s;
    }

    tcp::socket socket_;
    asio::streambuf buf_;
};

inline std::string env_or(const char* key, const char* fallback) {
    const char* v = std::getenv(key);
    return (v && *v) ? v : fallback;
}

}  // namespace pubsub
