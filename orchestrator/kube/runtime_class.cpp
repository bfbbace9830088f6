// The RuntimeClass object, read from its YAML text (runtime/node/runtimeclass.yaml, carried in
// ucompose) and written again as it is.
#include "orchestrator/kube/parts.hpp"
#include "orchestrator/kube/yaml_io.hpp"

namespace ucompose::kube {

Manifest runtime_class_object(const std::string& yaml) {
    auto docs = parse_documents(yaml, "the RuntimeClass");
    if (docs.size() != 1 || !docs[0].is_object() || docs[0].value("kind", "") != "RuntimeClass")
        throw Error("the RuntimeClass text is not one RuntimeClass object");
    return docs[0];
}

}  // namespace ucompose::kube
