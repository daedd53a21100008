#!/bin/bash
# Which config wins when citecheck.toml and pyproject.toml sit side by side; relative baseline path
# from pyproject when run from a subfolder.
set -u
QA=$(cd "$(dirname "$0")/.." && pwd)
. /work/venv/bin/activate; export PYTHONPATH=$QA/.. CI=1
R=/tmp/qa4_cfg; rm -rf $R; mkdir -p $R/chapters $R/sub; cd $R; export XDG_CACHE_HOME=$R/.cache
S=$(python -c "import json;print(json.load(open('$QA/out/web.json'))['soft404'])")
printf '# C\n\nA claim.[^1]\n\n[^1]: Maria Lopez, *Page not found* (2019), %s/doc/soft404-1.html.\n' "$S" > chapters/ch.md
C="citecheck check chapters/ch.md --no-sources --no-archive"
$C > /dev/null; echo "a no config (soft-dead = warning): rc=$?"
printf '[tool.citecheck]\nfail-on = "warning"\n' > pyproject.toml
$C > /dev/null; echo "b pyproject fail-on=warning: rc=$?"
printf 'fail-on = "error"\n' > citecheck.toml
$C > /dev/null 2>e; echo "c + citecheck.toml fail-on=error beside it: rc=$? stderr: $(cat e)"
rm citecheck.toml
(cd sub && citecheck check ../chapters/ch.md --no-sources --no-archive >/dev/null; echo "d pyproject found from sub/: rc=$? (expect 1)")
$C --write-baseline base.json >/dev/null
printf '[tool.citecheck]\nfail-on = "warning"\nbaseline = "base.json"\n' > pyproject.toml
(cd sub && citecheck check ../chapters/ch.md --no-sources --no-archive >/dev/null 2>e; echo "e baseline=base.json in pyproject, run from sub/: rc=$? (expect 0) $(cat e)")
