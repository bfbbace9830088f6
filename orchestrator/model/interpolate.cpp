#include "orchestrator/model/interpolate.hpp"

#include "orchestrator/model/value.hpp"

namespace ucompose {
namespace {

bool name_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

class Interpolator {
public:
    Interpolator(const Lookup& lookup, const UnsetHook& unset, const Position& where)
        : lookup_(lookup), unset_(unset), where_(where) {}

    std::string run(const std::string& text, int depth = 0) {
        if (depth > 32) fail(text, "nesting too deep");
        std::string out;
        out.reserve(text.size());
        size_t i = 0;
        while (i < text.size()) {
            char c = text[i];
            if (c != '$' || i + 1 >= text.size()) {
                out += c;
                ++i;
                continue;
            }
            char n = text[i + 1];
            if (n == '$') {
                out += '$';
                i += 2;
            } else if (name_start(n)) {
                size_t j = i + 1;
                while (j < text.size() && name_char(text[j])) ++j;
                out += get(text.substr(i + 1, j - i - 1));
                i = j;
            } else if (n == '{') {
                i = braced(text, i, out, depth);
            } else {
                out += c;  // "$1", "$ ", "$-": not a reference, kept as written
                ++i;
            }
        }
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& expr, const std::string& why) const {
        throw Error(where_, "invalid interpolation format: \"" + expr + "\": " + why);
    }

    std::string get(const std::string& name) {
        std::optional<std::string> v = lookup_ ? lookup_(name) : std::nullopt;
        if (v) return *v;
        if (unset_) unset_(name);
        return "";
    }

    // Parses "${...}" starting at text[start] == '$'; appends the result; returns the index
    // after the closing brace.
    size_t braced(const std::string& text, size_t start, std::string& out, int depth) {
        size_t i = start + 2;
        size_t name_begin = i;
        if (i < text.size() && name_start(text[i])) {
            while (i < text.size() && name_char(text[i])) ++i;
        }
        std::string name = text.substr(name_begin, i - name_begin);
        // Find the matching close brace, honouring nested ${...} and $$.
        size_t j = i;
        int level = 1;
        while (j < text.size()) {
            if (text[j] == '$' && j + 1 < text.size() && text[j + 1] == '$') {
                j += 2;
                continue;
            }
            if (text[j] == '$' && j + 1 < text.size() && text[j + 1] == '{') {
                ++level;
                j += 2;
                continue;
            }
            if (text[j] == '}' && --level == 0) break;
            ++j;
        }
        std::string expr = text.substr(start, j < text.size() ? j - start + 1 : std::string::npos);
        if (j >= text.size()) fail(expr, "missing closing brace");
        if (name.empty()) fail(expr, "a variable name is required");
        std::string rest = text.substr(i, j - i);  // operator + argument
        if (rest.empty()) {
            out += get(name);
            return j + 1;
        }
        bool colon = rest[0] == ':';
        size_t op_at = colon ? 1 : 0;
        if (op_at >= rest.size()) fail(expr, "an operator is required after ':'");
        char op = rest[op_at];
        if (op != '-' && op != '?' && op != '+') fail(expr, "unknown operator");
        std::string arg = rest.substr(op_at + 1);
        std::optional<std::string> value = lookup_ ? lookup_(name) : std::nullopt;
        bool usable = value && (!colon || !value->empty());
        switch (op) {
            case '-':
                out += usable ? *value : run(arg, depth + 1);
                break;
            case '+':
                if (usable) out += run(arg, depth + 1);
                break;
            case '?':
                if (!usable) {
                    std::string msg = run(arg, depth + 1);
                    throw Error(where_, "required variable " + name + " is missing a value" +
                                            (msg.empty() ? "" : ": " + msg));
                }
                out += *value;
                break;
        }
        return j + 1;
    }

    const Lookup& lookup_;
    const UnsetHook& unset_;
    const Position& where_;
};

}  // namespace

std::string interpolate(const std::string& text, const Lookup& lookup, const UnsetHook& unset,
                        const Position& where) {
    if (text.find('$') == std::string::npos) return text;
    return Interpolator(lookup, unset, where).run(text);
}

void interpolate_tree(Value& root, const Lookup& lookup, const UnsetHook& unset) {
    switch (root.kind) {
        case Value::Kind::Scalar:
            root.scalar = interpolate(root.scalar, lookup, unset, root.pos);
            break;
        case Value::Kind::Map:
            for (Entry& e : root.map) interpolate_tree(e.value, lookup, unset);
            break;
        case Value::Kind::Seq:
            for (Value& v : root.seq) interpolate_tree(v, lookup, unset);
            break;
        case Value::Kind::Null:
            break;
    }
}

}  // namespace ucompose
