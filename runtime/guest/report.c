/* Handing the exit code to the host (docs/guest-contract.md) and powering off. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/io.h>
#include <sys/reboot.h>
#include <termios.h>
#include <unistd.h>

#include "guest.h"

/* COM2 carries "exit=<code>\n", raw (no \r added). */
static int write_exit_line(int code) {
    int fd = open("/dev/ttyS1", O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    struct termios t;
    if (tcgetattr(fd, &t) == 0) {
        cfmakeraw(&t);
        t.c_cflag |= CLOCAL;
        tcsetattr(fd, TCSANOW, &t);
    }
    int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    char line[32];
    int len = snprintf(line, sizeof line, "exit=%d\n", code);
    int rc = write(fd, line, (size_t)len) == len ? 0 : -1;
    tcdrain(fd);
    close(fd);
    return rc;
}

void report_exit_and_power_off(int code) {
    sync();
    if (write_exit_line(code) != 0) {
        guest_log("cannot report the exit code on /dev/ttyS1: %s", strerror(errno));
        /* No second serial port: a nonzero code can still leave through isa-debug-exit. */
        if (code != 0 && ioperm(0xf4, 1, 1) == 0) outb((unsigned char)code, 0xf4);
    }
    reboot(RB_POWER_OFF);
    guest_log("power off: %s", strerror(errno));
    for (;;) pause();
}
