#!/usr/bin/env bash
# CPU s/page of the Paddle engine per stage, and CER by kind, on the ocr-compare corpus (one
# thread, the engine called directly, no route). CPU time is this thread's, ONNX Runtime included.
# Usage: bench/paddle-profile.sh [pages=24] [rounds=2] [det limit side=800] [rec batch=1]
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${1:-24}"
DIR="app/target/paddle-profile"
bin/fetch-models >/dev/null
mvn -B -q -pl app -am test-compile
mvn -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
CP="app/target/test-classes:app/target/classes:$(cat app/target/bench.cp)"
[ -f "$DIR/pages/000-clean.png" ] && [ "$(ls "$DIR"/pages/*.png | wc -l)" = "$PAGES" ] \
  || { rm -rf "$DIR"; java -Xmx1g -cp "$CP" org.pobox.testdata.OcrCompareBench gen "$DIR" "$PAGES"; }
java -Xmx1g -Dpobox.home="$PWD" -cp "$CP" org.pobox.ocr.paddle.PaddleProfile "$DIR" "${2:-2}" "${3:-800}" "${4:-1}"
