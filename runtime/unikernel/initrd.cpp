#include "runtime/unikernel/initrd.hpp"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/sys/cpio.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/open_in_root.hpp"
#include "runtime/sys/unique_fd.hpp"
#include "runtime/unikernel/limits.hpp"

namespace ucrun::unikernel {
namespace {

void write_all(int fd, const std::string& data, const std::string& what) {
    size_t off = 0;
    while (off < data.size()) {
        ssize_t n = ::write(fd, data.data() + off, data.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) sys::throw_errno("write " + what);
        off += static_cast<size_t>(n);
    }
}

}  // namespace

void write_guest_initrd(const std::string& image_initrd, const std::string& appended_cpio,
                        const std::string& out_path) {
    // The image's file, bounded again here (it was checked when the image was resolved).
    sys::RegularFile in = sys::reopen_regular(image_initrd, "initrd", kInitrdMaxBytes);
    const off_t size = static_cast<off_t>(in.size);
    sys::UniqueFd out(::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!out) sys::throw_errno("create " + out_path);
    off_t offset = 0;
    while (offset < size) {
        ssize_t n = ::sendfile(out.get(), in.fd.get(), &offset, static_cast<size_t>(size - offset));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) sys::throw_errno("copy " + image_initrd + " to " + out_path);
        if (n == 0) break;
    }
    std::string tail(sys::cpio_pad4(static_cast<size_t>(offset)), '\0');
    tail += appended_cpio;
    write_all(out.get(), tail, out_path);
}

}  // namespace ucrun::unikernel
