#!/bin/bash
# A GitHub-Actions-like job over the qa6 manuscripts (qa6/web.py must be running at the start).
. /work/wt/qa6/qa6/env.sh
O=qa6/out/ci; rm -rf $O; mkdir -p $O; M=qa6/manuscripts
CFG=$O/citecheck.toml; sed "s#cache = .*#cache = \"ci-cache.sqlite3\"#" qa6/out/citecheck.toml > $CFG
LOG=qa6/out/requests.log
job() { # name, then args
  n=$1; shift; before=$(wc -l < $LOG)
  citecheck check "$@" --config $CFG --no-archive --format github -o $O/$n.github \
    --report sarif=$O/$n.sarif --report junit=$O/$n.junit.xml --report markdown=$O/$n.md 2> $O/$n.stderr
  rc=$?; after=$(wc -l < $LOG)
  echo "$n rc=$rc requests=$((after-before)) stderr=$(head -c 300 $O/$n.stderr | tr '\n' ' ')"
}
job run1 $M/b_essay.md $M/a_chapter.docx $M/d_report_sup.txt
job run2 $M/b_essay.md $M/a_chapter.docx $M/d_report_sup.txt
grep -c "" $O/run2.github >/dev/null; diff <(sort $O/run1.github) <(sort $O/run2.github) > /dev/null && echo "run1/run2 annotations identical" || echo "run1/run2 annotations DIFFER"
job clean qa6/repro/clean.md
job offline_clean qa6/repro/clean.md --offline
job missing qa6/manuscripts/nope.md
echo "not a zip" > $O/broken.docx; job broken $O/broken.docx
printf 'timeout = "x"\n' > $O/bad.toml; citecheck check qa6/repro/clean.md --config $O/bad.toml > /dev/null 2> $O/badcfg.stderr; echo "badconfig rc=$? $(cat $O/badcfg.stderr)"
echo "-- network down: stop the loopback servers"
kill $(cat qa6/out/web.pid); sleep 1
job down_b $M/b_essay.md $M/a_chapter.docx $M/d_report_sup.txt --no-cache
job down_clean qa6/repro/clean.md --no-cache
job down_cached_clean qa6/repro/clean.md
python qa6/ci_validate.py
