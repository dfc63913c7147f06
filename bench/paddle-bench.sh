#!/usr/bin/env bash
# Paddle engine on generated pages: s/page with 1 worker, pages/min with N workers, CER, peak RSS.
# Usage: bench/paddle-bench.sh [pages=10] [workers=2] [max heap=1g]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bin/fetch-models >/dev/null
mvn -B -q -pl app -am test-compile
mvn -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
CP="app/target/test-classes:app/target/classes:$(cat app/target/bench.cp)"
java -Xmx"${3:-1g}" -Dpobox.home="$ROOT" -cp "$CP" org.pobox.ocr.paddle.PaddleBench "${1:-10}" "${2:-2}"
