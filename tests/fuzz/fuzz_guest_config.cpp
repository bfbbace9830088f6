// libFuzzer target: the guest init's readers of the host's config files (runtime/guest/config.c,
// docs/guest-contract.md): NUL-separated lists (/ucrun/args, /ucrun/env and the image's
// defaults), args_are_placeholder, merge_env and env_get, and the key=value /ucrun/net.
// Input: up to four parts separated by the two bytes "\n\xff" (a line end then a byte no config
// file is expected to hold, so NUL lists stay intact):
//   /ucrun/args \n\xff /ucrun.default/env \n\xff /ucrun/env \n\xff /ucrun/net
// The parsers run over buffers (parse_nul_list, parse_netcfg), which read_nul_list and
// read_netcfg call after reading the file, so no file is written per run.
#include <stdlib.h>
#include <string.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" {
#include "runtime/guest/guest.h"
}

namespace {

std::vector<std::string> split_parts(const std::uint8_t* data, std::size_t size, std::size_t max_parts) {
    std::string all(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (parts.size() + 1 < max_parts) {
        std::size_t sep = all.find("\n\xff", at);
        if (sep == std::string::npos) break;
        parts.push_back(all.substr(at, sep - at));
        at = sep + 2;
    }
    parts.push_back(all.substr(at));
    parts.resize(max_parts);
    return parts;
}

void free_list(struct strlist* l) {
    for (std::size_t i = 0; i < l->n; ++i) free(l->v[i]);
    free(l->v);
}

// What main.c does with the values: read them to their NUL.
std::size_t touch(const char* s) { return s ? strlen(s) : 0; }

// Keeps the reads above from being optimised away.
volatile std::size_t sink;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> parts = split_parts(data, size, 4);

    struct strlist args, env_d, env_c;
    parse_nul_list(parts[0].data(), parts[0].size(), &args);
    parse_nul_list(parts[1].data(), parts[1].size(), &env_d);
    parse_nul_list(parts[2].data(), parts[2].size(), &env_c);
    std::size_t seen = 0;
    seen += static_cast<std::size_t>(args_are_placeholder(&args));
    for (std::size_t i = 0; i < args.n; ++i) seen += touch(args.v[i]);
    struct strlist env = merge_env(&env_d, &env_c);
    seen += touch(env_get(&env, "PATH"));
    seen += touch(env_get(&env, "HOME"));
    for (std::size_t i = 0; i < env_c.n; ++i) {
        // Each key of the container's env, looked up in the merged env.
        std::string key(env_c.v[i], strcspn(env_c.v[i], "="));
        seen += touch(env_get(&env, key.c_str()));
    }
    for (std::size_t i = 0; i < env.n; ++i) seen += touch(env.v[i]);
    free_list(&args);
    free_list(&env_d);
    free_list(&env_c);
    free_list(&env);

    // parse_netcfg cuts the text in place: hand it a NUL-terminated copy, as read_file_all does.
    std::vector<char> net(parts[3].begin(), parts[3].end());
    net.push_back('\0');
    struct netcfg cfg;
    parse_netcfg(net.data(), &cfg);
    seen += touch(cfg.mac) + touch(cfg.ip) + touch(cfg.gw) + touch(cfg.search) + touch(cfg.hostname);
    for (int i = 0; i < cfg.ndns; ++i) seen += touch(cfg.dns[i]);
    sink = seen;
    return 0;
}
