// The demo's publisher: POST /publish with a JSON body publishes it to a Redis channel.
//   200 "json data successfully published to message queue from <hostname>"
//   400 when the body is not JSON, 503 when Redis cannot be reached, 404/405 otherwise.
// Env: PORT (8080), REDIS_HOST (redis-mq), REDIS_PORT (6379), TOPIC (messages).
#include <unistd.h>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "resp.hpp"

namespace beast = boost::beast;
namespace http = beast::http;
using pubsub::asio::ip::tcp;

namespace {

struct Settings {
    std::string redis_host = pubsub::env_or("REDIS_HOST", "redis-mq");
    std::string redis_port = pubsub::env_or("REDIS_PORT", "6379");
    std::string topic = pubsub::env_or("TOPIC", "messages");
    std::string hostname;
};

http::response<http::string_body> reply(http::status status, const std::string& body, unsigned version) {
    http::response<http::string_body> res{status, version};
    res.set(http::field::content_type, "text/plain");
    res.body() = body + "\n";
    res.prepare_payload();
    return res;
}

http::response<http::string_body> handle(const http::request<http::string_body>& req, const Settings& s) {
    if (req.target() != "/publish") return reply(http::status::not_found, "not found", req.version());
    if (req.method() != http::verb::post) return reply(http::status::method_not_allowed, "use POST", req.version());
    if (!nlohmann::json::accept(req.body())) {
        std::cout << "rejected a body of " << req.body().size() << " bytes (Content-Length "
                  << req[http::field::content_length] << "): not valid JSON" << std::endl;
        return reply(http::status::bad_request, "request body is not valid JSON", req.version());
    }
    try {
        pubsub::asio::io_context io;
        pubsub::RedisConnection redis(io, s.redis_host, s.redis_port);
        redis.send({"PUBLISH", s.topic, req.body()});
        auto r = redis.read();
        if (r.type == '-') throw std::runtime_error(r.text);
        std::cout << "published " << req.body().size() << " bytes to " << s.topic << " (" << r.text
                  << " subscribers)" << std::endl;
    } catch (const std::exception& e) {
        std::cout << "redis unavailable at " << s.redis_host << ":" << s.redis_port << ": " << e.what() << std::endl;
        return reply(http::status::service_unavailable, "message queue unavailable", req.version());
    }
    return reply(http::status::ok, "json data successfully published to message queue from " + s.hostname,
                 req.version());
}

void serve(tcp::socket socket, const Settings& s) {
    beast::error_code ec;
    beast::flat_buffer buffer;
    for (;;) {
        http::request<http::string_body> req;
        http::read(socket, buffer, req, ec);
        if (ec) return;
        auto res = handle(req, s);
        res.keep_alive(req.keep_alive());
        http::write(socket, res, ec);
        if (ec || !req.keep_alive()) return;
    }
}

}  // namespace

int main() {
    Settings s;
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    s.hostname = host;
    auto port = static_cast<unsigned short>(std::stoi(pubsub::env_or("PORT", "8080")));
    pubsub::asio::io_context io;
    tcp::acceptor acceptor(io, {tcp::v4(), port});
    std::cout << "publisher listening on :" << port << ", redis " << s.redis_host << ":" << s.redis_port
              << ", topic " << s.topic << std::endl;
    for (;;) {
        tcp::socket socket(io);
        acceptor.accept(socket);
        std::thread(serve, std::move(socket), std::cref(s)).detach();
    }
}
