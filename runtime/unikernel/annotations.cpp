#include "runtime/unikernel/annotations.hpp"

#include "runtime/sys/error.hpp"
#include "runtime/unikernel/paths.hpp"

namespace ucrun::unikernel {
namespace {

bool has_prefix(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

std::map<std::string, std::string> with_prefix(const std::map<std::string, std::string>& a,
                                               const std::string& prefix) {
    std::map<std::string, std::string> out;
    for (const auto& [k, v] : a)
        if (has_prefix(k, prefix)) out[k.substr(prefix.size())] = v;
    return out;
}

std::string get(const std::map<std::string, std::string>& m, const char* key) {
    auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

}  // namespace

void check_source_fields(const SourceRef& s) {
    std::string where = s.origin;
    auto need = [&](const std::string& v, const char* field) {
        if (v.empty())
            throw sys::Error(where + ": kind " + to_string(s.kind) + " needs " + field);
    };
    auto refuse = [&](const std::string& v, const char* field) {
        if (!v.empty())
            throw sys::Error(where + ": kind " + to_string(s.kind) + " takes no " + field + " (got \"" + v + "\")");
    };
    switch (s.kind) {
    case GuestKind::linux_:
        need(s.kernel, "a kernel file");
        need(s.initrd, "an initrd file");
        refuse(s.disk, "disk");
        break;
    case GuestKind::multiboot:
        need(s.kernel, "a kernel file");
        refuse(s.disk, "disk");
        break;
    case GuestKind::disk:
        need(s.disk, "a disk image");
        refuse(s.kernel, "kernel");
        refuse(s.initrd, "initrd");
        break;
    }
    // Lexical confinement now, so that a bad path is reported before anything else happens.
    if (!s.kernel.empty()) confined_relative(s.kernel, where + ": kernel");
    if (!s.initrd.empty()) confined_relative(s.initrd, where + ": initrd");
    if (!s.disk.empty()) confined_relative(s.disk, where + ": disk");
}

std::optional<SourceRef> from_ucrun_annotations(const std::map<std::string, std::string>& a,
                                                const std::string& rootfs) {
    auto m = with_prefix(a, kUcrunPrefix);
    if (m.empty()) return std::nullopt;
    SourceRef s;
    s.base = rootfs;
    s.origin = std::string("annotations ") + kUcrunPrefix + "*";
    for (const auto& [k, v] : m) {
        std::string name = std::string(kUcrunPrefix) + k;
        if (k == "kernel") s.kernel = v;
        else if (k == "initrd") s.initrd = v;
        else if (k == "disk") s.disk = v;
        else if (k == "cmdline") s.cmdline = v;
        else if (k == "memory") s.memory_mib = parse_memory_mib(v, "annotation " + name);
        else if (k == "kind") {
            auto kind = kind_from_name(v);
            if (!kind)
                throw sys::Error("annotation " + name + "=\"" + v + "\": unknown kind (use linux, multiboot or disk)");
        } else {
            throw sys::Error("annotation " + name + ": unknown key (known: kind, kernel, initrd, disk, cmdline, memory)");
        }
    }
    if (auto kind = get(m, "kind"); !kind.empty())
        s.kind = *kind_from_name(kind);
    else if (!s.disk.empty())
        s.kind = GuestKind::disk;
    else if (!s.initrd.empty())
        s.kind = GuestKind::linux_;
    else
        s.kind = GuestKind::multiboot;
    check_source_fields(s);
    return s;
}

std::optional<SourceRef> from_urunc_annotations(const std::map<std::string, std::string>& a,
                                                const std::string& rootfs) {
    auto m = with_prefix(a, kUruncPrefix);
    if (m.empty()) return std::nullopt;
    SourceRef s;
    s.base = rootfs;
    s.origin = std::string("annotations ") + kUruncPrefix + "*";
    std::string type = get(m, "unikernelType");
    std::string binary = get(m, "binary");
    std::string block = get(m, "block");
    s.cmdline = get(m, "cmdline");
    s.initrd = get(m, "initrd");
    if (type.empty() && binary.empty() && block.empty())
        throw sys::Error(s.origin + ": neither unikernelType, binary nor block is set");
    if (type == "linux") {
        s.kind = GuestKind::linux_;
        s.kernel = binary;
    } else if (!binary.empty()) {
        s.kind = GuestKind::multiboot;
        s.kernel = binary;
    } else {
        s.kind = GuestKind::disk;
        s.disk = block;
        s.initrd.clear();
    }
    check_source_fields(s);
    return s;
}

}  // namespace ucrun::unikernel
