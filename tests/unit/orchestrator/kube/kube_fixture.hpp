// Helpers for the `ucompose convert --format kubernetes` tests: load a case of
// tests/unit/data/kube/<case>/compose.yaml, convert it, and compare with the hand-written
// expected.yaml as data (documents in order; keys in any order; "8080" and 8080 differ).
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "../compose_fixture.hpp"
#include "orchestrator/kube/convert.hpp"
#include "orchestrator/kube/yaml_io.hpp"

namespace kube_test {

inline std::string kube_dir() {
    return std::string(UNIT_DATA_DIR) + "/kube";
}

// The test RuntimeClass (its overhead is not the node's).
inline ucompose::kube::ConvertOptions options() {
    ucompose::kube::ConvertOptions o;
    o.runtime_class_yaml = compose_test::read_text(kube_dir() + "/runtimeclass.yaml");
    return o;
}

inline ucompose::Project load_case(const std::string& name) {
    ucompose::LoadOptions lo;
    lo.working_dir = kube_dir() + "/" + name;
    return compose_test::load(lo).project;
}

inline std::vector<ucompose::kube::Manifest> bodies(const ucompose::kube::Conversion& c) {
    std::vector<ucompose::kube::Manifest> out;
    for (const auto& o : c.objects)
        out.push_back(o.body);
    return out;
}

inline std::vector<std::string> files(const ucompose::kube::Conversion& c) {
    std::vector<std::string> out;
    for (const auto& o : c.objects)
        out.push_back(o.file);
    return out;
}

// Key order aside (nlohmann::json sorts keys), the same data.
inline nlohmann::json unordered(const ucompose::kube::Manifest& m) {
    return nlohmann::json::parse(m.dump());
}

// The stream convert writes, read back, equals the case's expected.yaml.
inline void check_golden(const ucompose::kube::Conversion& c, const std::string& name) {
    std::string actual = ucompose::kube::emit_stream(bodies(c));
    INFO("actual output:\n" << actual);
    auto got = ucompose::kube::parse_documents(actual, "actual");
    auto want = ucompose::kube::parse_documents(compose_test::read_text(kube_dir() + "/" + name + "/expected.yaml"),
                                                name + "/expected.yaml");
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("document " << i);
        CHECK(unordered(got[i]).dump(2) == unordered(want[i]).dump(2));
    }
}

inline bool has_warning(const ucompose::kube::Conversion& c, const std::string& line) {
    return std::find(c.warnings.begin(), c.warnings.end(), line) != c.warnings.end();
}

}  // namespace kube_test
