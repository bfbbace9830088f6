// Service keys that become one podman flag each, unchanged (cpu_shares -> --cpu-shares, ...):
// one table for the reader, the `config` writer and the podman argv builder.
#pragma once
#include <string>
#include <vector>

namespace ucompose {

enum class PassKind {
    Int,     // an integer
    String,  // a string
    Bool,    // a flag given alone when true
    List,    // the flag once per item
    Map,     // the flag once per KEY=VALUE
};

struct PassKey {
    const char* key;   // the compose key
    const char* flag;  // podman's flag
    PassKind kind;
};

const std::vector<PassKey>& passthrough_keys();
const PassKey* find_passthrough(const std::string& key);  // nullptr when not one

}  // namespace ucompose
