#!/bin/bash
# secrets and configs reach the container as docker compose provides them without swarm: a file
# secret read-only at /run/secrets/<name>, a config at its target, an external secret from
# podman's secret store (with its mode, and as a variable with podman's type: env).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project secrets
secret_name=uct-secret-$$
echo "s3cret-$$" >"$PROJECT_DIR/db_password.txt"
echo "conf-$$" >"$PROJECT_DIR/app.conf"
printf 'vault-%s' "$$" | podman secret create "$secret_name" - >/dev/null || fail "podman secret create"
on_exit podman secret rm "$secret_name"
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  app:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    secrets:
      - db_password
      - source: vault
        target: token
        mode: 0400
      - source: vault
        target: VAULT_TOKEN
        type: env
    configs:
      - source: app_conf
        target: /etc/app.conf
secrets:
  db_password:
    file: ./db_password.txt
  vault:
    external: true
    name: $secret_name
configs:
  app_conf:
    file: ./app.conf
YAML
uc up -d >/dev/null 2>&1 || fail "up failed: $(uc up -d 2>&1)"
assert_eq "s3cret-$$" "$(uc exec -T app cat /run/secrets/db_password)" "the file secret"
assert_eq "conf-$$" "$(uc exec -T app cat /etc/app.conf)" "the config at its target"
assert_eq "vault-$$" "$(uc exec -T app cat /run/secrets/token)" "the external podman secret"
assert_eq "400" "$(uc exec -T app stat -c %a /run/secrets/token)" "the external secret's mode"
assert_eq "vault-$$" "$(uc exec -T app sh -c 'echo $VAULT_TOKEN')" "the external secret of type env, as a variable"
uc exec -T app sh -c 'echo x >/run/secrets/db_password' 2>/dev/null &&
    fail "the file secret is writable from the container"
assert_eq "s3cret-$$" "$(cat "$PROJECT_DIR/db_password.txt")" "the host's secret file is unchanged"
log "ok"
