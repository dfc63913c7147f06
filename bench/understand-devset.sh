#!/usr/bin/env bash
# Issue 11's measure: the understanding on the development set, letters written and labelled
# outside pobox (shared/devset/letters.jsonl, beside the clone). Prints every field's score, the
# same split by the devset's hard cases, and every mistake; writes app/target/understand-devset.md.
# Usage: bench/understand-devset.sh [devset-dir=../shared/devset] [ocr-letters=0]
# With ocr-letters > 0, the first that many letters are also rendered page by page (the test scan
# generator) and read back by pobox's Paddle engine (models/ needed; OCR text cached in app/target/devset-ocr).
# Skips cleanly (exit 0) when the devset is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-../shared/devset}"
if [[ ! -f "$dir/letters.jsonl" ]]; then
  echo "no devset at $dir/letters.jsonl: skipped" >&2
  exit 0
fi
dir="$(cd "$dir" && pwd)"
mvn -B -q -o -pl app test -Dtest=DevsetEvaluateRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddevset=true -Dpobox.devset="$dir" -Ddevset.ocr="${2:-0}"
