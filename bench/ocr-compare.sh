#!/usr/bin/env bash
# One generated corpus (a third clean, a third degraded, a third handwriting-like), read by:
# pobox with Paddle, pobox with Tesseract (both through routes/ocr.camel.yaml, 2 workers), the
# tesseract CLI one page at a time and as 2 parallel processes, and
# ocrmypdf -l chi_sim --rotate-pages --deskew over the same pages as one PDF.
# Prints pages/min, CER by kind, peak heap and peak RSS, and appends them to bench/RESULTS.md.
# Usage: bench/ocr-compare.sh [pages=24] [workers=2] [mix=ordinary|hard|mixed]
#   ordinary: a third each clean, degraded, handwriting-like; hard: issue 16's hard kinds (red seal
#   over text, phone photo, bleed-through, 150-dpi fax, heavy hand-lettering, faint carbon copy)
#   and their pairs in turn; mixed: every fifth page hard, the others clean and degraded;
#   hands: written stroke by stroke (HandStrokes), neat, ordinary, hurried, rough, barely legible in turn.
#   -Dtexts=<letters.jsonl> in JAVA_TOOL_OPTIONS: the first pages of those letters as the texts.
#   After the table, CER by page kind for each reader.
# Needs: bin/fetch-models, tesseract-ocr, tesseract-ocr-chi-sim, ocrmypdf, CJK fonts, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1   # as bin/pobox: OpenMP threads would fight the worker threads
PAGES="${1:-24}"
WORKERS="${2:-2}"
MIX="${3:-ordinary}"
DIR="app/target/ocr-compare-$MIX"
rm -rf "$DIR" && mkdir -p "$DIR"
mvn -B -q -pl app -am test-compile
cp=$(mvn -B -q -pl app dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# a copy of the classes: a rebuild during the run does not change what is measured
cp -r app/target/classes "$DIR/classes" && cp -r app/target/test-classes "$DIR/test-classes" && cp -r routes "$DIR/routes"
# the JVM options bin/pobox uses
run() { java -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dpobox.home="$PWD" -cp "$DIR/test-classes:$DIR/classes:$cp" org.pobox.testdata.OcrCompareBench "$@"; }
score() { run score "$DIR" "$@"; }
now() { date +%s.%N; }
peak_rss() { awk '/Maximum resident set size/ {printf "%d MiB", $NF/1024}' "$1"; }
# user + system CPU seconds per page of a run timed by GNU time (children included)
cpu_per_page() { awk -v n="$PAGES" '/User time/ {u=$NF} /System time/ {s=$NF} END {printf "%.2f", (u+s)/n}' "$1"; }

[ "$MIX" = hands ] && bin/fetch-hand-data >/dev/null
run gen "$DIR" "$PAGES" "$MIX"
rows=()
row=$(run pobox "$DIR" paddle "$WORKERS" | tail -1); rows+=("$row")
row=$(run pobox "$DIR" tesseract "$WORKERS" | tail -1); rows+=("$row")

# the CLI, one page after another; RSS of one process, CPU of all
mkdir -p "$DIR/out-cli1" "$DIR/out-cli2"
start=$(now)
/usr/bin/time -v -o "$DIR/cli1.time" bash -c 'for png in "$1"/pages/*.png; do
  tesseract "$png" "$1/out-cli1/$(basename "$png" .png)" -l chi_sim >/dev/null 2>&1; done' _ "$DIR"
elapsed=$(echo "$(now) - $start" | bc)
/usr/bin/time -v -o "$DIR/cli1-rss.time" tesseract "$(ls "$DIR"/pages/*.png | head -1)" - -l chi_sim >/dev/null 2>&1
rss=$(peak_rss "$DIR/cli1-rss.time")
cpu=$(cpu_per_page "$DIR/cli1.time")
row=$(score "$DIR/out-cli1" "tesseract CLI, sequential" "$elapsed" " | - | $rss per process | $cpu | -"); rows+=("$row")

start=$(now)
/usr/bin/time -v -o "$DIR/cli2.time" bash -c 'ls "$1"/pages/*.png | xargs -P 2 -I{} sh -c '"'"'tesseract "$1" "$2/$(basename "$1" .png)" -l chi_sim >/dev/null 2>&1'"'"' _ {} "$1/out-cli2"' _ "$DIR"
elapsed=$(echo "$(now) - $start" | bc)
cpu=$(cpu_per_page "$DIR/cli2.time")
row=$(score "$DIR/out-cli2" "tesseract CLI, 2 processes" "$elapsed" " | - | - | $cpu | -"); rows+=("$row")

mkdir -p "$DIR/out-ocrmypdf"
start=$(now)
/usr/bin/time -v -o "$DIR/ocrmypdf.time" ocrmypdf -q -l chi_sim --rotate-pages --deskew -j 2 \
  --sidecar "$DIR/ocrmypdf.txt" "$DIR/all.pdf" "$DIR/ocrmypdf.pdf" || echo "ocrmypdf failed" >&2
elapsed=$(echo "$(now) - $start" | bc)
# the sidecar separates pages with form feeds, in page order
i=0
for png in "$DIR"/pages/*.png; do
  awk -v n="$i" 'BEGIN{RS="\f"} NR==n+1 {print}' "$DIR/ocrmypdf.txt" > "$DIR/out-ocrmypdf/$(basename "$png" .png).txt"
  i=$((i + 1))
done
rss=$(peak_rss "$DIR/ocrmypdf.time")
cpu=$(cpu_per_page "$DIR/ocrmypdf.time")
row=$(score "$DIR/out-ocrmypdf" "ocrmypdf --rotate-pages --deskew (-j 2)" "$elapsed" " | - | $rss (largest process) | $cpu | -"); rows+=("$row")

header="| run | pages | pages/min | CER clean | CER degraded | CER handwriting-like | CER all | peak heap | peak RSS | CPU s/page | engines |
|---|---|---|---|---|---|---|---|---|---|---|"
machine="$(getconf _NPROCESSORS_ONLN) cores, $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo
  echo "## ocr-compare, $(date -u '+%Y-%m-%d %H:%M UTC'), $PAGES pages ($MIX), $WORKERS workers, $(git rev-parse --short HEAD)"
  echo "Machine: $machine"
  echo
  echo "$header"
  printf '%s\n' "${rows[@]}"
  echo
  run kinds "$DIR" "$DIR/out-pobox-paddle" "pobox paddle" "$DIR/out-pobox-tesseract" "pobox tesseract" \
    "$DIR/out-cli1" "tesseract CLI" "$DIR/out-ocrmypdf" "ocrmypdf"
} | tee -a bench/RESULTS.md
