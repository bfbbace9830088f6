// Manifests <-> YAML text, with yaml-cpp (YAML::Emitter to write, YAML::LoadAll to read).
// A string that YAML would read back as another type ("8080", "true", "1e3", "null") is written
// double-quoted; reading resolves plain scalars as YAML 1.2's core schema (null, bool, int,
// float, else string) and quoted ones as strings, so write-then-read gives the value back.
#pragma once
#include <string>
#include <vector>

#include "orchestrator/kube/manifest.hpp"

namespace ucompose::kube {

// One document, block style, without a "---" line.
std::string emit_document(const Manifest& body);
// Each document after its own "---" line.
std::string emit_stream(const std::vector<Manifest>& bodies);

// Every document of a YAML stream. Throws Error on invalid YAML (`what` names the text).
std::vector<Manifest> parse_documents(const std::string& text, const std::string& what);

}  // namespace ucompose::kube
