#include "orchestrator/model/read_value.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "orchestrator/model/units.hpp"

namespace ucompose {

void throw_type(const Value& v, const std::string& path, const std::string& want) {
    std::string got = v.is_scalar() ? "\"" + v.scalar + "\"" : std::string(v.kind_name());
    throw Error(v.pos, path + " must be " + want + ", not " + got);
}

std::string read_string(const Value& v, const std::string& path) {
    if (!v.is_scalar()) throw_type(v, path, "a string");
    return v.scalar;
}

bool read_bool(const Value& v, const std::string& path) {
    if (v.is_scalar()) {
        const std::string& s = v.scalar;
        if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes" || s == "on" ||
            s == "YES" || s == "On")
            return true;
        if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No" || s == "off" ||
            s == "NO" || s == "Off")
            return false;
    }
    throw_type(v, path, "a boolean");
}

int64_t read_int(const Value& v, const std::string& path) {
    if (v.is_scalar() && !v.scalar.empty()) {
        errno = 0;
        char* end = nullptr;
        long long n = std::strtoll(v.scalar.c_str(), &end, 10);
        if (errno == 0 && end && *end == '\0') return n;
    }
    throw_type(v, path, "an integer");
}

double read_double(const Value& v, const std::string& path) {
    if (v.is_scalar() && !v.scalar.empty()) {
        errno = 0;
        char* end = nullptr;
        double d = std::strtod(v.scalar.c_str(), &end);
        if (errno == 0 && end && *end == '\0' && std::isfinite(d)) return d;
    }
    throw_type(v, path, "a number");
}

uint16_t read_port(const Value& v, const std::string& path) {
    if (v.is_scalar()) {
        errno = 0;
        char* end = nullptr;
        long n = std::strtol(v.scalar.c_str(), &end, 10);
        if (!v.scalar.empty() && errno == 0 && end && *end == '\0' && n >= 0 && n <= 65535)
            return static_cast<uint16_t>(n);
    }
    throw_type(v, path, "a port number (0-65535)");
}

std::chrono::nanoseconds read_duration(const Value& v, const std::string& path) {
    if (v.is_scalar())
        if (auto d = parse_duration(v.scalar)) return *d;
    throw_type(v, path, "a duration like 10s or 1m30s");
}

int64_t read_bytes(const Value& v, const std::string& path) {
    if (v.is_scalar())
        if (auto b = parse_bytes(v.scalar)) return *b;
    throw_type(v, path, "a byte size like 512m or 1g");
}

std::vector<std::string> read_string_list(const Value& v, const std::string& path) {
    std::vector<std::string> out;
    if (v.is_null()) return out;
    if (v.is_scalar()) return {v.scalar};
    if (!v.is_seq()) throw_type(v, path, "a list of strings");
    for (const Value& item : v.seq) {
        if (!item.is_scalar()) throw_type(item, path + " items", "strings");
        out.push_back(item.scalar);
    }
    return out;
}

std::map<std::string, std::string> read_string_map(const Value& v, const std::string& path) {
    std::map<std::string, std::string> out;
    if (v.is_null()) return out;
    if (!v.is_map()) throw_type(v, path, "a mapping");
    for (const Entry& e : v.map) {
        if (e.value.is_null()) {
            out[e.key] = "";
        } else if (e.value.is_scalar()) {
            out[e.key] = e.value.scalar;
        } else {
            throw_type(e.value, path + "." + e.key, "a string");
        }
    }
    return out;
}

nlohmann::json to_json(const Value& v) {
    switch (v.kind) {
        case Value::Kind::Null: return nullptr;
        case Value::Kind::Scalar: {
            if (v.quoted) return v.scalar;
            const std::string& s = v.scalar;
            if (s == "true" || s == "True" || s == "TRUE") return true;
            if (s == "false" || s == "False" || s == "FALSE") return false;
            if (s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
            if (!s.empty()) {
                char* end = nullptr;
                errno = 0;
                long long n = std::strtoll(s.c_str(), &end, 10);
                if (errno == 0 && *end == '\0') return n;
                bool numeric = s.find_first_not_of("0123456789.eE+-") == std::string::npos;
                if (numeric) {
                    double d = std::strtod(s.c_str(), &end);
                    if (*end == '\0' && std::isfinite(d)) return d;
                }
            }
            return s;
        }
        case Value::Kind::Seq: {
            nlohmann::json a = nlohmann::json::array();
            for (const Value& x : v.seq) a.push_back(to_json(x));
            return a;
        }
        case Value::Kind::Map: {
            nlohmann::json o = nlohmann::json::object();
            for (const Entry& e : v.map) o[e.key] = to_json(e.value);
            return o;
        }
    }
    return nullptr;
}

}  // namespace ucompose
