// Manifest -> YAML (declared in yaml_io.hpp), with the one YAML writer (model/yaml_write.hpp) in
// convert's style: number-like strings quoted (yaml_scalar.hpp), keys and '$' as they are.
#include "orchestrator/kube/yaml_io.hpp"
#include "orchestrator/model/yaml_scalar.hpp"
#include "orchestrator/model/yaml_write.hpp"

namespace ucompose::kube {
namespace {

constexpr YamlStyle kKubeYaml{.quote_value = may_read_as_non_string};

}  // namespace

std::string emit_document(const Manifest& body) { return write_yaml(body, kKubeYaml); }

std::string emit_stream(const std::vector<Manifest>& bodies) { return write_yaml_stream(bodies, kKubeYaml); }

}  // namespace ucompose::kube
