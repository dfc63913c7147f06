#!/usr/bin/env bash
# Issue 14's known-item bench (org.pobox.bench.KnownItemBench): letters from pobox's generator and
# from the development set, indexed as pobox indexes them into a fresh embedded node; random 6-12
# character spans unique to one letter (inside a line, across a line break, in traditional
# characters), each looked for as a phrase and as words through match_phrase/match on `text`
# (Kibana), `pobox search` and the API's finder. Prints recall@10 per corpus, kind, mode and way.
# Usage:
#   bench/known-item.sh [generated letters=300] [devset=../shared/devset/letters.jsonl] [seed=14]
# A devset path that does not exist is skipped (the generated corpus still runs).
# BENCH_MAPPING=FILE creates the index from that mapping instead of the current one, e.g. the one
# before issue 14:  git show 5ef3a99:app/src/main/resources/index/letters-mapping.json > /tmp/m.json
# Needs: the node built (mvn -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl app -am test-compile
mvn -B -q -pl app dependency:build-classpath -Dmdep.outputFile=target/known-item.classpath -Dmdep.includeScope=test
cp=$(cat app/target/known-item.classpath)
echo "load: $(uptime)"
java -Xmx1g -Dfile.encoding=UTF-8 -Dpobox.home="$PWD" -Dbench.mapping="${BENCH_MAPPING:-}" \
  -cp "app/target/test-classes:app/target/classes:$cp" \
  org.pobox.bench.KnownItemBench app/target/known-item "${1:-300}" "${2:-../shared/devset/letters.jsonl}" "${3:-14}"
echo "load: $(uptime)"
