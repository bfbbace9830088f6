#include "runtime/sys/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace sys {

std::optional<std::string> read_file_if_exists(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        if (errno == ENOENT) return std::nullopt;
        throw_errno("open " + path);
    }
    std::string out;
    char buf[16384];
    for (;;) {
        ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_errno("read " + path);
        }
        if (n == 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

std::string read_file(const std::string& path) {
    auto data = read_file_if_exists(path);
    if (!data) throw SystemError("open " + path, ENOENT);
    return *data;
}

AtomicFile::AtomicFile(std::string path, int mode) : path_(std::move(path)) {
    tmp_ = path_ + ".tmp." + std::to_string(::getpid());
    fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd_ < 0) throw_errno("open " + tmp_);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(tmp_.c_str());
    }
}

void write_all(int fd, std::string_view data, const std::string& what) {
    size_t off = 0;
    while (off < data.size()) {
        ssize_t n = ::write(fd, data.data() + off, data.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_errno("write " + what);
        }
        off += static_cast<size_t>(n);
    }
}

void AtomicFile::write(std::string_view data) { write_all(fd_, data, tmp_); }

void AtomicFile::commit() {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        ::unlink(tmp_.c_str());
        throw_errno("close " + tmp_);
    }
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp_.c_str());
        throw SystemError("rename " + tmp_ + " to " + path_, err);
    }
}

void write_file_atomic(const std::string& path, std::string_view data, int mode) {
    AtomicFile f(path, mode);
    f.write(data);
    f.commit();
}

void make_dirs(const std::string& path, int mode) {
    std::string cur;
    size_t pos = 0;
    while (pos != std::string::npos) {
        pos = path.find('/', pos + 1);
        cur = path.substr(0, pos);
        if (cur.empty()) continue;
        if (::mkdir(cur.c_str(), mode) != 0 && errno != EEXIST) throw_errno("mkdir " + cur);
    }
}

void remove_tree(const std::string& path) {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
    if (ec && ec.value() != ENOENT) throw SystemError("remove " + path, ec.value());
}

// Our own loop rather than std::filesystem::copy_file, whose fallback reports every write
// failure as EIO: a full filesystem must say ENOSPC.
void copy_file(const std::string& from, const std::string& to, int mode) {
    const std::string what = "copy " + from + " to " + to;
    UniqueFd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in) throw_errno(what);
    UniqueFd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
    if (!out) throw_errno(what);
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(in.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_errno(what);
        if (n == 0) break;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = ::write(out.get(), buf + done, static_cast<size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) throw_errno(what);
            done += w;
        }
    }
    if (::fchmod(out.get(), static_cast<mode_t>(mode)) != 0) throw_errno(what);
    if (::close(out.release()) != 0) throw_errno(what);
}

bool path_exists(const std::string& path) {
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0;
}

}  // namespace sys
