// The ucompose-wide error: a message with the source position it is about, if known.
// what() is "file:line:col: message" (1-based), or "file: message", or just "message".
#pragma once
#include <string>

#include "runtime/sys/error.hpp"

namespace ucompose {

// A place in a compose (or .env) file. line/column are 1-based; 0 means unknown.
struct Position {
    std::string file;
    int line = 0;
    int column = 0;

    bool known() const { return !file.empty(); }
    // "file:line:col", "file", or "" when unknown.
    std::string str() const;
    bool operator==(const Position&) const = default;
};

class Error : public sys::Error {
public:
    explicit Error(const std::string& message);
    Error(Position where, const std::string& message);

    const Position& position() const { return where_; }
    // The message without the position prefix.
    const std::string& message() const { return message_; }

private:
    Position where_;
    std::string message_;
};

// "file:line:col: message" (or just the message when the position is unknown).
std::string with_position(const Position& where, const std::string& message);

}  // namespace ucompose
