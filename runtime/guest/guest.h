/* ucrun-guest-init: the static pid 1 of a `linux`-kind unikernel (docs/guest-contract.md).
 * Plain C with static glibc: no libstdc++, no dynamic loader, no helper programs. */
#pragma once
#include <stddef.h>

/* A NULL-terminated vector of malloc'd strings. */
struct strlist {
    char** v;
    size_t n;
};

/* log.c */
extern int guest_debug;
void guest_log(const char* fmt, ...) __attribute__((format(printf, 1, 2)));   /* always printed */
void guest_debugf(const char* fmt, ...) __attribute__((format(printf, 1, 2))); /* only with ucrun.debug */

/* config.c: the files ucrun appends (/ucrun/) and the image's defaults (/ucrun.default/). */
int read_file_all(const char* path, char** data, size_t* len); /* 0, or -1 with errno */
int read_nul_list(const char* path, struct strlist* out);      /* 0, or -1 when absent */
/* The parsers behind the readers, over a buffer (pure, for the fuzz targets). */
void parse_nul_list(const char* data, size_t len, struct strlist* out);
void strlist_push(struct strlist* l, const char* s);
int args_are_placeholder(const struct strlist* args);
struct strlist merge_env(const struct strlist* defaults, const struct strlist* container);
const char* env_get(const struct strlist* env, const char* key);

#define GUEST_MAX_DNS 4
struct netcfg {
    int present;
    char mac[18];
    char ip[16];
    int prefix;
    char gw[16];
    char dns[GUEST_MAX_DNS][46];
    int ndns;
    char search[256];
    char hostname[65];
};
int read_netcfg(const char* path, struct netcfg* out); /* 0, or -1 when absent */
void parse_netcfg(char* data, struct netcfg* out);     /* data: NUL-terminated, cut in place */

/* seed.c: credits /ucrun/seed (random bytes from the host) to the kernel's RNG, then removes it. */
void seed_random(const char* path);

/* modules.c: loads the kernel modules listed in the image's load order. */
void load_modules(const char* order_file);

/* net.c: lo and eth0 by ioctl. */
int net_configure(const struct netcfg* cfg);
void write_etc_files(const struct netcfg* cfg);

/* acpi.c: the ACPI power button (QEMU system_powerdown), from the acpi_event netlink family. */
int acpi_events_open(void);              /* fd, or -1 */
int acpi_event_is_power_button(int fd);  /* 1 when the message read was a power-button press */

/* report.c: the exit code to the host, then power off. */
/* Tells the host, first thing, that an exit code will follow (a VM that ends without one crashed). */
void promise_exit_report(void);
void report_exit_and_power_off(int code) __attribute__((noreturn));
