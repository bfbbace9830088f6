#include "orchestrator/engine/unikernels.hpp"

#include <optional>
#include <set>

#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/registry/remote.hpp"
#include "runtime/registry/remote.hpp"
#include "runtime/sys/file.hpp"

namespace ucompose {

std::vector<NamedUnikernel> unikernels_by_name(const Project& project, const std::vector<std::string>& services,
                                               const std::vector<ObservedImage>& images) {
    std::vector<NamedUnikernel> out;
    std::set<std::string> seen;
    for (const auto& service : services) {
        const Service& s = project.service(service);
        const ObservedImage* image = find_image(images, image_name(project, s));
        if (!is_unikernel(s, image)) continue;
        if (image && image->labels.count(kUnikernelKindLabel)) continue;  // the image carries it
        std::string name;
        if (auto env = s.environment.find("SERVICE_NAME"); env != s.environment.end() && env->second)
            name = *env->second;
        else if (s.ucompose && s.ucompose->unikernel)
            name = *s.ucompose->unikernel;
        if (name.empty() || !seen.insert(name).second) continue;
        out.push_back({service, name});
    }
    return out;
}

namespace {

class RegistrySource : public UnikernelSource {
public:
    bool has_remote() const override { return !settings().remote.empty(); }
    std::string local_root() const override { return settings().root; }
    bool installed(const std::string& name) const override {
        return sys::path_exists(settings().root + "/" + name + "/manifest.json");
    }
    void pull(const std::string& name) override {
        const auto& c = settings();
        ucrun::registry::PullRequest r;
        r.ref = ucrun::registry::remote_reference(c.remote, name);
        r.root = c.root;
        r.name = name;
        r.tls_verify = c.tls_verify;
        r.skopeo = c.skopeo;
        ucrun::registry::pull_unikernel(r);
    }

private:
    // Read on first use: commands that boot nothing never read ucrun's config.
    const registry::RemoteSettings& settings() const {
        if (!settings_) settings_ = registry::remote_settings();
        return *settings_;
    }
    mutable std::optional<registry::RemoteSettings> settings_;
};

}  // namespace

std::shared_ptr<UnikernelSource> registry_unikernel_source() { return std::make_shared<RegistrySource>(); }

}  // namespace ucompose
