#!/usr/bin/env bash
# Search latency of the investigators' API on N synthetic letters (bulk-loaded into a fresh
# embedded node): engine `took` and end to end through the API (session check, query, highlight,
# all facets, audit write), p50/p95/p99 for 1-3-word queries; and the page's load-to-first-results
# time in headless Chromium. Usage:
#   bench/web-search.sh [letters=100000] [queries=300] [vocab|letters]
# vocab: a 30-word vocabulary (every query hits ~20% of the letters); letters: the scan generator's
# letter texts and queries cut from them (a mix of rare and common words).
# BENCH_MAPPING=FILE creates the index from that mapping file instead of the current one (to
# compare two mappings on one machine at one load).
# Needs: the node built (mvn -B package -DskipTests), chromium + chromium-driver for the page time.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl app -am test-compile
# to a file: on stdout Maven's colour codes end up glued to the first jar's path
mvn -B -q -pl app dependency:build-classpath -Dmdep.outputFile=target/search-bench.classpath -Dmdep.includeScope=test
cp=$(cat app/target/search-bench.classpath)
java -Xmx1g -Dfile.encoding=UTF-8 -Dpobox.home="$PWD" -Dbench.mapping="${BENCH_MAPPING:-}" -cp "app/target/test-classes:app/target/classes:$cp" \
  org.pobox.bench.SearchBench "${1:-100000}" "${2:-300}" app/target/search-bench "${3:-vocab}"
