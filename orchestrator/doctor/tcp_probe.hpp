// Whether a remote registry answers: a TCP connection to its host and port within a timeout
// (doctor's "remote-registry" check; pulls themselves go through skopeo).
#pragma once
#include <optional>
#include <string>

namespace ucompose::doctor {

struct HostPort {
    std::string host;
    std::string port;
};

// "HOST[:PORT]/PREFIX" -> {HOST, PORT or "443"}; "[::1]:5000/x" -> {"::1", "5000"}.
HostPort registry_host_port(const std::string& remote);

// nullopt when a connection opens within `timeout_ms`; else why not ("connection refused", ...).
std::optional<std::string> tcp_problem(const HostPort& hp, int timeout_ms);

}  // namespace ucompose::doctor
