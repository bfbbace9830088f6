// Keys a Deployment does not carry: one warning each, at the key's place in the compose file.
// Which keys, when and why is each key's Kubernetes meaning in the key table
// (orchestrator/model/keys/, KubeMeaning); docs/kubernetes-convert.md ("Warned about") lists them.
#include <algorithm>

#include "orchestrator/kube/parts.hpp"
#include "orchestrator/model/keys/service_key.hpp"

namespace ucompose::kube {
namespace {

// The keys that can be warned about, in their warnings' order.
const std::vector<const ServiceKey*>& warned_keys() {
    static const std::vector<const ServiceKey*> keys = [] {
        std::vector<const ServiceKey*> out;
        for (const ServiceKey& k : service_keys())
            if (k.kube.use == KubeUse::Warned) out.push_back(&k);
        std::sort(out.begin(), out.end(),
                  [](const ServiceKey* a, const ServiceKey* b) { return a->kube.order < b->kube.order; });
        return out;
    }();
    return keys;
}

}  // namespace

void warn_unsupported(const Service& s, bool unikernel, Warnings& w) {
    for (const ServiceKey* k : warned_keys()) {
        if (!k->kube.warn_when(s, unikernel)) continue;
        const std::string key(k->name);
        w.add(s, key, key + " is not converted: " + std::string(k->kube.reason));
    }
}

}  // namespace ucompose::kube
