#include "orchestrator/image/guest_layout.hpp"

#include "runtime/sys/error.hpp"

namespace ucompose::image {

FileMapping parse_file_mapping(const std::string& spec) {
    auto colon = spec.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= spec.size())
        throw sys::Error("--file \"" + spec + "\": expected SRC:DST");
    FileMapping m{spec.substr(0, colon), spec.substr(colon + 1)};
    if (m.dst[0] != '/') throw sys::Error("--file \"" + spec + "\": DST must be an absolute path in the guest");
    return m;
}

std::vector<std::string> default_command(const GuestLayout& layout) {
    std::vector<std::string> cmd{layout.app_path};
    cmd.insert(cmd.end(), layout.args.begin(), layout.args.end());
    return cmd;
}

std::string nul_join(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) {
        s += i;
        s.push_back('\0');
    }
    return s;
}

InitramfsPlan plan_guest_initramfs(const GuestLayout& layout) {
    InitramfsPlan plan;
    plan.add_data("/init", layout.init_binary, 0755);
    plan.add_char_device("/dev/console", 0600, 5, 1);
    for (const char* d : {"/proc", "/sys", "/etc"}) plan.add_directory(d);
    plan.add_directory("/tmp", 01777);

    plan.add_host_file(layout.app_path, layout.app_source.empty() ? layout.app_path : layout.app_source, 0755);
    if (layout.interpreter) plan.add_host_file(*layout.interpreter, *layout.interpreter, 0755);
    for (const auto& lib : layout.libraries) plan.add_host_file(lib.path, lib.path, 0755);
    if (layout.loader_cache) plan.add_host_file("/etc/ld.so.cache", *layout.loader_cache, 0644);

    if (!layout.modules.empty() && layout.kernel_version) {
        std::string order;
        for (const auto& m : layout.modules) {
            std::string rel = *layout.kernel_version + "/" + m;
            plan.add_host_file("/lib/modules/" + rel, layout.modules_dir + "/" + m, 0644);
            order += rel + "\n";
        }
        plan.add_data("/lib/modules/load-order", order);
    }

    plan.add_data("/ucrun.default/args", nul_join(default_command(layout)));
    plan.add_data("/ucrun.default/env", nul_join(layout.env));
    for (const auto& f : layout.files) plan.add_host_file(f.dst, f.src, f.mode);
    return plan;
}

}  // namespace ucompose::image
