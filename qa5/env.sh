# Source me: points citecheck at the qa5 loopback stand-ins (qa5/standins.py must be running).
# Usage: . qa5/env.sh [crossref|crossref500|crossref429|crossrefslow|crossrefhtml|closed]
. /work/venv/bin/activate
export PYTHONPATH=/work/wt/qa5
Q=/work/wt/qa5/qa5/out
b() { python -c "import json,sys;print(json.load(open('$Q/bases.json'))[sys.argv[1]])" "$1"; }
export CITECHECK_CROSSREF_API=$(b ${1:-crossref})
export CITECHECK_OPENALEX_API=$(b ${2:-openalex})
export CITECHECK_COURTLISTENER_API=$(b courtlistener)
export CITECHECK_COURTLISTENER_TOKEN=cl-token-123
export CITECHECK_MAILTO=editor@example.org
export CITECHECK_WAYBACK_API=$(b ia)
export CITECHECK_WAYBACK_WEB=$(b ia)
export CITECHECK_PERMA_API=$(b ia)/v1/
export XDG_CACHE_HOME=$Q/xdgcache
WEB=$(b web)
cat > $Q/citecheck.toml <<TOML
doi-resolver = "$WEB/doi/"
dns-canaries = []
cdx-per-minute = 600
availability-per-minute = 600
warc-dir = "warc"
cache = "cache.sqlite3"
timeout = 5
sources-timeout = 2
TOML
