#!/usr/bin/env bash
# One-shot setup of Elasticsearch's users for docker-compose.yml, run by the `setup` service with
# the elastic superuser's password (which nothing else uses): the `pobox` role (its own indices and
# cluster health, nothing else) and the `pobox` user with it, and the kibana_system password.
# Idempotent: a second run updates the role and the passwords to the current values.
set -euo pipefail
es=http://elasticsearch:9200
for v in ELASTIC_PASSWORD POBOX_ES_PASSWORD KIBANA_PASSWORD; do
  [[ -n "${!v:-}" ]] || { echo "es-setup: set $v (in .env or the environment)" >&2; exit 1; }
done
call() { # METHOD PATH JSON: fails on an HTTP error, with Elasticsearch's answer
  curl -fsS --retry 30 --retry-delay 5 --retry-all-errors -u "elastic:$ELASTIC_PASSWORD" \
       -H 'Content-Type: application/json' -X "$1" "$es$2" -d "$3"
  echo
}
json_string() { # a password as a JSON string, whatever characters it has
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/"/'
}
# pobox creates letters-vN behind the alias letters, and letters-corrections/-users/-audit beside it
# (POBOX_INDEX_ALIAS changes the prefix: change these names with it). `manage` is what moving an
# alias needs; `monitor` is for the cluster health that pobox status shows and the client's GET /.
call PUT /_security/role/pobox '{
  "cluster": ["monitor"],
  "indices": [{"names": ["letters", "letters-*"],
               "privileges": ["create_index", "manage", "read", "write", "view_index_metadata"]}]
}'
call POST /_security/user/pobox "{\"password\": $(json_string "$POBOX_ES_PASSWORD"), \"roles\": [\"pobox\"],
  \"full_name\": \"pobox service\"}"
call POST /_security/user/kibana_system/_password "{\"password\": $(json_string "$KIBANA_PASSWORD")}"
echo "es-setup: role and user pobox, kibana_system password: done"
