#include <catch2/catch.hpp>

#include "orchestrator/image/kernel.hpp"

using namespace ucompose::image;

TEST_CASE("kernel: version from a bzImage setup header") {
    std::string img(0x1000, '\0');
    img.replace(0x202, 4, "HdrS");
    unsigned off = 0x300;  // string at off + 0x200
    img[0x20e] = static_cast<char>(off & 0xff);
    img[0x20f] = static_cast<char>(off >> 8);
    std::string v = "6.1.0-56-cloud-amd64 (debian-kernel@lists.debian.org) #1 SMP";
    img.replace(off + 0x200, v.size(), v);
    CHECK(bzimage_version(img) == std::optional<std::string>("6.1.0-56-cloud-amd64"));
    CHECK_FALSE(bzimage_version(std::string(0x1000, 'x')).has_value());
}

TEST_CASE("kernel: version from the file name, and the newest kernel with modules wins") {
    CHECK(version_from_filename("/boot/vmlinuz-6.1.0-56-cloud-amd64") == std::optional<std::string>("6.1.0-56-cloud-amd64"));
    CHECK_FALSE(version_from_filename("/boot/bzImage").has_value());
    std::vector<std::string> all{"/boot/vmlinuz-6.1.0-9-amd64", "/boot/vmlinuz-6.1.0-10-amd64", "/boot/vmlinuz-6.5.0-1-amd64"};
    CHECK(pick_kernel(all, {"/boot/vmlinuz-6.1.0-9-amd64", "/boot/vmlinuz-6.1.0-10-amd64"}) ==
          std::optional<std::string>("/boot/vmlinuz-6.1.0-10-amd64"));
    CHECK(pick_kernel(all, {}) == std::optional<std::string>("/boot/vmlinuz-6.5.0-1-amd64"));
    CHECK_FALSE(pick_kernel({}, {}).has_value());
}

TEST_CASE("kernel: a missing explicit kernel is an error naming it") {
    CHECK_THROWS_WITH(find_kernel(std::string("/nonexistent/vmlinuz")),
                      "kernel /nonexistent/vmlinuz: No such file or directory");
    CHECK_THROWS_WITH(find_kernel(std::nullopt, "/nonexistent-boot"), Catch::Contains("linux-image-cloud-amd64"));
}

#include <cstdlib>

#include "orchestrator/kernel/store.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"

namespace {

// A kernels root holding one purpose-built kernel, made current.
std::string make_kernels_root(const std::string& base) {
    std::string root = base + "/kernels";
    ucompose::kernel::StagedKernel staged(root, "6.1.192-1-0123456789ab");
    sys::write_file_atomic(staged.dir() + "/vmlinux", "ELF");
    sys::write_file_atomic(staged.dir() + "/bzImage", "bz");
    ucompose::kernel::InstalledKernel facts;
    facts.release = "6.1.192";
    facts.inputs_hash = "0123456789ab";
    facts.compile_steps = 1500;
    auto k = staged.commit(facts);
    CHECK(k.name == "6.1.192-1-0123456789ab");
    ucompose::kernel::set_current(root, k.name);
    return root;
}

}  // namespace

TEST_CASE("kernel: the purpose-built kernel is the default, with no modules and no warning") {
    sys::TempDir tmp("ucompose-unit-");
    std::string root = make_kernels_root(tmp.path());
    auto g = choose_guest_kernel(std::nullopt, root, "/nonexistent-boot");
    CHECK(g.path == root + "/6.1.192-1-0123456789ab/vmlinux");
    CHECK(g.builtin_drivers);
    CHECK_FALSE(g.fallback_warning.has_value());
    // --kernel naming a file of a kernel directory is ours too; its bzImage works as well.
    auto explicit_bz = choose_guest_kernel(root + "/current/bzImage", root, "/nonexistent-boot");
    CHECK(explicit_bz.builtin_drivers);
    CHECK(explicit_bz.path == root + "/current/bzImage");
    auto listed = ucompose::kernel::list_kernels(root);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].compile_steps == 1500);
    CHECK(ucompose::kernel::current_kernel(root)->release == "6.1.192");
}

TEST_CASE("kernel: without a purpose-built kernel the host's kernel stands in, with a warning") {
    sys::TempDir tmp("ucompose-unit-");
    sys::make_dirs(tmp.path() + "/boot");
    sys::make_dirs(tmp.path() + "/modules/6.1.0-9-amd64");
    sys::write_file_atomic(tmp.path() + "/boot/vmlinuz-6.1.0-9-amd64", "bz");
    auto g = choose_guest_kernel(std::nullopt, tmp.path() + "/no-kernels", tmp.path() + "/boot", tmp.path() + "/modules");
    CHECK(g.path == tmp.path() + "/boot/vmlinuz-6.1.0-9-amd64");
    CHECK_FALSE(g.builtin_drivers);
    CHECK(g.version == std::optional<std::string>("6.1.0-9-amd64"));
    REQUIRE(g.fallback_warning.has_value());
    CHECK_THAT(*g.fallback_warning, Catch::Contains("run `ucompose kernel build`"));
}

TEST_CASE("kernel: a kernel directory that is not complete is not a kernel") {
    sys::TempDir tmp("ucompose-unit-");
    sys::make_dirs(tmp.path() + "/k");
    sys::write_file_atomic(tmp.path() + "/k/kernel.json", "{}");
    sys::write_file_atomic(tmp.path() + "/k/vmlinux", "ELF");
    CHECK_FALSE(ucompose::kernel::read_kernel(tmp.path() + "/k").has_value());  // no bzImage
    CHECK_FALSE(ucompose::kernel::current_kernel(tmp.path()).has_value());
}

TEST_CASE("kernel: default guest RAM follows the kernel and the initramfs") {
    const std::uint64_t MiB = 1024 * 1024;
    // purpose-built: 24 + 2 x 4 + 32 = 64
    CHECK(default_guest_memory_mib(5 * MiB, 4 * MiB, true) == 64);
    // a 30 MiB initramfs: 24 + 60 + 32 = 116 -> 128
    CHECK(default_guest_memory_mib(5 * MiB, 30 * MiB, true) == 128);
    // Debian's 14 MiB bzImage with a 8 MiB initramfs: 64 + 56 + 16 + 32 = 168 -> 176
    CHECK(default_guest_memory_mib(14 * MiB, 8 * MiB, false) == 176);
}
