// x-ucompose readiness probes, checked from the host against the container's IP: a TCP
// connect, or an HTTP GET answered with 2xx/3xx. For unikernels, where exec checks cannot run.
#pragma once
#include <cstdint>
#include <string>

#include "orchestrator/model/model.hpp"
#include "orchestrator/podman/asio.hpp"

namespace ucompose {

Task<bool> probe_tcp(std::string ip, uint16_t port, Duration timeout);
Task<bool> probe_http(std::string ip, uint16_t port, std::string path, Duration timeout);

// True when an HTTP status line ("HTTP/1.1 204 No Content") is 2xx or 3xx.
bool http_status_ok(const std::string& status_line);

}  // namespace ucompose
