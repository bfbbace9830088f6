#!/usr/bin/env python3
"""Small helpers for test_conformance.sh (stdlib only).

  reap     run `<runtime> create ...` as a child subreaper (what conmon does), so the
           container's init is re-parented to us and its exit status can be recorded.
  console  receive the pty master of a --console-socket over SCM_RIGHTS and copy its output.
  norm     normalise a JSON document (state, list) for comparison between runtimes.
  features reduce a `features` document to comparable lines (key paths and hook names).
"""
import argparse
import ctypes
import json
import os
import re
import signal
import socket
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def describe(status):
    if os.WIFEXITED(status):
        return "exit %d" % os.WEXITSTATUS(status)
    if os.WIFSIGNALED(status):
        return "signal %d" % os.WTERMSIG(status)
    return "status %d" % status


def cmd_reap(a):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("prctl(PR_SET_CHILD_SUBREAPER) failed")
    # A leaked container must not keep this process forever.
    signal.alarm(a.timeout)
    fds = {}
    fds[0] = os.open(a.stdin or os.devnull, os.O_RDONLY)
    fds[1] = os.open(a.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    fds[2] = os.open(a.err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    for i, path in enumerate(a.extra_fd or []):
        fds[3 + i] = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    env = dict(os.environ)
    for kv in a.env or []:
        k, _, v = kv.partition("=")
        env[k] = v
    pid = os.fork()
    if pid == 0:
        try:
            # Lay the fds out as 0,1,2,3.. exactly; nothing else stays open.
            tmp = {n: os.dup(fd) for n, fd in fds.items()}
            for n, fd in tmp.items():
                os.dup2(fd, n, inheritable=True)
            top = max(tmp.keys()) + 1
            os.closerange(top, 65536)
            if a.cwd:
                os.chdir(a.cwd)
            os.execvpe(a.argv[0], a.argv, env)
        except Exception as e:  # noqa: BLE001
            os.write(2, ("reap: exec %s: %s\n" % (a.argv[0], e)).encode())
            os._exit(127)
    for fd in fds.values():
        os.close(fd)
    _, st = os.waitpid(pid, 0)
    rc = os.waitstatus_to_exitcode(st)
    if rc < 0:
        rc = 128 - rc
    write_atomic(a.rc, "%d\n" % rc)
    target = None
    if rc == 0 and a.pidfile:
        try:
            with open(a.pidfile) as f:
                target = int(f.read().strip() or "0")
        except (OSError, ValueError):
            target = None
    recorded = False
    while True:
        try:
            cpid, st = os.wait()
        except ChildProcessError:
            break
        if target is not None and cpid == target:
            write_atomic(a.status, describe(st) + "\n")
            recorded = True
    if rc == 0 and not recorded:
        write_atomic(a.status, "unknown (init was not re-parented here)\n")


def cmd_console(a):
    signal.alarm(a.timeout)
    if os.path.exists(a.socket):
        os.unlink(a.socket)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(a.socket)
    srv.listen(1)
    write_atomic(a.ready, "ready\n")
    conn, _ = srv.accept()
    msg, fds, _, _ = socket.recv_fds(conn, 4096, 4)
    conn.close()
    srv.close()
    info = ["fds received: %d" % len(fds)]
    if fds:
        info.append("is a tty: %s" % os.isatty(fds[0]))
    write_atomic(a.info, "\n".join(info) + "\n")
    data = b""
    if fds:
        master = fds[0]
        if a.input:
            os.write(master, a.input.encode())
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO once the last slave fd is closed
                break
            if not chunk:
                break
            data += chunk
        for fd in fds:
            os.close(fd)
    with open(a.out, "wb") as f:
        f.write(data)


TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def norm_value(v, subs):
    if isinstance(v, dict):
        return {norm_value(k, subs): norm_value(x, subs) for k, x in v.items()}
    if isinstance(v, list):
        return [norm_value(x, subs) for x in v]
    if isinstance(v, str):
        if TS.match(v):
            return "<TIMESTAMP>"
        for old, new in subs:
            v = v.replace(old, new)
        return v
    return v


def cmd_norm(a):
    subs = []
    for s in a.sub or []:
        old, _, new = s.partition("=")
        if old:
            subs.append((old, new))
    subs.sort(key=lambda p: -len(p[0]))
    text = sys.stdin.read()
    try:
        doc = json.loads(text)
    except ValueError:
        print("<not JSON: %r>" % text[:200])
        return

    def fix_pids(d):
        if isinstance(d, dict):
            for k, x in d.items():
                if k == "pid" and isinstance(x, int):
                    d[k] = "<PID>" if x > 0 else x
                else:
                    fix_pids(x)
        elif isinstance(d, list):
            for x in d:
                fix_pids(x)
    doc = norm_value(doc, subs)
    fix_pids(doc)
    print(json.dumps(doc, sort_keys=True))


def key_paths(d, prefix=""):
    out = []
    if isinstance(d, dict):
        for k, x in d.items():
            p = prefix + "." + k if prefix else k
            out.append(p)
            if p != "annotations":  # annotation keys are runtime-specific
                out.extend(key_paths(x, p))
    return out


def cmd_features(a):
    try:
        doc = json.loads(sys.stdin.read())
    except ValueError as e:
        print("features: not JSON (%s)" % e)
        return
    print("keys: " + " ".join(sorted(key_paths(doc))))
    print("hooks: " + " ".join(sorted(doc.get("hooks") or [])))
    for k in ("ociVersionMin", "ociVersionMax"):
        print("%s present: %s" % (k, isinstance(doc.get(k), str) and bool(doc.get(k))))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("reap")
    r.add_argument("--out", required=True)
    r.add_argument("--err", required=True)
    r.add_argument("--stdin")
    r.add_argument("--rc", required=True)
    r.add_argument("--status", required=True)
    r.add_argument("--pidfile")
    r.add_argument("--cwd")
    r.add_argument("--extra-fd", action="append", help="file opened as fd 3, 4, ...")
    r.add_argument("--env", action="append")
    r.add_argument("--timeout", type=int, default=300)
    r.add_argument("argv", nargs=argparse.REMAINDER)
    c = sub.add_parser("console")
    c.add_argument("--socket", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--info", required=True)
    c.add_argument("--ready", required=True)
    c.add_argument("--input")
    c.add_argument("--timeout", type=int, default=120)
    n = sub.add_parser("norm")
    n.add_argument("--sub", action="append", help="OLD=NEW string substitution")
    sub.add_parser("features")
    a = p.parse_args()
    if a.cmd == "reap":
        if a.argv and a.argv[0] == "--":
            a.argv = a.argv[1:]
        cmd_reap(a)
    elif a.cmd == "console":
        cmd_console(a)
    elif a.cmd == "norm":
        cmd_norm(a)
    else:
        cmd_features(a)


if __name__ == "__main__":
    main()
