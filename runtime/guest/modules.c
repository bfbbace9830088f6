/* Loads the kernel modules the image builder listed, in order, with finit_module(2). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest.h"

static void load_one(const char* path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        guest_log("open module %s: %s", path, strerror(errno));
        return;
    }
    if (syscall(SYS_finit_module, fd, "", 0) != 0 && errno != EEXIST)
        guest_log("load module %s: %s", path, strerror(errno));
    else
        guest_debugf("loaded %s", path);
    close(fd);
}

/* One path per line; relative paths are under /lib/modules/. */
void load_modules(const char* order_file) {
    char* data;
    size_t len;
    if (read_file_all(order_file, &data, &len) != 0) return;
    char* save = NULL;
    for (char* line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (!*line || *line == '#') continue;
        if (*line == '/') {
            load_one(line);
        } else {
            char path[512];
            if ((size_t)snprintf(path, sizeof path, "/lib/modules/%s", line) < sizeof path) load_one(path);
        }
    }
    free(data);
}
