#!/bin/bash
# Keys passed to podman as they are reach the container (podman inspect's HostConfig).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project passthrough
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  app:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    cpu_shares: 512
    cpu_quota: 50000
    cpu_period: 100000
    cpuset: "0"
    oom_score_adj: 300
    uts: host
YAML
uc up -d >/dev/null 2>&1 || fail "up failed: $(uc up -d 2>&1)"
c=${PROJECT}_app_1
hc() { podman inspect --format "{{.HostConfig.$1}}" "$c"; }
assert_eq 512 "$(hc CpuShares)" "cpu_shares"
assert_eq 50000 "$(hc CpuQuota)" "cpu_quota"
assert_eq 100000 "$(hc CpuPeriod)" "cpu_period"
assert_eq 0 "$(hc CpusetCpus)" "cpuset"
assert_eq 300 "$(hc OomScoreAdj)" "oom_score_adj"
assert_eq host "$(hc UTSMode)" "uts"
assert_eq 300 "$(uc exec -T app cat /proc/1/oom_score_adj)" "oom_score_adj inside the container"
assert_eq "$(hostname)" "$(uc exec -T app hostname)" "uts: host shares the host's name"
log "ok"
