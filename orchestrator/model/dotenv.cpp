#include "orchestrator/model/dotenv.hpp"

#include <map>

namespace ucompose {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool valid_key(const std::string& k) {
    if (k.empty()) return false;
    for (char c : k) {
        bool ok = c == '_' || c == '.' || c == '-' || (c >= 'a' && c <= 'z') ||
                  (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return !(k[0] >= '0' && k[0] <= '9');
}

class Parser {
public:
    Parser(const std::string& text, const std::string& file) : t_(text), file_(file) {}

    bool at_end() const { return i_ >= t_.size(); }
    Position here() const { return Position{file_, line_, static_cast<int>(i_ - line_start_) + 1}; }

    char peek() const { return i_ < t_.size() ? t_[i_] : '\0'; }
    char get() {
        char c = t_[i_++];
        if (c == '\n') {
            ++line_;
            line_start_ = i_;
        }
        return c;
    }
    void skip_blanks() {
        while (!at_end() && is_space(peek())) ++i_;
    }
    void skip_line() {
        while (!at_end() && peek() != '\n') ++i_;
        if (!at_end()) get();
    }
    std::string read_key() {
        size_t b = i_;
        while (!at_end() && !is_space(peek()) && peek() != '=' && peek() != ':' && peek() != '\n' &&
               peek() != '#')
            ++i_;
        return t_.substr(b, i_ - b);
    }
    // A quoted value; the opening quote is at peek().
    std::string read_quoted(char q, const Position& start) {
        get();
        std::string out;
        while (true) {
            if (at_end()) throw Error(start, std::string("unterminated quoted value (missing ") + q + ")");
            char c = get();
            if (c == q) break;
            if (q == '"' && c == '\\' && !at_end()) {
                char e = get();
                switch (e) {
                    case 'n': out += '\n'; break;
                    case 't': out += '\t'; break;
                    case 'r': out += '\r'; break;
                    case '\\': out += '\\'; break;
                    case '"': out += '"'; break;
                    case '$': out += "$$"; break;  // kept literal through interpolation
                    default: out += '\\'; out += e; break;
                }
                continue;
            }
            out += c;
        }
        return out;
    }
    std::string read_unquoted() {
        size_t b = i_;
        while (!at_end() && peek() != '\n') {
            if (peek() == '#' && i_ > b && is_space(t_[i_ - 1])) break;
            ++i_;
        }
        std::string v = t_.substr(b, i_ - b);
        while (!v.empty() && is_space(v.back())) v.pop_back();
        return v;
    }

private:
    const std::string& t_;
    const std::string& file_;
    size_t i_ = 0;
    int line_ = 1;
    size_t line_start_ = 0;
};

}  // namespace

std::vector<DotenvEntry> parse_dotenv(const std::string& text, const std::string& file,
                                      const Lookup& outer, const UnsetHook& unset,
                                      DotenvLookupOrder order) {
    std::vector<DotenvEntry> entries;
    std::map<std::string, size_t> index;
    Lookup lookup = [&](const std::string& name) -> std::optional<std::string> {
        auto local = [&]() -> std::optional<std::string> {
            auto it = index.find(name);
            if (it == index.end()) return std::nullopt;
            return entries[it->second].value;
        };
        if (order == DotenvLookupOrder::OuterFirst) {
            if (auto v = outer ? outer(name) : std::nullopt) return v;
            return local();
        }
        if (auto v = local()) return v;
        return outer ? outer(name) : std::nullopt;
    };

    Parser p(text, file);
    while (!p.at_end()) {
        p.skip_blanks();
        if (p.at_end()) break;
        if (p.peek() == '\n' || p.peek() == '#') {
            p.skip_line();
            continue;
        }
        Position kpos = p.here();
        std::string key = p.read_key();
        if (key == "export") {
            p.skip_blanks();
            if (p.peek() != '=' && p.peek() != ':' && p.peek() != '\n' && !p.at_end()) {
                kpos = p.here();
                key = p.read_key();
            }
        }
        if (!valid_key(key)) throw Error(kpos, "invalid variable name '" + key + "'");
        p.skip_blanks();
        DotenvEntry entry{key, std::nullopt, kpos};
        if (p.peek() == '=' || p.peek() == ':') {
            p.get();
            p.skip_blanks();
            Position vpos = p.here();
            if (p.peek() == '\'') {
                entry.value = p.read_quoted('\'', vpos);
            } else if (p.peek() == '"') {
                entry.value = interpolate(p.read_quoted('"', vpos), lookup, unset, vpos);
            } else {
                entry.value = interpolate(p.read_unquoted(), lookup, unset, vpos);
            }
            p.skip_blanks();
            if (p.peek() != '\n' && p.peek() != '#' && !p.at_end())
                throw Error(p.here(), "unexpected text after the quoted value of " + key);
        } else if (p.peek() != '\n' && p.peek() != '#' && !p.at_end()) {
            throw Error(p.here(), "expected '=' after " + key);
        }
        p.skip_line();
        auto it = index.find(key);
        if (it != index.end()) {
            entries[it->second] = std::move(entry);
        } else {
            index[key] = entries.size();
            entries.push_back(std::move(entry));
        }
    }
    return entries;
}

}  // namespace ucompose
