#include "orchestrator/model/units.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace ucompose {

std::optional<std::chrono::nanoseconds> parse_duration(const std::string& text) {
    if (text.empty()) return std::nullopt;
    size_t i = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        ++i;
    }
    if (text.substr(i) == "0") return std::chrono::nanoseconds(0);
    long double total = 0;
    bool any = false;
    while (i < text.size()) {
        size_t b = i;
        while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
        if (i == b) return std::nullopt;
        std::string num = text.substr(b, i - b);
        if (num == "." || std::count(num.begin(), num.end(), '.') > 1) return std::nullopt;
        long double n = std::strtold(num.c_str(), nullptr);
        size_t u = i;
        while (i < text.size() && !((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
        std::string unit = text.substr(u, i - u);
        long double scale;
        if (unit == "ns") scale = 1;
        else if (unit == "us" || unit == "µs") scale = 1e3;
        else if (unit == "ms") scale = 1e6;
        else if (unit == "s") scale = 1e9;
        else if (unit == "m") scale = 60e9;
        else if (unit == "h") scale = 3600e9;
        else if (unit.empty() && !any && i == text.size()) scale = 1e9;  // bare number: seconds
        else return std::nullopt;
        total += n * scale;
        any = true;
    }
    if (total > 9.2e18L) return std::nullopt;
    auto ns = static_cast<int64_t>(std::llround(total));
    return std::chrono::nanoseconds(negative ? -ns : ns);
}

namespace {
std::string trim_fraction(int64_t whole, int64_t frac, int digits) {
    std::string s = std::to_string(whole);
    if (frac == 0) return s;
    std::string f = std::to_string(frac);
    f = std::string(static_cast<size_t>(digits) - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    return s + "." + f;
}
}  // namespace

std::string format_duration(std::chrono::nanoseconds d) {
    int64_t ns = d.count();
    if (ns == 0) return "0s";
    std::string sign = ns < 0 ? "-" : "";
    uint64_t u = ns < 0 ? static_cast<uint64_t>(-(ns + 1)) + 1 : static_cast<uint64_t>(ns);
    if (u < 1000) return sign + std::to_string(u) + "ns";
    if (u < 1000000) return sign + trim_fraction(u / 1000, u % 1000, 3) + "us";
    if (u < 1000000000) return sign + trim_fraction(u / 1000000, u % 1000000, 6) + "ms";
    std::string out;
    uint64_t hours = u / 3600000000000ULL;
    u %= 3600000000000ULL;
    uint64_t minutes = u / 60000000000ULL;
    u %= 60000000000ULL;
    if (hours) out += std::to_string(hours) + "h";
    if (hours || minutes) out += std::to_string(minutes) + "m";
    out += trim_fraction(u / 1000000000, u % 1000000000, 9) + "s";
    return sign + out;
}

std::optional<int64_t> parse_bytes(const std::string& text) {
    if (text.empty()) return std::nullopt;
    size_t i = 0;
    while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
    if (i == 0) return std::nullopt;
    std::string num = text.substr(0, i);
    if (std::count(num.begin(), num.end(), '.') > 1) return std::nullopt;
    std::string unit = text.substr(i);
    while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (unit.size() == 2 && unit[1] == 'b' && unit[0] != 'b') unit.pop_back();
    else if (unit.size() == 3 && unit.substr(1) == "ib") unit = unit.substr(0, 1);
    long double scale;
    if (unit.empty() || unit == "b") scale = 1;
    else if (unit == "k") scale = 1024.0L;
    else if (unit == "m") scale = 1024.0L * 1024;
    else if (unit == "g") scale = 1024.0L * 1024 * 1024;
    else if (unit == "t") scale = 1024.0L * 1024 * 1024 * 1024;
    else if (unit == "p") scale = 1024.0L * 1024 * 1024 * 1024 * 1024;
    else return std::nullopt;
    long double v = std::strtold(num.c_str(), nullptr) * scale;
    if (v > 9.2e18L) return std::nullopt;
    return static_cast<int64_t>(v);
}

std::optional<std::vector<std::string>> shell_split(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    bool have = false;
    size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (have) out.push_back(cur);
            cur.clear();
            have = false;
            ++i;
        } else if (c == '\'') {
            size_t e = text.find('\'', i + 1);
            if (e == std::string::npos) return std::nullopt;
            cur += text.substr(i + 1, e - i - 1);
            have = true;
            i = e + 1;
        } else if (c == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                char d = text[i];
                if (d == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == '\\' && i + 1 < text.size() &&
                    (text[i + 1] == '"' || text[i + 1] == '\\' || text[i + 1] == '$' ||
                     text[i + 1] == '`')) {
                    cur += text[i + 1];
                    i += 2;
                    continue;
                }
                cur += d;
                ++i;
            }
            if (!closed) return std::nullopt;
            have = true;
        } else if (c == '\\' && i + 1 < text.size()) {
            cur += text[i + 1];
            have = true;
            i += 2;
        } else {
            cur += c;
            have = true;
            ++i;
        }
    }
    if (have) out.push_back(cur);
    return out;
}

}  // namespace ucompose
