/* ucrun-guest-init: pid 1 of a `linux` unikernel. Mounts the pseudo filesystems, loads the virtio
 * modules, configures the network, runs the app as pid 2 with the container's args and env, reaps,
 * reports the app's exit code on COM2 and powers off (docs/guest-contract.md). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guest.h"

#define STOP_GRACE_MS 5000

static void mount_fs(const char* src, const char* dir, const char* type, unsigned long flags, const char* data) {
    mkdir(dir, 0755);
    if (mount(src, dir, type, flags, data) != 0 && errno != EBUSY)
        guest_log("mount %s on %s: %s", type, dir, strerror(errno));
}

static void setup_filesystems(void) {
    mount_fs("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755");
    mount_fs("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    mount_fs("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    mount_fs("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "mode=0620,ptmxmode=0666");
    mount_fs("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
    mkdir("/tmp", 01777);
    chmod("/tmp", 01777);
    mkdir("/run", 0755);
    mkdir("/etc", 0755);
    mkdir("/root", 0700);
    if (fcntl(0, F_GETFD) < 0) {
        int fd = open("/dev/console", O_RDWR | O_NOCTTY);
        if (fd >= 0) {
            dup2(fd, 0);
            dup2(fd, 1);
            dup2(fd, 2);
            if (fd > 2) close(fd);
        }
    }
}

static void read_debug_flag(void) {
    char* cmdline;
    size_t len;
    if (read_file_all("/proc/cmdline", &cmdline, &len) == 0) {
        guest_debug = strstr(cmdline, "ucrun.debug") != NULL;
        free(cmdline);
    }
}

/* execvpe with the app's own PATH (glibc's execvpe searches the init's PATH). */
static void exec_app(struct strlist* args, struct strlist* env) {
    const char* file = args->v[0];
    if (strchr(file, '/')) {
        execve(file, args->v, env->v);
    } else {
        const char* path = env_get(env, "PATH");
        char* dirs = strdup(path ? path : "/usr/bin:/bin");
        char* save = NULL;
        for (char* d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
            char full[4096];
            if ((size_t)snprintf(full, sizeof full, "%s/%s", *d ? d : ".", file) >= sizeof full) continue;
            execve(full, args->v, env->v);
            if (errno != ENOENT && errno != ENOTDIR && errno != EACCES) break;
        }
        errno = ENOENT;
    }
    guest_log("exec %s: %s", file, strerror(errno));
    _exit(127);
}

static pid_t spawn_app(struct strlist* args, struct strlist* env, const char* cwd) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    if (cwd && *cwd && chdir(cwd) != 0) {
        guest_log("chdir %s: %s (using /)", cwd, strerror(errno));
        chdir("/");
    }
    exec_app(args, env);
    return -1;
}

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static int status_to_code(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 255;
}

static char* read_cwd(void) {
    char* cwd;
    size_t len;
    if (read_file_all("/ucrun/cwd", &cwd, &len) != 0) return NULL;
    cwd[strcspn(cwd, "\r\n")] = '\0';
    return cwd;
}

int main(void) {
    /* Every signal the loop handles arrives through a signalfd. Ctrl-Alt-Del becomes SIGINT. */
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGPWR);
    sigaddset(&mask, SIGHUP);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    reboot(RB_DISABLE_CAD);

    setup_filesystems();
    read_debug_flag();
    seed_random("/ucrun/seed");
    promise_exit_report();
    load_modules("/lib/modules/load-order");

    struct netcfg net;
    if (read_netcfg("/ucrun/net", &net) == 0) sethostname(net.hostname, strlen(net.hostname));
    net_configure(&net);
    write_etc_files(&net);

    struct strlist args, defaults_args, env_c, env_d;
    int have_args = read_nul_list("/ucrun/args", &args) == 0 && !args_are_placeholder(&args);
    if (read_nul_list("/ucrun.default/args", &defaults_args) != 0) defaults_args.n = 0;
    if (!have_args) args = defaults_args;
    if (read_nul_list("/ucrun.default/env", &env_d) != 0) env_d = (struct strlist){NULL, 0};
    if (read_nul_list("/ucrun/env", &env_c) != 0) env_c = (struct strlist){NULL, 0};
    struct strlist env = merge_env(&env_d, &env_c);
    if (args.n == 0) {
        guest_log("no command: neither /ucrun/args nor /ucrun.default/args names a program");
        report_exit_and_power_off(127);
    }

    int acpi = acpi_events_open();
    if (acpi < 0) guest_debugf("no ACPI events (button.ko not loaded?): power button ignored");

    char* cwd = read_cwd();
    pid_t app = spawn_app(&args, &env, cwd);
    if (app < 0) {
        guest_log("fork: %s", strerror(errno));
        report_exit_and_power_off(127);
    }
    guest_debugf("started %s as pid %d", args.v[0], (int)app);

    int code = -1;
    long deadline = -1; /* set once a stop was asked for */
    while (code < 0) {
        struct pollfd fds[2] = {{sfd, POLLIN, 0}, {acpi, POLLIN, 0}};
        int timeout = deadline < 0 ? -1 : (int)(deadline - now_ms());
        if (deadline >= 0 && timeout <= 0) {
            guest_log("%s did not stop within %d ms: killing it", args.v[0], STOP_GRACE_MS);
            kill(-app, SIGKILL);
            kill(app, SIGKILL);
            deadline = now_ms() + 1000;
            timeout = 1000;
        }
        int ready = poll(fds, acpi >= 0 ? 2 : 1, timeout);
        if (ready < 0 && errno != EINTR) break;
        int stop = 0;
        if (acpi >= 0 && (fds[1].revents & POLLIN) && acpi_event_is_power_button(acpi)) stop = 1;
        struct signalfd_siginfo si;
        while (read(sfd, &si, sizeof si) == sizeof si) {
            if (si.ssi_signo != SIGCHLD) stop = 1;
        }
        if (stop && deadline < 0) {
            guest_debugf("stop requested: SIGTERM to %s", args.v[0]);
            kill(app, SIGTERM);
            deadline = now_ms() + STOP_GRACE_MS;
        }
        int status;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            if (pid == app) code = status_to_code(status);
        }
    }
    if (code < 0) code = 255;
    guest_debugf("%s exited with %d", args.v[0], code);
    kill(-1, SIGKILL);
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    report_exit_and_power_off(code);
}
