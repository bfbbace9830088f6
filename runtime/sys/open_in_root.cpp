#include "runtime/sys/open_in_root.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>

#include "runtime/sys/error.hpp"

namespace sys {
namespace {

int openat2_call(int dirfd, const char* path, std::uint64_t flags, std::uint64_t resolve) {
    open_how how{};
    how.flags = flags;
    how.resolve = resolve;
    int fd;
    do fd = static_cast<int>(::syscall(SYS_openat2, dirfd, path, &how, sizeof how));
    while (fd < 0 && errno == EINTR);
    return fd;
}

std::string kernel_path_of(int fd) {
    char buf[PATH_MAX];
    std::string link = "/proc/self/fd/" + std::to_string(fd);
    ssize_t n = ::readlink(link.c_str(), buf, sizeof buf - 1);
    if (n < 0) throw_errno("readlink " + link);
    return std::string(buf, static_cast<size_t>(n));
}

// `name` is how messages call the file.
std::optional<RegularFile> open_impl(int root, const std::string& rel, const std::string& name,
                                     std::uint64_t max_bytes) {
    int raw = openat2_call(root, rel.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY,
                           RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
    if (raw < 0) {
        int err = errno;
        if (err == ENOENT || err == ENOTDIR) return std::nullopt;
        if (err == ELOOP) throw Error(name + ": is a symbolic link (or passes through a /proc link); refused");
        if (err == ENOSYS) throw Error(name + ": openat2(2) is not available (Linux 5.6 or later is needed)");
        throw SystemError(name, err);
    }
    RegularFile f;
    f.fd = UniqueFd(raw);
    struct stat st {};
    if (::fstat(raw, &st) != 0) throw_errno("stat " + name);
    if (!S_ISREG(st.st_mode)) throw Error(name + ": not a regular file; refused");
    f.size = static_cast<std::uint64_t>(st.st_size);
    if (f.size > max_bytes)
        throw Error(name + ": " + std::to_string(f.size) + " bytes is more than the limit of " +
                    describe_bytes(max_bytes));
    // Back to blocking reads (a regular file ignores O_NONBLOCK, but say what is meant).
    int fl = ::fcntl(raw, F_GETFL);
    if (fl >= 0) (void)::fcntl(raw, F_SETFL, fl & ~O_NONBLOCK);
    f.path = kernel_path_of(raw);
    return f;
}

}  // namespace

std::string describe_bytes(std::uint64_t n) {
    if (n >= (1ull << 30) && n % (1ull << 30) == 0) return std::to_string(n >> 30) + " GiB";
    if (n >= (1ull << 20) && n % (1ull << 20) == 0) return std::to_string(n >> 20) + " MiB";
    if (n >= (1ull << 10) && n % (1ull << 10) == 0) return std::to_string(n >> 10) + " KiB";
    return std::to_string(n) + " bytes";
}

UniqueFd open_root_dir(const std::string& path, const std::string& what) {
    UniqueFd fd(::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!fd) throw_errno(what + " " + path);
    return fd;
}

std::optional<RegularFile> open_regular_in_root(int root, const std::string& rel, const std::string& what,
                                                std::uint64_t max_bytes) {
    return open_impl(root, rel, what + " \"" + rel + "\"", max_bytes);
}

RegularFile require_regular_in_root(int root, const std::string& rel, const std::string& what,
                                    std::uint64_t max_bytes) {
    auto f = open_regular_in_root(root, rel, what, max_bytes);
    if (!f) throw SystemError(what + " \"" + rel + "\"", ENOENT);
    return std::move(*f);
}

std::string read_all(const RegularFile& f, const std::string& what) {
    std::string out;
    out.resize(static_cast<size_t>(f.size));
    size_t got = 0;
    while (got < out.size()) {
        ssize_t n = ::pread(f.fd.get(), out.data() + got, out.size() - got, static_cast<off_t>(got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_errno("read " + what);
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    out.resize(got);
    return out;
}

RegularFile reopen_regular(const std::string& path, const std::string& what, std::uint64_t max_bytes) {
    const std::string name = what + " " + path;
    auto slash = path.rfind('/');
    if (path.empty() || path[0] != '/' || slash + 1 == path.size()) throw Error(name + ": not an absolute file path");
    UniqueFd dir(::open(slash == 0 ? "/" : path.substr(0, slash).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir) throw_errno(name);
    auto f = open_impl(dir.get(), path.substr(slash + 1), name, max_bytes);
    if (!f) throw SystemError(name, ENOENT);
    return std::move(*f);
}

}  // namespace sys
