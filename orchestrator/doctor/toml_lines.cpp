#include "orchestrator/doctor/toml_lines.hpp"

#include <sstream>

namespace ucompose::doctor {
namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// The line without its comment: a # outside a quoted string.
std::string strip_comment(const std::string& line) {
    char quote = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == '\\' && quote == '"') ++i;
            else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            return line.substr(0, i);
        }
    }
    return line;
}

// Brackets still open at the end of `text` (outside strings).
int open_brackets(const std::string& text) {
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == '\\' && quote == '"') ++i;
            else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']') {
            --depth;
        }
    }
    return depth;
}

}  // namespace

TomlTables parse_toml_lines(const std::string& text) {
    TomlTables out;
    std::string table;
    std::istringstream in(text);
    std::string raw;
    std::string pending_key, pending_value;
    bool in_array = false;
    while (std::getline(in, raw)) {
        std::string line = trim(strip_comment(raw));
        if (in_array) {
            pending_value += " " + line;
            if (open_brackets(pending_value) <= 0) {
                out[table][pending_key] = trim(pending_value);
                in_array = false;
            }
            continue;
        }
        if (line.empty()) continue;
        if (line.front() == '[') {
            // [table] or [[array of tables]] (the latter read as a table of that name).
            std::string h = line;
            while (!h.empty() && h.front() == '[') h.erase(0, 1);
            while (!h.empty() && h.back() == ']') h.pop_back();
            table = trim(h);
            out[table];
            continue;
        }
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = trim(line.substr(0, eq));
        if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
            key = key.substr(1, key.size() - 2);
        std::string value = trim(line.substr(eq + 1));
        if (!value.empty() && value.front() == '[' && open_brackets(value) > 0) {
            pending_key = key;
            pending_value = value;
            in_array = true;
            continue;
        }
        out[table][key] = value;
    }
    if (in_array) out[table][pending_key] = trim(pending_value);
    return out;
}

void overlay(TomlTables& base, const TomlTables& over) {
    for (const auto& [table, keys] : over)
        for (const auto& [k, v] : keys) base[table][k] = v;
}

std::optional<std::string> toml_value(const TomlTables& t, const std::string& table, const std::string& key) {
    auto it = t.find(table);
    if (it == t.end()) return std::nullopt;
    auto k = it->second.find(key);
    if (k == it->second.end()) return std::nullopt;
    return k->second;
}

std::string toml_string(const std::string& value) {
    std::string v = trim(value);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        std::string s = v.substr(1, v.size() - 2);
        if (v.front() == '\'') return s;
        std::string out;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\\' && i + 1 < s.size()) {
                char n = s[++i];
                out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
            } else {
                out += s[i];
            }
        }
        return out;
    }
    return v;
}

std::vector<std::string> toml_string_array(const std::string& value) {
    std::string v = trim(value);
    if (v.empty() || v.front() != '[') return {toml_string(v)};
    std::vector<std::string> out;
    std::string item;
    char quote = 0;
    for (size_t i = 1; i < v.size(); ++i) {
        char c = v[i];
        if (quote) {
            item += c;
            if (c == '\\' && quote == '"' && i + 1 < v.size()) item += v[++i];
            else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
            item += c;
        } else if (c == ',' || c == ']') {
            if (!trim(item).empty()) out.push_back(toml_string(item));
            item.clear();
            if (c == ']') break;
        } else {
            item += c;
        }
    }
    return out;
}

}  // namespace ucompose::doctor
