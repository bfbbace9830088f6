#include "orchestrator/model/yaml_write.hpp"

#include <yaml-cpp/yaml.h>

#include "orchestrator/model/error.hpp"

namespace ucompose {
namespace {

using json = nlohmann::ordered_json;

// Docker compose writes every '$' of the model as "$$", so that its output reads back as the
// same model: the loader interpolates it again (docker/compose#8632).
std::string escape_dollars(const std::string& s) {
    if (s.find('$') == std::string::npos) return s;
    std::string out;
    out.reserve(s.size() + 4);
    for (char c : s) {
        out += c;
        if (c == '$') out += '$';
    }
    return out;
}

// A float as Go's %g prints it, as docker compose does: JSON's shortest form that reads back
// the same, without JSON's ".0" on whole numbers (cpus: 2, not 2.0). Negative zero keeps it:
// "-0" would read back as the int 0.
std::string go_float(std::string s) {
    if (s.ends_with(".0") && s != "-0.0") s.resize(s.size() - 2);
    return s;
}

class Writer {
public:
    explicit Writer(const YamlStyle& style) : style_(style) {
        e_.SetIndent(2);
        e_.SetNullFormat(style.null_word ? YAML::LowerNull : YAML::TildeNull);
        e_.SetBoolFormat(YAML::TrueFalseBool);
    }

    void document(const json& v) {
        e_ << YAML::BeginDoc;
        value(v);
    }

    void value(const json& v) {
        switch (v.type()) {
            case json::value_t::object:
                if (v.empty() && style_.flow_empty_maps) e_ << YAML::Flow;
                e_ << YAML::BeginMap;
                for (auto it = v.begin(); it != v.end(); ++it) {
                    e_ << YAML::Key;
                    text(it.key(), style_.quote_key);
                    e_ << YAML::Value;
                    value(it.value());
                }
                e_ << YAML::EndMap;
                break;
            case json::value_t::array:
                if (v.empty()) e_ << YAML::Flow;
                e_ << YAML::BeginSeq;
                for (const json& x : v) value(x);
                e_ << YAML::EndSeq;
                break;
            case json::value_t::string: {
                const auto& s = v.get_ref<const std::string&>();
                text(style_.double_dollars ? escape_dollars(s) : s, style_.quote_value);
                break;
            }
            case json::value_t::boolean: e_ << v.get<bool>(); break;
            case json::value_t::null: e_ << YAML::Null; break;
            case json::value_t::number_float:
                if (style_.go_floats) e_ << go_float(v.dump());
                else e_ << v.get<double>();
                break;
            default: e_ << v.dump(); break;  // ints
        }
    }

    std::string finish() {
        if (!e_.good()) throw Error("cannot write the model as YAML: " + e_.GetLastError());
        std::string out(e_.c_str(), e_.size());
        if (!out.empty() && out.back() != '\n') out += '\n';
        return out;
    }

private:
    void text(const std::string& s, bool (*quote)(std::string_view)) {
        if (quote && quote(s)) e_ << YAML::DoubleQuoted;
        e_ << s;
    }

    const YamlStyle& style_;
    YAML::Emitter e_;
};

}  // namespace

std::string write_yaml(const json& value, const YamlStyle& style) {
    Writer w(style);
    w.value(value);
    return w.finish();
}

std::string write_yaml_stream(const std::vector<json>& documents, const YamlStyle& style) {
    Writer w(style);
    for (const json& d : documents) w.document(d);
    return w.finish();
}

}  // namespace ucompose
