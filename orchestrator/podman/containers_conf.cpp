#include "orchestrator/podman/containers_conf.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "runtime/sys/file.hpp"

namespace ucompose {
namespace {

namespace fs = std::filesystem;

void add_with_dropins(std::vector<std::string>& files, const std::string& conf, const std::string& dropin_dir) {
    if (!conf.empty()) files.push_back(conf);
    std::vector<std::string> dropins;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dropin_dir, ec))
        if (e.path().extension() == ".conf") dropins.push_back(e.path().string());
    std::sort(dropins.begin(), dropins.end());
    files.insert(files.end(), dropins.begin(), dropins.end());
}

}  // namespace

std::vector<std::string> containers_conf_files() {
    std::vector<std::string> files = {"/usr/share/containers/containers.conf"};
    add_with_dropins(files, "/etc/containers/containers.conf", "/etc/containers/containers.conf.d");
    if (::geteuid() != 0) {
        std::string dir;
        if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) dir = x;
        else if (const char* h = std::getenv("HOME"); h && *h) dir = std::string(h) + "/.config";
        if (!dir.empty())
            add_with_dropins(files, dir + "/containers/containers.conf", dir + "/containers/containers.conf.d");
    }
    if (const char* c = std::getenv("CONTAINERS_CONF"); c && *c) files.push_back(c);
    return files;
}

doctor::TomlTables read_containers_conf(std::vector<std::string>* read) {
    doctor::TomlTables conf;
    for (const std::string& file : containers_conf_files()) {
        auto text = sys::read_file_if_exists(file);
        if (!text) continue;
        if (read) read->push_back(file);
        doctor::overlay(conf, doctor::parse_toml_lines(*text));
    }
    return conf;
}

}  // namespace ucompose
