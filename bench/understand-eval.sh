#!/usr/bin/env bash
# Issue 3's evaluation: per-field accuracy (macro-F1 for subject), duplicate-link precision and
# recall, phone recall and the median time to understand one letter, on held-out generated letters:
# clean, with 10% OCR-like errors, and read back by Tesseract from rendered pages.
# Usage: bench/understand-eval.sh [letters=2000] [error-rate=0.10] [ocr-letters=150]
# Writes nothing by itself: paste the printed table into bench/understand-RESULTS.md with the date.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl app -am test -Dtest=EvaluateRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Devaluate=true -Devaluate.letters="${1:-2000}" -Devaluate.rate="${2:-0.10}" -Devaluate.ocr="${3:-150}"
