#include <stdarg.h>
#include <stdio.h>

#include "guest.h"

int guest_debug;

static void vlog(const char* fmt, va_list ap) {
    fputs("ucrun-init: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    fflush(stderr);
}

void guest_log(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}

void guest_debugf(const char* fmt, ...) {
    if (!guest_debug) return;
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}
