#include "runtime/unikernel/guest_config.hpp"

#include "runtime/sys/cpio.hpp"

namespace ucrun::unikernel {
namespace {

std::string nul_list(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        out += s;
        out.push_back('\0');
    }
    return out;
}

bool cmdline_safe(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == '\0') return false;
    return true;
}

void append_word(std::string& out, const std::string& w) {
    if (w.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += w;
}

}  // namespace

std::string net_file(const GuestNic& nic, const std::string& hostname) {
    std::string out = "mac=" + nic.mac + "\n";
    if (!nic.ip.empty()) {
        out += "ip=" + nic.ip + "\n";
        out += "prefix=" + std::to_string(nic.prefix) + "\n";
    }
    if (!nic.gateway.empty()) out += "gw=" + nic.gateway + "\n";
    for (const auto& d : nic.dns) out += "dns=" + d + "\n";
    if (!nic.search.empty()) out += "search=" + nic.search + "\n";
    if (!hostname.empty()) out += "hostname=" + hostname + "\n";
    return out;
}

std::vector<GuestFile> linux_config_entries(const GuestProcess& p, const std::optional<GuestNic>& nic,
                                            const std::string& seed) {
    std::vector<GuestFile> e;
    e.push_back({"ucrun", true, "", 0755});
    e.push_back({"ucrun/args", false, nul_list(p.args), 0644});
    e.push_back({"ucrun/env", false, nul_list(p.env), 0600});
    e.push_back({"ucrun/cwd", false, p.cwd + "\n", 0644});
    if (nic) e.push_back({"ucrun/net", false, net_file(*nic, p.hostname), 0644});
    if (!seed.empty()) e.push_back({"ucrun/seed", false, seed, 0600});
    return e;
}

std::string config_archive(const std::vector<GuestFile>& entries) {
    sys::CpioWriter w;
    for (const auto& f : entries) {
        if (f.directory)
            w.add_directory(f.name, f.mode ? f.mode : 0755);
        else
            w.add_file(f.name, f.data, f.mode ? f.mode : 0644);
    }
    return w.finish();
}

std::string linux_cmdline(const std::string& image_cmdline, Accel accel) {
    std::string out = "console=ttyS0 quiet panic=-1 no_timer_check";
    if (accel == Accel::tcg) append_word(out, "nolapic_timer");
    append_word(out, image_cmdline);
    return out;
}

std::string multiboot_cmdline(const std::string& image_cmdline, const GuestProcess& p,
                              const std::optional<GuestNic>& nic, std::vector<std::string>* dropped) {
    std::string out = image_cmdline;
    if (nic && !nic->ip.empty()) {
        std::string v = "netdev.ip=" + nic->ip + "/" + std::to_string(nic->prefix) + ":" + nic->gateway;
        if (!nic->dns.empty()) v += ":" + nic->dns.front();
        append_word(out, v);
    }
    std::vector<std::string> env;
    for (const auto& kv : p.env) {
        if (cmdline_safe(kv))
            env.push_back(kv);
        else if (dropped)
            dropped->push_back(kv);
    }
    if (!env.empty()) {
        append_word(out, "env.vars=[");
        for (const auto& kv : env) append_word(out, kv);
        append_word(out, "]");
    }
    std::vector<std::string> args;
    for (size_t i = 1; i < p.args.size(); ++i) {
        if (cmdline_safe(p.args[i]))
            args.push_back(p.args[i]);
        else if (dropped)
            dropped->push_back(p.args[i]);
    }
    if (!args.empty()) {
        append_word(out, "--");
        for (const auto& a : args) append_word(out, a);
    }
    return out;
}

}  // namespace ucrun::unikernel
