/* Reading the host's config files: NUL-separated lists and key=value lines. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest.h"

int read_file_all(const char* path, char** data, size_t* len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t cap = 4096, n = 0;
    char* buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

void strlist_push(struct strlist* l, const char* s) {
    l->v = realloc(l->v, (l->n + 2) * sizeof(char*));
    l->v[l->n++] = strdup(s);
    l->v[l->n] = NULL;
}

void parse_nul_list(const char* data, size_t len, struct strlist* out) {
    out->v = NULL;
    out->n = 0;
    size_t start = 0;
    for (size_t i = 0; i < len; ++i) {
        if (data[i] == '\0') {
            strlist_push(out, data + start);
            start = i + 1;
        }
    }
    if (start < len) strlist_push(out, data + start); /* a last string without its NUL */
    if (!out->v) {
        out->v = calloc(1, sizeof(char*));
    }
}

int read_nul_list(const char* path, struct strlist* out) {
    out->v = NULL;
    out->n = 0;
    char* data;
    size_t len;
    if (read_file_all(path, &data, &len) != 0) return -1;
    parse_nul_list(data, len, out);
    free(data);
    return 0;
}

/* The tracker's entrypoint stands for "no command given": the image's defaults apply. */
int args_are_placeholder(const struct strlist* args) {
    if (args->n == 0) return 1;
    const char* base = strrchr(args->v[0], '/');
    base = base ? base + 1 : args->v[0];
    return strcmp(base, "loop-svc") == 0;
}

static size_t key_len(const char* kv) {
    const char* eq = strchr(kv, '=');
    return eq ? (size_t)(eq - kv) : strlen(kv);
}

static void env_set(struct strlist* env, const char* kv) {
    size_t k = key_len(kv);
    for (size_t i = 0; i < env->n; ++i) {
        if (key_len(env->v[i]) == k && strncmp(env->v[i], kv, k) == 0) {
            free(env->v[i]);
            env->v[i] = strdup(kv);
            return;
        }
    }
    strlist_push(env, kv);
}

struct strlist merge_env(const struct strlist* defaults, const struct strlist* container) {
    struct strlist env = {calloc(1, sizeof(char*)), 0};
    for (size_t i = 0; i < defaults->n; ++i) env_set(&env, defaults->v[i]);
    for (size_t i = 0; i < container->n; ++i) env_set(&env, container->v[i]);
    if (!env_get(&env, "PATH")) env_set(&env, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    return env;
}

const char* env_get(const struct strlist* env, const char* key) {
    size_t k = strlen(key);
    /* A bare "KEY" (no '=') is not a value: its end is the string's, so v[i] + k + 1 would
     * point past it. */
    for (size_t i = 0; i < env->n; ++i)
        if (key_len(env->v[i]) == k && env->v[i][k] == '=' && strncmp(env->v[i], key, k) == 0)
            return env->v[i] + k + 1;
    return NULL;
}

static void copy_value(char* dst, size_t cap, const char* src) {
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void parse_netcfg(char* data, struct netcfg* out) {
    memset(out, 0, sizeof *out);
    out->present = 1;
    out->prefix = 24;
    char* save = NULL;
    for (char* line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char* eq = strchr(line, '=');
        if (!eq) continue;
        *eq = '\0';
        const char* key = line;
        const char* val = eq + 1;
        if (strcmp(key, "mac") == 0)
            copy_value(out->mac, sizeof out->mac, val);
        else if (strcmp(key, "ip") == 0)
            copy_value(out->ip, sizeof out->ip, val);
        else if (strcmp(key, "prefix") == 0)
            out->prefix = atoi(val);
        else if (strcmp(key, "gw") == 0)
            copy_value(out->gw, sizeof out->gw, val);
        else if (strcmp(key, "dns") == 0 && out->ndns < GUEST_MAX_DNS)
            copy_value(out->dns[out->ndns++], sizeof out->dns[0], val);
        else if (strcmp(key, "search") == 0)
            copy_value(out->search, sizeof out->search, val);
        else if (strcmp(key, "hostname") == 0)
            copy_value(out->hostname, sizeof out->hostname, val);
    }
}

int read_netcfg(const char* path, struct netcfg* out) {
    memset(out, 0, sizeof *out);
    char* data;
    size_t len;
    if (read_file_all(path, &data, &len) != 0) return -1;
    parse_netcfg(data, out);
    free(data);
    return 0;
}
