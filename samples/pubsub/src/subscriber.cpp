// The demo's subscriber: prints every message published on the Redis channel, and reconnects
// when Redis goes away. Env: REDIS_HOST (redis-mq), REDIS_PORT (6379), TOPIC (messages).
#include <chrono>
#include <iostream>
#include <thread>

#include "resp.hpp"

int main() {
    std::string host = pubsub::env_or("REDIS_HOST", "redis-mq");
    std::string port = pubsub::env_or("REDIS_PORT", "6379");
    std::string topic = pubsub::env_or("TOPIC", "messages");
    for (;;) {
        try {
            pubsub::asio::io_context io;
            pubsub::RedisConnection redis(io, host, port);
            redis.send({"SUBSCRIBE", topic});
            std::cout << "subscriber: listening on " << host << ":" << port << " topic " << topic << std::endl;
            for (;;) {
                auto r = redis.read();
                if (r.type == '*' && r.items.size() == 3 && r.items[0].text == "message")
                    std::cout << "received on " << r.items[1].text << ": " << r.items[2].text << std::endl;
            }
        } catch (const std::exception& e) {
            std::cout << "subscriber: waiting for redis at " << host << ":" << port << " (" << e.what() << ")"
                      << std::endl;
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    }
}
