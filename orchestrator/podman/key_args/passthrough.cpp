// The keys passed to podman as they are: one flag each, from orchestrator/model/passthrough.cpp's
// table (the values read_passthrough made: a Map's as KEY=VALUE, a Bool only when true).
#include "orchestrator/model/passthrough.hpp"

#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {

std::vector<KeyArgs> passthrough_args() {
    std::vector<KeyArgs> out;
    for (const PassKey& pk : passthrough_keys()) {
        out.push_back({.key = pk.key, .write = [&pk](const Service& s, const ContainerSpec&, sys::Argv& a) {
                           auto it = s.passthrough.find(pk.key);
                           if (it == s.passthrough.end()) return;
                           if (pk.kind == PassKind::Bool) a.push_back(pk.flag);
                           else for (const auto& v : it->second) args::add(a, pk.flag, v);
                       }});
    }
    return out;
}

}  // namespace ucompose
