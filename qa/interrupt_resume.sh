#!/bin/bash
# Batch interrupted by SIGINT, then SIGKILL, then resumed to the end; compare with an
# uninterrupted reference (qa/out/ref.json made the same way on a fresh store).
# usage: qa/interrupt_resume.sh JOURNAL_DIR SECONDS_BEFORE_SIGINT SECONDS_BEFORE_SIGKILL
set -u -m  # job control: a background job must not ignore SIGINT
J=$1; T1=${2:-8}; T2=${3:-6}
QA=$(cd "$(dirname "$0")" && pwd)
. /work/venv/bin/activate; export PYTHONPATH=$QA/.. XDG_CACHE_HOME=/tmp/qa4cache CI=1
S=/tmp/qa4_int.sqlite3; rm -f $S*; rm -rf /tmp/qa4_intrep
hits() { sleep 2.5; python -c "import json;print(sum(sum(d.values()) for d in json.load(open('$QA/out/hits.json')).values()))"; }
ARGS="batch $J --store sqlite:///$S --no-sources --no-archive --format json -o /tmp/qa4_int.json --report csv=/tmp/qa4_int.csv --reports-dir /tmp/qa4_intrep"
h0=$(hits)
citecheck $ARGS > /tmp/qa4_int1.out 2>&1 & P=$!; sleep $T1; kill -INT $P; wait $P; echo "run1 SIGINT rc=$?"; cat /tmp/qa4_int1.out | tail -3
sqlite3 $S "select stage, count(*) from batch_manuscripts group by stage; select count(*), count(status) from batch_urls;"
citecheck $ARGS > /tmp/qa4_int2.out 2>&1 & P=$!; sleep $T2; kill -KILL $P; wait $P; echo "run2 SIGKILL rc=$?"; tail -3 /tmp/qa4_int2.out
sleep 1; echo "left after SIGKILL:"; pgrep -a -f "qa4_int.sqlite3" | head; sleep 3; echo "after 3 s more:"; pgrep -f "qa4_int.sqlite3" | wc -l
sqlite3 $S "select stage, count(*) from batch_manuscripts group by stage; select count(*), count(status) from batch_urls;"
citecheck $ARGS > /tmp/qa4_int3.out 2>&1; echo "run3 rc=$?"; tail -3 /tmp/qa4_int3.out
h1=$(hits); echo "requests to the web across the 3 runs: $((h1-h0))"
python $QA/compare_truth.py $S; python $QA/check_rot.py /tmp/qa4_int.json
echo "reports written: $(find /tmp/qa4_intrep -name '*.json' | wc -l)"
python - <<PY
import json
a=json.load(open('/tmp/qa4_ref.json')); b=json.load(open('/tmp/qa4_int.json'))
for k in a:
    if a[k]!=b[k]: print('differs from reference:', k, str(a[k])[:200], '|', str(b[k])[:200])
PY
