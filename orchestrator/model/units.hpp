// Compose's scalar units: Go-style durations ("1m30s", "500ms") and byte sizes ("512m").
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ucompose {

// "1h2m3.5s", "500ms", "10us", "0"; a bare number is seconds. nullopt if malformed.
std::optional<std::chrono::nanoseconds> parse_duration(const std::string& text);
// Go's time.Duration.String(): "1m30s", "500ms", "0s".
std::string format_duration(std::chrono::nanoseconds d);

// "1024", "512k", "512kb", "1.5g", "100M" (binary multiples). nullopt if malformed.
std::optional<int64_t> parse_bytes(const std::string& text);

// Splits a command string like a POSIX shell would (quotes and backslashes, no expansion).
// nullopt on an unterminated quote.
std::optional<std::vector<std::string>> shell_split(const std::string& text);

}  // namespace ucompose
