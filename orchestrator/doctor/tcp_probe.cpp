#include "orchestrator/doctor/tcp_probe.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/sys/unique_fd.hpp"

namespace ucompose::doctor {

HostPort registry_host_port(const std::string& remote) {
    std::string hostport = remote.substr(0, remote.find('/'));
    HostPort hp;
    if (!hostport.empty() && hostport.front() == '[') {
        auto close = hostport.find(']');
        hp.host = hostport.substr(1, close == std::string::npos ? std::string::npos : close - 1);
        if (close != std::string::npos && close + 1 < hostport.size() && hostport[close + 1] == ':')
            hp.port = hostport.substr(close + 2);
    } else if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
        hp.host = hostport.substr(0, colon);
        hp.port = hostport.substr(colon + 1);
    } else {
        hp.host = hostport;
    }
    if (hp.port.empty()) hp.port = "443";
    return hp;
}

std::optional<std::string> tcp_problem(const HostPort& hp, int timeout_ms) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* list = nullptr;
    if (int rc = ::getaddrinfo(hp.host.c_str(), hp.port.c_str(), &hints, &list); rc != 0)
        return std::string("cannot resolve ") + hp.host + ": " + ::gai_strerror(rc);
    std::string last = "no address";
    for (addrinfo* a = list; a; a = a->ai_next) {
        sys::UniqueFd fd(::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol));
        if (fd.get() < 0) {
            last = std::strerror(errno);
            continue;
        }
        int rc = ::connect(fd.get(), a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd.get(), POLLOUT, 0};
            rc = ::poll(&p, 1, timeout_ms);
            if (rc == 0) {
                last = "no answer within " + std::to_string(timeout_ms / 1000) + " s";
                continue;
            }
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len);
            if (err == 0) {
                ::freeaddrinfo(list);
                return std::nullopt;
            }
            last = std::strerror(err);
            continue;
        }
        if (rc == 0) {
            ::freeaddrinfo(list);
            return std::nullopt;
        }
        last = std::strerror(errno);
    }
    ::freeaddrinfo(list);
    for (auto& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return last;
}

}  // namespace ucompose::doctor
