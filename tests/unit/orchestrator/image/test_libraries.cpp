#include <catch2/catch.hpp>

#include <elf.h>

#include "orchestrator/image/libraries.hpp"
#include "runtime/sys/error.hpp"

using namespace ucompose::image;

namespace {

ElfInfo lib(std::vector<std::string> needed = {}, std::vector<std::string> rpath = {},
            std::vector<std::string> runpath = {}, int cls = ELFCLASS64) {
    ElfInfo e;
    e.elf_class = cls;
    e.data = ELFDATA2LSB;
    e.machine = EM_X86_64;
    e.type = ET_DYN;
    e.needed = std::move(needed);
    e.rpath = std::move(rpath);
    e.runpath = std::move(runpath);
    return e;
}

ResolveEnv fake_env(std::map<std::string, ElfInfo> files) {
    ResolveEnv env;
    env.inspect = [files](const std::string& p) -> std::optional<ElfInfo> {
        auto it = files.find(p);
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
    env.canonical = [](const std::string& p) { return p; };
    env.default_dirs = {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib"};
    return env;
}

std::vector<std::string> paths(const std::vector<ResolvedLibrary>& libs) {
    std::vector<std::string> out;
    for (const auto& l : libs) out.push_back(l.path);
    return out;
}

}  // namespace

TEST_CASE("libraries: breadth-first through the cache and default dirs, each once") {
    auto env = fake_env({
        {"/lib/x86_64-linux-gnu/libc.so.6", lib()},
        {"/lib/x86_64-linux-gnu/libm.so.6", lib({"libc.so.6"})},
        {"/usr/lib/x86_64-linux-gnu/libstdc++.so.6", lib({"libm.so.6", "libc.so.6", "libgcc_s.so.1"})},
        {"/lib/x86_64-linux-gnu/libgcc_s.so.1", lib({"libc.so.6"})},
    });
    env.cache = {{"libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"}};
    ElfInfo exe = lib({"libstdc++.so.6", "libc.so.6"});
    exe.interpreter = "/lib64/ld-linux-x86-64.so.2";
    auto libs = resolve_libraries("/app/server", exe, env);
    CHECK(paths(libs) == std::vector<std::string>{"/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
                                                  "/lib/x86_64-linux-gnu/libc.so.6",
                                                  "/lib/x86_64-linux-gnu/libm.so.6",
                                                  "/lib/x86_64-linux-gnu/libgcc_s.so.1"});
    CHECK(libs[2].needed_by == "/usr/lib/x86_64-linux-gnu/libstdc++.so.6");
}

TEST_CASE("libraries: RUNPATH with $ORIGIN wins over the default dirs; RPATH is inherited, RUNPATH is not") {
    auto env = fake_env({
        {"/opt/app/lib/libfoo.so", lib({"libbar.so"})},
        {"/opt/app/lib/libbar.so", lib()},
        {"/lib/x86_64-linux-gnu/libfoo.so", lib()},
        {"/rp/libbaz.so", lib()},
        {"/opt/old/libqux.so", lib({"libbaz.so"})},
        {"/opt/app/bin/../lib/libbar.so", lib()},
    });
    SECTION("RUNPATH of the requester only") {
        ElfInfo exe = lib({"libfoo.so"}, {}, {"/opt/app/lib"});
        // libbar.so is needed by libfoo.so, which has no RUNPATH: the exe's RUNPATH does not apply.
        CHECK_THROWS_WITH(resolve_libraries("/opt/app/bin/app", exe, env),
                          Catch::Contains("library libbar.so needed by /opt/app/lib/libfoo.so: not found"));
    }
    SECTION("RPATH of the executable applies to its dependencies' lookups") {
        ElfInfo exe = lib({"libqux.so"}, {"/opt/old", "/rp"});
        CHECK(paths(resolve_libraries("/bin/app", exe, env)) ==
              std::vector<std::string>{"/opt/old/libqux.so", "/rp/libbaz.so"});
    }
    SECTION("$ORIGIN expands to the executable's directory") {
        ElfInfo exe = lib({"libbar.so"}, {}, {"${ORIGIN}/../lib"});
        CHECK(paths(resolve_libraries("/opt/app/bin/app", exe, env)) ==
              std::vector<std::string>{"/opt/app/bin/../lib/libbar.so"});
    }
}

TEST_CASE("libraries: an incompatible file is skipped, as ld.so does") {
    auto env = fake_env({
        {"/lib/x86_64-linux-gnu/libz.so.1", lib({}, {}, {}, ELFCLASS32)},
        {"/usr/lib/x86_64-linux-gnu/libz.so.1", lib()},
    });
    CHECK(paths(resolve_libraries("/bin/app", lib({"libz.so.1"}), env)) ==
          std::vector<std::string>{"/usr/lib/x86_64-linux-gnu/libz.so.1"});
}

TEST_CASE("libraries: a missing library names who needs it and where it was searched") {
    auto env = fake_env({});
    CHECK_THROWS_WITH(resolve_libraries("/bin/app", lib({"libnope.so.3"}), env),
                      "library libnope.so.3 needed by /bin/app: not found (searched /lib/x86_64-linux-gnu, "
                      "/usr/lib/x86_64-linux-gnu, /lib, /usr/lib)");
}

TEST_CASE("libraries: ldconfig -p output becomes the cache, 64-bit entries only") {
    auto cache = parse_ldconfig_output(
        "1234 libs found in cache `/etc/ld.so.cache'\n"
        "\tlibz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1\n"
        "\tlibz.so.1 (libc6) => /lib/i386-linux-gnu/libz.so.1\n"
        "\tlibc.so.6 (libc6,x86-64, OS ABI: Linux 3.2.0) => /lib/x86_64-linux-gnu/libc.so.6\n"
        "\tlibx.so (libc6,x86-64, hwcap: 0x0000000000000002) => /lib/hw/libx.so\n");
    CHECK(cache == LoaderCache{{"libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1"},
                               {"libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"}});
}

TEST_CASE("libraries: the test binary resolves on this host") {
    ElfInfo exe = read_elf("/proc/self/exe");
    auto libs = resolve_libraries("/proc/self/exe", exe, host_resolve_env());
    bool has_libc = false;
    for (const auto& l : libs) has_libc |= l.name == "libc.so.6";
    CHECK(has_libc);
}
