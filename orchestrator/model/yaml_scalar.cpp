#include "orchestrator/model/yaml_scalar.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ucompose {
namespace {

bool is_digit(char c, int base) {
    switch (base) {
        case 2: return c == '0' || c == '1';
        case 8: return c >= '0' && c <= '7';
        case 16: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        default: return c >= '0' && c <= '9';
    }
}

// One or more digits of `base`, underscores allowed after the first (YAML 1.1).
bool digits(std::string_view s, int base) {
    if (s.empty() || !is_digit(s.front(), base)) return false;
    for (char c : s)
        if (!is_digit(c, base) && c != '_') return false;
    return true;
}

bool word_in(std::string_view s, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
        if (s == w) return true;
    return false;
}

bool is_null(std::string_view s) { return word_in(s, {"", "~", "null", "Null", "NULL"}); }

bool is_bool(std::string_view s) {
    return word_in(s, {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
                       "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"});
}

// [0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?  (YAML 1.1 sexagesimal int and float)
bool is_base60(std::string_view s) {
    size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    if (dot != std::string_view::npos) {
        std::string_view frac = s.substr(dot + 1);
        if (!frac.empty() && !digits(frac, 10)) return false;
    }
    size_t colon = whole.find(':');
    if (colon == std::string_view::npos || !digits(whole.substr(0, colon), 10)) return false;
    while (colon != std::string_view::npos) {
        size_t next = whole.find(':', colon + 1);
        std::string_view part = whole.substr(colon + 1, next == std::string_view::npos ? next : next - colon - 1);
        if (part.empty() || part.size() > 2) return false;
        for (char c : part)
            if (!is_digit(c, 10)) return false;
        if (part.size() == 2 && part[0] > '5') return false;
        colon = next;
    }
    return true;
}

// Decimal int or float: 12, 1_000, 1.5, .5, 5., 1e3, 1.5E-3.
bool is_decimal(std::string_view s) {
    size_t e = s.find_first_of("eE");
    std::string_view mantissa = s.substr(0, e);
    if (e != std::string_view::npos) {
        std::string_view exp = s.substr(e + 1);
        if (!exp.empty() && (exp.front() == '+' || exp.front() == '-')) exp.remove_prefix(1);
        if (!digits(exp, 10)) return false;
    }
    size_t dot = mantissa.find('.');
    if (dot == std::string_view::npos) return digits(mantissa, 10);
    std::string_view whole = mantissa.substr(0, dot), frac = mantissa.substr(dot + 1);
    if (whole.empty() && frac.empty()) return false;
    return (whole.empty() || digits(whole, 10)) && (frac.empty() || digits(frac, 10));
}

bool is_number(std::string_view s) {
    if (word_in(s, {".nan", ".NaN", ".NAN"})) return true;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
    if (word_in(s, {".inf", ".Inf", ".INF"})) return true;
    if (s.size() > 2 && s[0] == '0') {
        switch (s[1]) {
            case 'x': return digits(s.substr(2), 16);
            case 'o': return digits(s.substr(2), 8);
            case 'b': return digits(s.substr(2), 2);
            default: break;
        }
    }
    return is_decimal(s) || is_base60(s);
}

}  // namespace

bool plain_reads_as_non_string(std::string_view text) {
    if (text.size() > 5) {
        // Only numbers are longer than "false"; they start with a digit, a sign or a dot.
        char c = text.front();
        if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
    }
    return is_null(text) || is_bool(text) || is_number(text);
}

bool has_other_line_break(std::string_view text) {
    for (std::string_view b : {"\r", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9"})
        if (text.find(b) != std::string_view::npos) return true;
    return false;
}

bool may_read_as_non_string(std::string_view s) {
    if (s.empty() || is_null(s) || is_bool(s)) return true;
    if (word_in(s, {".inf", "-.inf", ".nan", ".NaN"})) return true;
    size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (i >= s.size() || !(std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) || std::strchr("xXoO._:+-", c) != nullptr;
    });
}

}  // namespace ucompose
