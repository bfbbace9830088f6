#include "orchestrator/model/error.hpp"

namespace ucompose {

std::string Position::str() const {
    if (file.empty()) return "";
    if (line <= 0) return file;
    std::string out = file + ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
    return out;
}

std::string with_position(const Position& where, const std::string& message) {
    if (!where.known()) return message;
    return where.str() + ": " + message;
}

Error::Error(const std::string& message) : sys::Error(message), message_(message) {}

Error::Error(Position where, const std::string& message)
    : sys::Error(with_position(where, message)), where_(std::move(where)), message_(message) {}

}  // namespace ucompose
