#!/usr/bin/env bash
# Soak: N small letters (default 2000) through ONE `pobox batch`, sampling the batch JVM's heap in
# use (after GC, from jcmd GC.heap_info) and its open file handles (/proc/<pid>/fd) every 5 s.
# Neither may grow with the batch. Appends a dated section to bench/RESULTS.md; samples in
# app/target/soak/<stamp>/samples.csv.
# Usage: bench/soak.sh [letters=2000]
# Runs its own embedded search node on a free port and data folder (stopped at the end).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-2000}"
export OMP_THREAD_LIMIT=1
STAMP="$(date -u +%Y%m%d-%H%M%S)"
WORK="$ROOT/app/target/soak/$STAMP"
mkdir -p "$WORK"
log() { echo "[soak $(date -u +%H:%M:%S)] $*" >&2; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

log "building"
mvn -B -q -o -ntp -pl node,app -am package -DskipTests 2>/dev/null || mvn -B -q -ntp -pl node,app -am package -DskipTests
mvn -B -q -o -ntp -pl app test-compile
mvn -B -q -o -ntp -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/soak.cp >/dev/null
CP="app/target/test-classes:app/target/classes:$(cat app/target/soak.cp)"

log "generating $N letters"
java -cp "$CP" org.pobox.bench.SoakLetters "$WORK/inbox" "$N"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
OPTS=(-Xmx1g -Dfile.encoding=UTF-8 -Dpobox.home="$ROOT" -Dpobox.logDir="$WORK/logs"
  -Dpobox.inbox="$WORK/inbox" -Dpobox.work="$WORK/work" -Dpobox.archive="$WORK/archive" -Dpobox.failed="$WORK/failed"
  -Dpobox.register.file="$WORK/data/register.log" -Dpobox.batch.lock="$WORK/data/batch.lock"
  -Dpobox.batch.lastResult="$WORK/data/last-batch.json" -Dpobox.index.alias=letters_soak
  -Dpobox.node.port="$PORT" -Dpobox.node.data="$WORK/node" -Dpobox.intake.stableMs=300 -Dpobox.intake.pollMs=200)

log "batch of $N letters (node on port $PORT)"
T0=$(date +%s)
java "${OPTS[@]}" -cp "$CP" org.pobox.cli.PoboxCli batch >"$WORK/batch.out" 2>"$WORK/batch.err" &
PID=$!
echo "seconds,archived,heap_used_kb,open_fds" >"$WORK/samples.csv"
while kill -0 "$PID" 2>/dev/null; do
  sleep 5
  fds=$(ls "/proc/$PID/fd" 2>/dev/null | wc -l) || fds=0
  # heap after a full GC, so it shows what is retained, not what is garbage yet
  jcmd "$PID" GC.run >/dev/null 2>&1 || true
  heap=$(jcmd "$PID" GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1) || heap=""
  archived=$(ls "$WORK/archive" 2>/dev/null | wc -l) || archived=0
  [[ -z "$heap" ]] || echo "$(( $(date +%s) - T0 )),$archived,$heap,$fds" >>"$WORK/samples.csv"
done
set +e; wait "$PID"; STATUS=$?; set -e
SECS=$(( $(date +%s) - T0 ))
log "batch exit $STATUS after ${SECS}s"

SUMMARY="$(python3 - "$WORK/samples.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if int(r["archived"]) > 0]
if len(rows) < 4:
    print("too few samples"); sys.exit()
q = len(rows) // 4
first, last = rows[:q], rows[-q:]
avg = lambda rs, k: sum(int(r[k]) for r in rs) / len(rs)
print(f"samples {len(rows)}; heap after GC first quarter {avg(first,'heap_used_kb')/1024:.0f} MB, last quarter {avg(last,'heap_used_kb')/1024:.0f} MB, max {max(int(r['heap_used_kb']) for r in rows)/1024:.0f} MB; "
      f"open fds first quarter {avg(first,'open_fds'):.0f}, last quarter {avg(last,'open_fds'):.0f}, max {max(int(r['open_fds']) for r in rows)}")
PY
)"
ARCHIVED=$(ls "$WORK/archive" | wc -l)
FAILED=$(ls "$WORK/failed" 2>/dev/null | grep -vc '\.reason$' || true)
{
  echo
  echo "## soak $(date -u '+%Y-%m-%d %H:%M') UTC: \`bench/soak.sh $N\`"
  echo
  echo "Machine: $(nproc --all) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after (shared machine)."
  echo "One \`pobox batch\` (-Xmx1g, 1-page 200 dpi letters): exit $STATUS in ${SECS}s, $ARCHIVED archived, $FAILED failed. $(tail -1 "$WORK/batch.out")"
  echo "$SUMMARY"
} >>bench/RESULTS.md
log "appended to bench/RESULTS.md; samples in $WORK/samples.csv"
