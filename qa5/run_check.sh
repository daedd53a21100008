#!/bin/bash
# The editor's full check of article.md against the healthy stand-ins: every report format.
cd /work/wt/qa5/qa5/out && . ../env.sh "$@" && rm -rf cache.sqlite3 warc xdgcache
citecheck check article.md --config citecheck.toml --format json -o check.json \
  --report html=check.html --report markdown=check.md --bib article.bib; echo "json rc=$?"
citecheck check article.md --config citecheck.toml > check.txt 2> check.err; echo "text rc=$?"
COLUMNS=60 citecheck check article.md --config citecheck.toml > check60.txt 2>&1; echo "60col rc=$?"
