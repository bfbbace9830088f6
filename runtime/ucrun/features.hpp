// `features`: what ucrun (with its delegate) supports, in the runtime spec's features format.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace ucrun {

// The document: the delegate's own `features` output when it has one (runc), else ucrun's
// description of crun's support; ucrun adds its annotations either way. Pure.
nlohmann::json features_document(const std::optional<nlohmann::json>& delegate_features,
                                 const std::string& delegate_name);

}  // namespace ucrun
