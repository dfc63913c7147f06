#!/usr/bin/env bash
# Pages/min and CER of the tesseract: component (1 and 2 workers) vs the tesseract CLI
# (1 and 2 processes) on the same generated pages. Usage:
#   bench/ocr-speed.sh [pages=10] [clean|mixed] [component psm list, e.g. 3,6] [rounds=3]
# Needs: tesseract-ocr, tesseract-ocr-chi-sim, a CJK font. Best of N rounds damps other load;
# an idle machine is still better.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1   # libtesseract's OpenMP threads fight the worker threads otherwise
mvn -B -q -pl app -am test-compile
cp=$(mvn -B -q -pl app dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -Xmx2g -cp "app/target/test-classes:app/target/classes:$cp" org.pobox.testdata.OcrSpeedBench \
  "${1:-10}" "${2:-clean}" "${3:-6}" "${4:-3}" app/target/ocr-bench
