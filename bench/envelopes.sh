#!/usr/bin/env bash
# Envelope fronts (issue 16): generated DL envelopes (postal code written by hand in red, green or
# black boxes, stamp with a turned round postmark, recipient written large, sender, fed a little
# askew), half in colour, half gray, JPEG; read by the Paddle
# engine, the postmark date taken as the understand stage takes it. Prints one line per envelope
# and the counts: told an envelope, postal code read, recipient read, postmark date right.
# Usage: bench/envelopes.sh [envelopes=20]
set -euo pipefail
cd "$(dirname "$0")/.."
bin/fetch-models >/dev/null
mvn -B -q -pl app -am test-compile
mvn -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
CP="app/target/test-classes:app/target/classes:$(cat app/target/bench.cp)"
java -Xmx1g -Dpobox.home="$PWD" -cp "$CP" org.pobox.testdata.EnvelopeBench app/target/envelopes "${1:-20}" 2>/dev/null
