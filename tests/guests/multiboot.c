/* A tiny freestanding multiboot kernel (32-bit) for ucrun's tests: it prints a line and its
 * cmdline on COM1, then acts on its cmdline words:
 *   exit=N  report exit code N and stop: N != 0 through isa-debug-exit (port 0xf4, QEMU exits
 *           with (N << 1) | 1); N == 0 as "exit=0" on COM2, then an ACPI power-off
 *   wait    wait for the ACPI power button (QMP system_powerdown), print a line, power off
 *   spin    never stop by itself (power button ignored)
 *   tick    like spin, printing "tick N" every few million loop iterations
 *   fill    touch every page of the RAM the boot loader reports, then continue
 * Unikraft-style `env.vars=[ K=V ... ]` and `-- args` are echoed one per line; the words above
 * are obeyed wherever they appear (image cmdline or container args).
 * Built with gcc -m32 -ffreestanding -nostdlib and tests/guests/multiboot.ld: no libc, no libgcc. */
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

__asm__(".pushsection .multiboot,\"a\"\n"
        ".align 4\n"
        ".long 0x1BADB002\n"
        ".long 0x00000003\n"
        ".long -(0x1BADB002 + 0x00000003)\n"
        ".popsection\n"
        ".pushsection .text\n"
        ".global _start\n"
        "_start:\n"
        "  mov $stack_top, %esp\n"
        "  push %ebx\n"
        "  push %eax\n"
        "  call kmain\n"
        "1: cli\n"
        "  hlt\n"
        "  jmp 1b\n"
        ".popsection\n"
        ".pushsection .bss\n"
        ".align 16\n"
        "  .skip 16384\n"
        "stack_top:\n"
        ".popsection\n");

struct multiboot_info {
    u32 flags, mem_lower, mem_upper, boot_device, cmdline;
};

static inline void outb(u16 port, u8 v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(u16 port, u16 v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(u16 port, u32 v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline u8 inb(u16 port) {
    u8 v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}
static inline u16 inw(u16 port) {
    u16 v;
    __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}
static inline u32 inl(u16 port) {
    u32 v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

#define COM1 0x3f8
#define COM2 0x2f8

static void uart_init(u16 base) {
    outb(base + 1, 0x00);
    outb(base + 3, 0x80);
    outb(base + 0, 0x01);
    outb(base + 1, 0x00);
    outb(base + 3, 0x03);
    outb(base + 2, 0xC7);
    outb(base + 4, 0x0B);
}
static void uart_putc(u16 base, char c) {
    while (!(inb(base + 5) & 0x20)) {
    }
    outb(base, (u8)c);
}
static void puts_on(u16 base, const char* s) {
    for (; *s; ++s) {
        if (*s == '\n') uart_putc(base, '\r');
        uart_putc(base, *s);
    }
}
static void say(const char* s) { puts_on(COM1, s); }
static void say_n(const char* s, u32 n) {
    for (u32 i = 0; i < n; ++i) {
        if (s[i] == '\n') uart_putc(COM1, '\r');
        uart_putc(COM1, s[i]);
    }
}
static void say_u(u32 v) {
    char buf[12];
    int i = 11;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    say(buf + i);
}

/* PIIX4 power management: I/O base from PCI 00:01.3 register 0x40 (set by SeaBIOS). */
static u16 pm_base(void) {
    outl(0xcf8, 0x80000000u | (1u << 11) | (3u << 8) | 0x40);
    return (u16)(inl(0xcfc) & 0xffc0u);
}
static void acpi_power_off(void) {
    u16 base = pm_base();
    if (base) outw(base + 4, (u16)(1u << 13)); /* SLP_TYP 0 (S5 on QEMU's piix4) | SLP_EN */
}
static void wait_power_button(void) {
    u16 base = pm_base();
    outw(base, 0x0100);      /* clear PWRBTN_STS */
    outw(base + 2, 0x0100);  /* enable PWRBTN_EN so QEMU latches the press */
    while (!(inw(base) & 0x0100)) {
        for (volatile int i = 0; i < 100000; ++i) {
        }
    }
    say("power button: powering off\n");
}

static int word_is(const char* w, u32 n, const char* lit) {
    u32 i = 0;
    for (; i < n && lit[i]; ++i)
        if (w[i] != lit[i]) return 0;
    return i == n && lit[i] == 0;
}
static int word_starts(const char* w, u32 n, const char* lit) {
    u32 i = 0;
    for (; lit[i]; ++i)
        if (i >= n || w[i] != lit[i]) return 0;
    return 1;
}

static void exit_with(u32 code) {
    if (code == 0) {
        puts_on(COM2, "exit=0\n");
        acpi_power_off();
    }
    outb(0xf4, (u8)code);
    acpi_power_off();
}

static void fill_ram(const struct multiboot_info* mb) {
    if (!(mb->flags & 1)) return;
    u32 end = 0x100000u + mb->mem_upper * 1024u;
    u32 start = 0x400000u;
    say("filling RAM up to ");
    say_u(end >> 20);
    say(" MiB\n");
    for (u32 p = start; p + 4 <= end && p >= start; p += 4096) *(volatile u32*)p = p;
    say("filled\n");
}

void kmain(u32 magic, const struct multiboot_info* mb) {
    uart_init(COM1);
    uart_init(COM2);
    say("hello from the ucrun multiboot test kernel\n");
    if (magic != 0x2BADB002) say("warning: not booted by a multiboot loader\n");
    const char* cmd = (mb->flags & 4) ? (const char*)mb->cmdline : "";
    say("cmdline: ");
    say(cmd);
    say("\n");
    if (mb->flags & 1) {
        say("memory: ");
        say_u((mb->mem_upper + 1024) / 1024);
        say(" MiB\n");
    }
    int have_exit = 0, wait = 0, spin = 0, tick = 0, in_env = 0, in_args = 0;
    u32 code = 0;
    const char* p = cmd;
    while (*p) {
        while (*p == ' ') ++p;
        const char* w = p;
        while (*p && *p != ' ') ++p;
        u32 n = (u32)(p - w);
        if (!n) break;
        if (in_args) {
            say("arg: ");
            say_n(w, n);
            say("\n");
        }
        if (in_env) {
            if (word_is(w, n, "]")) {
                in_env = 0;
            } else {
                say("env: ");
                say_n(w, n);
                say("\n");
            }
        } else if (!in_args && word_is(w, n, "--")) {
            in_args = 1;
        } else if (word_is(w, n, "env.vars=[")) {
            in_env = 1;
        } else if (word_starts(w, n, "exit=")) {
            have_exit = 1;
            code = 0;
            for (u32 i = 5; i < n && w[i] >= '0' && w[i] <= '9'; ++i) code = code * 10 + (u32)(w[i] - '0');
        } else if (word_is(w, n, "wait")) {
            wait = 1;
        } else if (word_is(w, n, "spin")) {
            spin = 1;
        } else if (word_is(w, n, "tick")) {
            tick = 1;
        } else if (word_is(w, n, "fill")) {
            fill_ram(mb);
        }
    }
    if (tick) {
        for (u32 t = 1;; ++t) {
            for (volatile u32 i = 0; i < 20000000u; ++i) {
            }
            say("tick ");
            say_u(t);
            say("\n");
        }
    }
    if (spin) {
        say("spinning\n");
        for (;;) __asm__ volatile("hlt");
    }
    if (wait) {
        say("waiting for the power button\n");
        wait_power_button();
        exit_with(have_exit ? code : 0);
    }
    exit_with(have_exit ? code : 0);
    for (;;) __asm__ volatile("cli; hlt");
}
