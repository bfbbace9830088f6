/* Seeds the kernel's random number generator from /ucrun/seed, random bytes ucrun takes from the
 * host's getrandom() for every VM. A guest has no hardware entropy under TCG, so without this
 * getrandom() blocks until the kernel has gathered enough by itself: redis waited 2.6 s for
 * "crng init done" (docs/guest-contract.md). The bytes are credited in full, then the file is
 * removed so the program never sees them. */
#include <errno.h>
#include <fcntl.h>
#include <linux/random.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "guest.h"

void seed_random(const char* path) {
    char* data;
    size_t len;
    if (read_file_all(path, &data, &len) != 0) return;
    unlink(path);
    if (len == 0 || len > 512) {
        guest_log("ignoring %s: %zu bytes (expected 1 to 512)", path, len);
        free(data);
        return;
    }
    struct rand_pool_info* info = malloc(sizeof *info + len);
    int fd = open("/dev/urandom", O_RDWR | O_CLOEXEC);
    if (info && fd >= 0) {
        info->entropy_count = (int)(len * 8);
        info->buf_size = (int)len;
        memcpy(info->buf, data, len);
        if (ioctl(fd, RNDADDENTROPY, info) != 0)
            guest_log("seeding the random number generator: %s", strerror(errno));
        else
            guest_debugf("random number generator seeded with %zu bytes", len);
        explicit_bzero(info->buf, len);
    } else {
        guest_log("seeding the random number generator: %s", strerror(errno));
    }
    if (fd >= 0) close(fd);
    explicit_bzero(data, len);
    free(info);
    free(data);
}
