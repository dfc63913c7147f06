#!/usr/bin/env bash
# End to end, in one run on the same generated pages (issue 2's benchmark):
#   (a) pobox: `bin/pobox batch` over an inbox of the pages, drop to indexed (search node already
#       up, not timed); once per chi_sim OCR engine if the build has a POBOX_OCR_ENGINE_CHI_SIM
#       setting, else with the engine the ocr route uses;
#   (b) a sequential loop of the tesseract CLI, one page at a time;
#   (c) OCRmyPDF over the same pages as one PDF (text from --sidecar).
# Prints pages/min, CER against the ground truth, pobox's peak heap and RSS, the node's RSS, and
# appends a dated section to bench/RESULTS.md.
# Usage: bench/e2e.sh [pages=20]
# Honours POBOX_NODE_PORT / POBOX_NODE_DATA (use your own on a shared machine).
# Needs: tesseract-ocr, tesseract-ocr-chi-sim, ocrmypdf, CJK fonts (bin/install-deps), python3, unzip, curl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PAGES="${1:-20}"
export OMP_THREAD_LIMIT=1   # the CLI and libtesseract: one OpenMP thread per process (DESIGN.md)
PORT="${POBOX_NODE_PORT:-9200}"
DATA="${POBOX_NODE_DATA:-data/node}"
[[ "$DATA" = /* ]] || DATA="$ROOT/$DATA"
ES="http://127.0.0.1:$PORT"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
WORK="$ROOT/app/target/e2e-bench/$STAMP"
mkdir -p "$WORK"
log() { echo "[e2e $(date -u +%H:%M:%S)] $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
ppm() { python3 -c "print(f'{$1 * 60 / $2:.1f}')"; }          # pages, seconds -> pages/min
cer() { java -cp "$CP" org.pobox.bench.E2ePages "$@"; }        # prints pages=N mean=x max=y
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }   # user+sys of a live pid
# user+sys seconds of the children of a subshell, from the last line of bash's `times`
children_cpu() { tail -1 | python3 -c 'import re, sys; print("%.1f" % sum(int(m) * 60 + float(x) for m, x in re.findall(r"(\d+)m([\d.]+)s", sys.stdin.read())))'; }
per_page() { python3 -c "print(f'{$1 / $PAGES:.2f}')"; }

LOAD_BEFORE="$(load)"
log "building (package, test classes)"
mvn -B -q -ntp package -DskipTests
mvn -B -q -ntp -pl app dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp >/dev/null
CP="app/target/test-classes:app/target/classes:$(cat app/target/bench.cp)"

log "generating $PAGES pages in $WORK/pages"
java -cp "$CP" org.pobox.bench.E2ePages pages "$WORK/pages" "$PAGES"

# --- search node: up before the clock starts
node_pid() { [[ -f "$DATA/node.pid" ]] && head -1 "$DATA/node.pid" && return; echo ""; }
started_node=0
if ! bin/pobox node status >/dev/null 2>&1; then
  bin/pobox node start >/dev/null
  if ! bin/pobox node status >/dev/null 2>&1; then
    # `pobox node start` stops the node again when it exits (shutdown hook): keep one up ourselves
    log "'pobox node start' did not leave the node running; starting it with org.pobox.bench.StartNode"
    java -Dpobox.home="$ROOT" -cp "$CP" org.pobox.bench.StartNode >/dev/null
  fi
  started_node=1
fi
NODE_PID="$(node_pid)"
log "search node pid $NODE_PID at $ES"

# --- which chi_sim engines this build can run
ENGINE_KEY="$(unzip -p app/target/pobox.jar application.properties | grep -oE '^pobox\.ocr\.engine\.chi_sim' || true)"
if [[ -n "$ENGINE_KEY" ]]; then
  ENGINES=(tesseract paddle)
else
  route_engine="$(unzip -p app/target/pobox.jar routes/ocr.camel.yaml | grep -oE '(tesseract|paddle):read' | head -1)"
  ENGINES=("${route_engine%%:*}-only")
fi

# `pobox batch` over the inbox in folder $1 into index alias $2 (extra env: the rest). Sets SECS
# (wall), TICKS (its JVM's user+sys), HWM_KB (peak RSS), STATUS; GC log in $1/gc.log.
batch() {
  local dir="$1" alias="$2"; shift 2
  local t0; t0=$(now)
  env "$@" POBOX_INBOX="$dir/inbox" POBOX_ARCHIVE="$dir/archive" POBOX_FAILED="$dir/failed" \
    POBOX_INDEX_ALIAS="$alias" POBOX_JAVA_OPTS="-Xmx2g -Xlog:gc,gc+heap+exit:file=$dir/gc.log" \
    bin/pobox batch >"$dir/batch.out" 2>"$dir/batch.err" &
  local pid=$! v t
  HWM_KB=0; TICKS=0
  # sampled with shell builtins only (no process per reading to steal CPU from the run), every
  # 0.1 s: the end of the run is seen at most 0.1 s late
  local key value rest stat
  while kill -0 "$pid" 2>/dev/null; do   # VmHWM only grows: the last reading is the peak
    while read -r key value rest; do [[ "$key" == VmHWM: ]] && HWM_KB=$value; done < "/proc/$pid/status" 2>/dev/null || true
    if read -r -a stat < "/proc/$pid/stat" 2>/dev/null; then TICKS=$((stat[13] + stat[14])); fi
    sleep 0.1
  done
  STATUS=0; wait "$pid" || STATUS=$?
  SECS=$(python3 -c "print(f'{$(now) - $t0:.1f}')")
}

declare -A INDEXED POBOX_CPU POBOX_NET_CPU NODE_CPU POBOX_PPM POBOX_NET_PPM POBOX_SECS POBOX_CER POBOX_MAX POBOX_HEAP POBOX_RSS POBOX_EXIT
# fixed cost of one `pobox batch` (JVM, Camel, engine connection, shutdown) on an empty inbox
empty="$WORK/empty"; mkdir -p "$empty"/{inbox,archive,failed}
# the first batch after a build makes bin/pobox's class-data-sharing archive (data/cds) and the
# index: not timed
batch "$empty" "bench-e2e-empty-$STAMP"
batch "$empty" "bench-e2e-empty-$STAMP"
FIXED=$SECS; FIXED_CPU=$(python3 -c "print(f'{$TICKS / $TICK:.1f}')")
curl -s -XDELETE "$ES/bench-e2e-empty-$STAMP-v1" >/dev/null || true

for engine in "${ENGINES[@]}"; do
  run="$WORK/pobox-$engine"; mkdir -p "$run"/{inbox,archive,failed,text}
  alias="bench-e2e-${engine%-only}-$STAMP"
  for p in "$WORK"/pages/letter*.png; do
    cp "$p" "$run/inbox/.$(basename "$p").part" && mv "$run/inbox/.$(basename "$p").part" "$run/inbox/$(basename "$p")"
  done
  # as for a nightly batch, the scans have been waiting longer than pobox.intake.stableMs (2 s):
  # a younger file is waited for on purpose (the scanner may still be writing it), not timed here
  sleep 2.5
  engine_env=(POBOX_BENCH=e2e)   # env needs one argument at least
  [[ -n "$ENGINE_KEY" ]] && engine_env=(POBOX_OCR_ENGINE_CHI_SIM="$engine")
  # the letters index exists before the clock starts, as for every batch after the first: an
  # untimed batch over an empty inbox creates it (in a real night the index is months old)
  mkdir -p "$run/pre/inbox"
  env POBOX_INBOX="$run/pre/inbox" POBOX_ARCHIVE="$run/pre/archive" POBOX_FAILED="$run/pre/failed" \
    POBOX_INDEX_ALIAS="$alias" bin/pobox batch >/dev/null 2>&1
  log "pobox batch, engine $engine, load $(load)"
  node_before=$(cpu_ticks "$NODE_PID")
  batch "$run" "$alias" "${engine_env[@]}"
  secs=$SECS; status=$STATUS; hwm=$HWM_KB
  POBOX_EXIT[$engine]=$status
  POBOX_CPU[$engine]=$(per_page "$TICKS / $TICK")
  POBOX_NET_CPU[$engine]=$(per_page "($TICKS / $TICK - $FIXED_CPU)")
  NODE_CPU[$engine]=$(per_page "($(cpu_ticks "$NODE_PID") - $node_before) / $TICK")
  POBOX_SECS[$engine]=$secs
  POBOX_PPM[$engine]=$(ppm "$PAGES" "$secs")
  POBOX_NET_PPM[$engine]=$(python3 -c "s=$secs-$FIXED; print(f'{$PAGES*60/s:.1f}' if s > 0 else 'n/a')")
  POBOX_RSS[$engine]=$((hwm / 1024))
  # peak heap in use: the largest occupancy before a GC, or at exit if higher
  POBOX_HEAP[$engine]=$(python3 - "$run/gc.log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
before = [int(m) for m in re.findall(r'(\d+)M->\d+M\(\d+M\)', text)]
at_exit = [int(k) // 1024 for k in re.findall(r'total \d+K, used (\d+)K', text)]
print(max(before + at_exit + [0]))
PY
)
  curl -s -XPOST "$ES/$alias/_refresh" >/dev/null
  INDEXED[$engine]=$(curl -s "$ES/$alias/_count" | python3 -c 'import json, sys; print(json.load(sys.stdin)["count"])')
  # CER of what OCR read, from the unmasked OCR records the pipeline keeps beside the archive
  # (archive/.ocr/<id>.json): the indexed text has the writer's name and numbers masked out.
  python3 - "$run/archive/.ocr" "$run/text" <<'PY'
import glob, json, os, sys
for path in glob.glob(os.path.join(sys.argv[1], "*.json")):
    letter = json.load(open(path))["letter"]
    for name in letter.get("file_names", []):
        stem = os.path.splitext(name)[0]
        open(os.path.join(sys.argv[2], stem + ".txt"), "w").write(letter.get("text", ""))
PY
  c=$(cer cer "$WORK/pages" "$run/text")
  POBOX_CER[$engine]=$(echo "$c" | field mean); POBOX_MAX[$engine]=$(echo "$c" | field max)
  log "pobox $engine: ${secs}s, exit $status, ${INDEXED[$engine]} letters in the index, $(tail -1 "$run/batch.out" 2>/dev/null), $c"
  curl -s -XDELETE "$ES/$alias-v1" >/dev/null || true
done
NODE_RSS=$([[ -n "$NODE_PID" ]] && awk '/VmHWM/ {print int($2/1024)}' "/proc/$NODE_PID/status" 2>/dev/null || echo n/a)

# --- (b) tesseract CLI, one page after the other
cli="$WORK/cli"; mkdir -p "$cli"
log "tesseract CLI loop, load $(load)"
t0=$(now)
CLI_CPU=$(per_page "$({ for p in "$WORK"/pages/letter*.png; do
  tesseract "$p" "$cli/$(basename "${p%.png}")" -l chi_sim >/dev/null 2>&1
done; times; } | children_cpu)")
CLI_SECS=$(python3 -c "print(f'{$(now) - $t0:.1f}')")
c=$(cer cer "$WORK/pages" "$cli"); CLI_CER=$(echo "$c" | field mean); CLI_MAX=$(echo "$c" | field max)

# --- (c) OCRmyPDF on all pages as one PDF, its default settings (jobs = cores)
omp="$WORK/ocrmypdf"; mkdir -p "$omp"
log "ocrmypdf, load $(load)"
t0=$(now)
OMP_CPU=$(per_page "$({ ocrmypdf -q -l chi_sim --sidecar "$omp/sidecar.txt" "$WORK/pages/all.pdf" "$omp/out.pdf" 2>"$omp/err.log"
  times; } | children_cpu)")
OMP_SECS=$(python3 -c "print(f'{$(now) - $t0:.1f}')")
c=$(cer cer-sidecar "$WORK/pages" "$omp/sidecar.txt"); OMP_CER=$(echo "$c" | field mean); OMP_MAX=$(echo "$c" | field max)
LOAD_AFTER="$(load)"

if ((started_node)); then bin/pobox node stop >/dev/null; fi

# --- report
CLI_PPM=$(ppm "$PAGES" "$CLI_SECS"); OMP_PPM=$(ppm "$PAGES" "$OMP_SECS")
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
{
  echo
  echo "## e2e $(date -u '+%Y-%m-%d %H:%M UTC'): \`bench/e2e.sh $PAGES\`"
  echo
  echo "Machine: $(env -u OMP_THREAD_LIMIT nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $LOAD_BEFORE before, $LOAD_AFTER after (shared machine)."
  echo "Pages: $PAGES generated one-page letters (random CJK font 11-14 pt, 300/200 dpi in turn, random specks, skew ≤ 2°), $(tesseract --version 2>&1 | head -1), OCRmyPDF $(ocrmypdf --version 2>&1 | head -1), OMP_THREAD_LIMIT=1."
  echo "pobox: \`bin/pobox batch\` wall time from its start (pages dropped 2.5 s before, older than pobox.intake.stableMs as in a nightly batch) to exit, node up and letters index created, neither timed; a batch on an empty inbox costs ${FIXED}s and ${FIXED_CPU} CPU s (JVM, Camel, file stability wait), 'net' leaves it out. Workers: pobox.ocr.workers (0 = one per core)."
  echo
  echo "CPU s/page: user+sys of the reader's processes (pobox: its JVM, read every 0.1 s, so up to 0.1 s short; the search node's share is shown apart). Stable under load, unlike wall time."
  echo
  echo "| reader | seconds | pages/min | net pages/min | CPU s/page | net CPU s/page | mean CER | max CER |"
  echo "|---|---|---|---|---|---|---|---|"
  for e in "${ENGINES[@]}"; do
    echo "| pobox batch, chi_sim engine: $e (exit ${POBOX_EXIT[$e]}, ${INDEXED[$e]} indexed) | ${POBOX_SECS[$e]} | ${POBOX_PPM[$e]} | ${POBOX_NET_PPM[$e]} | ${POBOX_CPU[$e]} (+ node ${NODE_CPU[$e]}) | ${POBOX_NET_CPU[$e]} | ${POBOX_CER[$e]} | ${POBOX_MAX[$e]} |"
  done
  echo "| tesseract CLI loop (psm 3, 1 process) | $CLI_SECS | $CLI_PPM | | $CLI_CPU | | $CLI_CER | $CLI_MAX |"
  echo "| ocrmypdf -l chi_sim (one PDF) | $OMP_SECS | $OMP_PPM | | $OMP_CPU | | $OMP_CER | $OMP_MAX |"
  echo
  for e in "${ENGINES[@]}"; do
    echo "- pobox ($e) ÷ CLI loop: $(ratio "${POBOX_PPM[$e]}" "$CLI_PPM")× (net $(python3 -c "v='${POBOX_NET_PPM[$e]}'; print(f'{float(v)/$CLI_PPM:.2f}' if v != 'n/a' else 'n/a')")×); pobox ÷ OCRmyPDF: $(ratio "${POBOX_PPM[$e]}" "$OMP_PPM")×. Peak heap in use ${POBOX_HEAP[$e]} MB (-Xmx2g, from -Xlog:gc), pobox JVM peak RSS ${POBOX_RSS[$e]} MB."
  done
  for e in "${ENGINES[@]}"; do
    echo "- CPU per page, CLI ÷ pobox ($e) net: $(ratio "$CLI_CPU" "${POBOX_NET_CPU[$e]}")×. On an idle machine with $(env -u OMP_THREAD_LIMIT nproc) cores and one pobox worker per core, a long batch would run at about $(python3 -c "print(f'{$(env -u OMP_THREAD_LIMIT nproc) * $CLI_CPU / ${POBOX_NET_CPU[$e]}:.1f}')")× the CLI loop (an estimate from CPU time, not a measurement)."
  done
  echo "- Search node (pid $NODE_PID) peak RSS (VmHWM): $NODE_RSS MB."
} | tee -a bench/RESULTS.md
log "appended to bench/RESULTS.md; work files in $WORK"
