#include "orchestrator/model/yaml_parse.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <utility>

namespace ucompose {
namespace {

// Guards against a node that contains an alias of itself (`a: &x {b: *x}`, which yaml-cpp
// accepts): converting it would recurse until the stack runs out.
constexpr size_t kMaxDepth = 256;

std::string mebibytes(size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

// yaml-cpp keeps one node for an anchor and all its aliases; the Value tree copies it at every
// alias. So each copy made for an alias is charged what it costs as it is built, node by node
// (a Value, its text, its key and the copies of the file name in their positions), and the
// conversion stops at expansion_limit(): a "billion laughs" file is refused at the limit,
// whatever it would have grown to. Text written out (no alias) is not charged: its size is the
// file's, which yaml-cpp has already paid for.
class Converter {
public:
    Converter(const std::string& file, size_t text_size) : file_(file), limit_(expansion_limit(text_size)) {}

    Position at(const YAML::Mark& m) const {
        if (m.line < 0) return Position{file_, 0, 0};
        return Position{file_, m.line + 1, m.column + 1};
    }

    Value convert(const YAML::Node& node) { return convert(node, at(node.Mark())); }

private:
    // `place`: where this node is written from its parent's side (its key, or the list it is an
    // item of); for a node reached through an alias, the place of the alias.
    Value convert(const YAML::Node& node, const Position& place) {
        if (depth_ >= kMaxDepth)
            throw Error(at(node.Mark()), "document nested too deeply (an alias inside its own anchor?)");
        struct Nesting {
            size_t& depth;
            explicit Nesting(size_t& d) : depth(++d) {}
            ~Nesting() { --depth; }
        } nesting(depth_);
        // A node met a second time is an alias's copy; the outermost such place is reported.
        const YAML::Mark mark = node.Mark();
        // (Nulls are left out: an implicit null may share a mark with others; inside an alias's
        // copy it is charged all the same.)
        const bool repeated =
            !node.IsNull() && node.IsDefined() && !seen_.emplace(mark.pos, static_cast<int>(node.Type())).second;
        struct AliasPlace {
            std::vector<Position>* places;
            AliasPlace(std::vector<Position>* p, const Position& where) : places(p) {
                if (places) places->push_back(where);
            }
            ~AliasPlace() {
                if (places) places->pop_back();
            }
        } alias_place(repeated ? &alias_places_ : nullptr, place);
        charge(sizeof(Value) + file_.size() + (node.IsScalar() ? node.Scalar().size() : 0));
        Value out;
        out.pos = at(node.Mark());
        const std::string& tag = node.Tag();
        if (tag == "!reset" || tag == "!override") out.tag = tag;
        switch (node.Type()) {
            case YAML::NodeType::Undefined:
            case YAML::NodeType::Null:
                out.kind = Value::Kind::Null;
                break;
            case YAML::NodeType::Scalar:
                out.kind = Value::Kind::Scalar;
                out.scalar = node.Scalar();
                if (!out.tag.empty() && out.scalar.empty()) out.kind = Value::Kind::Null;  // `key: !reset`
                out.quoted = (tag == "!");
                break;
            case YAML::NodeType::Sequence:
                out.kind = Value::Kind::Seq;
                out.seq.reserve(node.size());
                for (const YAML::Node& item : node) out.seq.push_back(convert(item, out.pos));
                break;
            case YAML::NodeType::Map:
                out.kind = Value::Kind::Map;
                convert_map(node, out);
                break;
        }
        return out;
    }

    void convert_map(const YAML::Node& node, Value& out) {
        std::vector<Value> merges;  // `<<` sources, applied after the explicit keys
        for (const auto& kv : node) {
            const YAML::Node& k = kv.first;
            if (!k.IsScalar())
                throw Error(at(k.Mark()), "mapping keys must be strings, not " +
                                              std::string(k.IsMap() ? "a mapping" : "a list"));
            const std::string key = k.Scalar();
            const Position key_pos = at(k.Mark());
            if (key == "<<" && k.Tag() != "!") {
                merges.push_back(convert(kv.second, key_pos));
                continue;
            }
            if (out.find(key))
                throw Error(key_pos, "duplicate key '" + key + "'");
            charge(sizeof(Entry) - sizeof(Value) + key.size() + file_.size());
            out.map.push_back(Entry{key, key_pos, convert(kv.second, key_pos)});
        }
        for (Value& m : merges) {
            if (m.is_map()) {
                merge_key(out, m);
            } else if (m.is_seq()) {
                for (Value& item : m.seq) {
                    if (!item.is_map())
                        throw Error(item.pos, "'<<' merge needs a mapping or a list of mappings");
                    merge_key(out, item);
                }
            } else {
                throw Error(m.pos, "'<<' merge needs a mapping or a list of mappings");
            }
        }
    }

    // YAML merge key: keys already present win.
    static void merge_key(Value& out, Value& src) {
        for (Entry& e : src.map)
            if (!out.find(e.key)) out.map.push_back(e);
    }

    // Charges a copy made for an alias (inside one: the text itself is the file's, paid once).
    void charge(size_t bytes) {
        if (alias_places_.empty()) return;
        used_ += bytes;
        if (used_ <= limit_) return;
        throw Error(alias_places_.front(), "aliases here expand the document past " + mebibytes(limit_) +
                                               " of copies (the limit is " + std::to_string(kExpansionFactor) +
                                               " times the file's size, at least " + mebibytes(kExpansionFloor) +
                                               "); refused as an alias bomb");
    }

    const std::string& file_;
    const size_t limit_;
    size_t used_ = 0;
    size_t depth_ = 0;
    std::set<std::pair<size_t, int>> seen_;  // (offset in the text, node type) of nodes converted
    std::vector<Position> alias_places_;     // the places of the aliases being expanded, outermost first
};

}  // namespace

size_t expansion_limit(size_t text_size) {
    return std::max(kExpansionFloor, kExpansionFactor * text_size);
}

Value parse_yaml(const std::string& text, const std::string& file) {
    Converter conv(file, text.size());
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw Error(conv.at(e.mark), e.msg);
    }
    try {
        return conv.convert(root);
    } catch (const YAML::Exception& e) {
        throw Error(conv.at(e.mark), e.msg);
    }
}

}  // namespace ucompose
