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

/* COM2 carries "report=exit\n" once and then "exit=<code>\n", raw (no \r added). */
static int write_report_line(const char* line) {
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
    size_t len = strlen(line);
    int rc = write(fd, line, len) == (ssize_t)len ? 0 : -1;
    tcdrain(fd);
    close(fd);
    return rc;
}

void promise_exit_report(void) {
    if (write_report_line("report=exit\n") != 0)
        guest_debugf("no /dev/ttyS1 (%s): the exit code will go through isa-debug-exit", strerror(errno));
}

void report_exit_and_power_off(int code) {
    sync();
    char line[32];
    snprintf(line, sizeof line, "exit=%d\n", code);
    if (write_report_line(line) != 0) {
        guest_log("cannot report the exit code on /dev/ttyS1: %s", strerror(errno));
        /* No second serial port: a nonzero code can still leave through isa-debug-exit. */
        if (code != 0 && ioperm(0xf4, 1, 1) == 0) outb((unsigned char)code, 0xf4);
    }
    reboot(RB_POWER_OFF);
    guest_log("power off: %s", strerror(errno));
    for (;;) pause();
}
