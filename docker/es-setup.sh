#!/usr/bin/env bash
# One-shot setup of Elasticsearch for docker-compose.yml, run by the `setup` service with the elastic
# superuser's password (which nothing else uses): a least-privilege API key for pobox, written to the
# secrets volume that only pobox's user (uid 10001) can read, and the kibana_system password.
# Idempotent: a second run invalidates the previous key and writes a new one.
set -euo pipefail
es=http://elasticsearch:9200
secrets=${POBOX_SECRETS:-/secrets}
for v in ELASTIC_PASSWORD KIBANA_PASSWORD; do
  [[ -n "${!v:-}" ]] || { echo "es-setup: set $v (in .env or the environment)" >&2; exit 1; }
done
call() { # METHOD PATH JSON: fails on an HTTP error, with Elasticsearch's answer on stdout
  curl -fsS --retry 30 --retry-delay 5 --retry-all-errors -u "elastic:$ELASTIC_PASSWORD" \
       -H 'Content-Type: application/json' -X "$1" "$es$2" -d "$3"
}
json_string() { # a password as a JSON string, whatever characters it has
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/"/'
}
# What pobox may do, index by index (POBOX_INDEX_ALIAS changes the prefix `letters`: change these
# names with it). The letters alias and its versions: read, write, create the next version and move
# the alias (`manage`). Users, logins and corrections: read and write, refresh (`maintenance`).
# The audit: read and *create* only: no update, no delete, so even this key cannot rewrite the
# hash chain that `pobox audit verify` checks. `monitor`: the cluster health `pobox status` shows.
role='{
  "cluster": ["monitor"],
  "indices": [
    {"names": ["letters", "letters-v*"],
     "privileges": ["read", "write", "create_index", "view_index_metadata", "manage"]},
    {"names": ["letters-users", "letters-logins", "letters-corrections"],
     "privileges": ["read", "write", "create_index", "view_index_metadata", "maintenance"]},
    {"names": ["letters-audit"],
     "privileges": ["read", "create_doc", "create_index", "view_index_metadata", "maintenance"]}
  ]
}'
call DELETE /_security/api_key '{"name": "pobox"}' >/dev/null || true
answer=$(call POST /_security/api_key "{\"name\": \"pobox\", \"role_descriptors\": {\"pobox\": $role}}")
encoded=$(printf '%s' "$answer" | grep -o '"encoded":"[^"]*"' | cut -d'"' -f4)
[[ -n "$encoded" ]] || { echo "es-setup: no API key in the answer" >&2; exit 1; }
umask 077
mkdir -p "$secrets"
printf '%s\n' "$encoded" > "$secrets/es-apikey.tmp"
mv "$secrets/es-apikey.tmp" "$secrets/es-apikey"
chown -R 10001:10001 "$secrets"
chmod 0700 "$secrets"
chmod 0400 "$secrets/es-apikey"
call POST /_security/user/kibana_system/_password "{\"password\": $(json_string "$KIBANA_PASSWORD")}" >/dev/null
echo "es-setup: pobox's API key (in $secrets/es-apikey, uid 10001 only) and kibana_system's password: done"
