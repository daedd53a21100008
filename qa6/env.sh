# Source me: points citecheck at the qa6 loopback stand-ins (qa6/web.py must be running).
. /work/venv/bin/activate
cd /work/wt/qa6 && export PYTHONPATH=/work/wt/qa6
Q=/work/wt/qa6/qa6/out
b() { python -c "import json,sys;print(json.load(open('$Q/bases.json'))[sys.argv[1]])" "$1"; }
export CITECHECK_CROSSREF_API=$(b crossref)
export CITECHECK_OPENALEX_API=$(b openalex)
export CITECHECK_COURTLISTENER_API=http://127.0.0.64:9
export CITECHECK_WAYBACK_API=http://127.0.0.64:9
export CITECHECK_WAYBACK_WEB=http://127.0.0.64:9
export CITECHECK_PERMA_API=http://127.0.0.64:9/v1/
export CITECHECK_MAILTO=qa6@example.org
export XDG_CACHE_HOME=$Q/xdgcache
export CI=1
cat > $Q/citecheck.toml <<TOML
doi-resolver = "$(b web)/doi/"
dns-canaries = []
cache = "cache.sqlite3"
warc-dir = "warc"
timeout = 5
sources-timeout = 3
TOML
CC="citecheck --config $Q/citecheck.toml"
