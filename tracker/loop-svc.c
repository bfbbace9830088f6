/*
 * loop-svc: the process of the unikernel tracker image.
 *
 * Under ucrun the container's process is replaced by the VMM and this program never runs. Under a
 * plain runtime (crun, runc) it says which runtime the image needs, then sleeps until SIGTERM or
 * SIGINT and exits 0: no busy loop, no libc. Both signals are blocked and taken with
 * rt_sigtimedwait(), so it also works as pid 1 of a pid namespace (a blocked signal is queued even
 * for a namespace's init, where a default-action signal would be dropped).
 *
 * x86-64 Linux only; built with -nostdlib -static (tracker/CMakeLists.txt).
 */

#define SYS_write 1
#define SYS_rt_sigprocmask 14
#define SYS_rt_sigtimedwait 128
#define SYS_exit_group 231
#define SIG_BLOCK 0
#define SIGINT 2
#define SIGTERM 15

static long syscall4(long n, long a, long b, long c, long d) {
    long ret;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return ret;
}

static unsigned long length(const char* s) {
    unsigned long n = 0;
    while (s[n]) ++n;
    return n;
}

static void put(const char* s) { syscall4(SYS_write, 1, (long)s, (long)length(s), 0); }

static const char* service_name(char** envp) {
    static const char key[] = "SERVICE_NAME=";
    for (; *envp; ++envp) {
        unsigned long i = 0;
        while (key[i] && (*envp)[i] == key[i]) ++i;
        if (!key[i]) return *envp + i;
    }
    return 0;
}

/* Called from _start with the initial stack: argc, argv..., 0, envp..., 0. */
__attribute__((noreturn, used)) void loop_svc_main(long* sp) {
    char** envp = (char**)(sp + 1 + sp[0] + 1);
    const char* name = service_name(envp);
    put("loop-svc: ucrun unikernel tracker");
    if (name && *name) {
        put(" for SERVICE_NAME=");
        put(name);
    }
    put("; this image needs the ucrun runtime (podman run --runtime ucrun) to boot its unikernel\n");

    unsigned long mask = (1UL << (SIGINT - 1)) | (1UL << (SIGTERM - 1));
    syscall4(SYS_rt_sigprocmask, SIG_BLOCK, (long)&mask, 0, sizeof mask);
    for (;;) {
        long sig = syscall4(SYS_rt_sigtimedwait, (long)&mask, 0, 0, sizeof mask);
        if (sig == SIGINT || sig == SIGTERM) syscall4(SYS_exit_group, 0, 0, 0, 0);
        /* -EINTR (stop/continue) or anything else: keep waiting. */
    }
}

__asm__(".text\n"
        ".global _start\n"
        "_start:\n"
        "  xor %rbp, %rbp\n"
        "  mov %rsp, %rdi\n"
        "  and $-16, %rsp\n"
        "  call loop_svc_main\n"
        "  hlt\n");
