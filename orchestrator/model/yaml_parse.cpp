#include "orchestrator/model/yaml_parse.hpp"

#include <yaml-cpp/yaml.h>

namespace ucompose {
namespace {

constexpr size_t kMaxNodes = 2'000'000;  // guards against alias bombs
// Guards against a node that contains an alias of itself (`a: &x {b: *x}`, which yaml-cpp
// accepts): converting it would recurse until the stack runs out.
constexpr size_t kMaxDepth = 256;

class Converter {
public:
    explicit Converter(const std::string& file) : file_(file) {}

    Position at(const YAML::Mark& m) const {
        if (m.line < 0) return Position{file_, 0, 0};
        return Position{file_, m.line + 1, m.column + 1};
    }

    Value convert(const YAML::Node& node) {
        if (++count_ > kMaxNodes)
            throw Error(at(node.Mark()), "document too large (recursive aliases?)");
        if (depth_ >= kMaxDepth)
            throw Error(at(node.Mark()), "document nested too deeply (an alias inside its own anchor?)");
        struct Nesting {
            size_t& depth;
            explicit Nesting(size_t& d) : depth(++d) {}
            ~Nesting() { --depth; }
        } nesting(depth_);
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
                for (const YAML::Node& item : node) out.seq.push_back(convert(item));
                break;
            case YAML::NodeType::Map:
                out.kind = Value::Kind::Map;
                convert_map(node, out);
                break;
        }
        return out;
    }

private:
    void convert_map(const YAML::Node& node, Value& out) {
        std::vector<Value> merges;  // `<<` sources, applied after the explicit keys
        for (const auto& kv : node) {
            const YAML::Node& k = kv.first;
            if (!k.IsScalar())
                throw Error(at(k.Mark()), "mapping keys must be strings, not " +
                                              std::string(k.IsMap() ? "a mapping" : "a list"));
            const std::string key = k.Scalar();
            if (key == "<<" && k.Tag() != "!") {
                merges.push_back(convert(kv.second));
                continue;
            }
            if (out.find(key))
                throw Error(at(k.Mark()), "duplicate key '" + key + "'");
            out.map.push_back(Entry{key, at(k.Mark()), convert(kv.second)});
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

    const std::string& file_;
    size_t count_ = 0;
    size_t depth_ = 0;
};

}  // namespace

Value parse_yaml(const std::string& text, const std::string& file) {
    Converter conv(file);
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
