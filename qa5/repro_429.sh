#!/bin/bash
# Crossref answering 429 (Retry-After: 1) to everything: does `citecheck sources` end, "unverified"?
# Expect: each lookup retried sources-retries (3) times, then unverified, in ~10 s. Watch hits grow.
cd /work/wt/qa5/qa5/out && . ../env.sh crossref429
printf '%s\n' 'A.[^1] B.[^2] C.[^3] D.[^4] E.[^5] F.[^6]' '' \
 '[^1]: Paul Ohm, Broken Promises of Privacy, 57 UCLA L. Rev. 1701 (2010).' \
 '[^2]: Julie E. Cohen, What Privacy Is For, 126 Harv. L. Rev. 1904 (2013).' \
 '[^3]: Ryan Calo, The Boundaries of Privacy Harm, 86 Ind. L.J. 1131 (2011).' \
 '[^4]: Erin Murphy, The Case Against the Case for Third-Party Doctrine, 24 Berkeley Tech. L.J. 1239 (2009).' \
 '[^5]: Neil M. Richards, The Dangers of Surveillance, 126 Harv. L. Rev. 1934 (2013).' \
 '[^6]: Christopher Slobogin, Government Data Mining and the Fourth Amendment, 75 U. Chi. L. Rev. 317 (2008).' > six.md
before=$(python -c "import json;print(json.load(open('hits.json'))['crossref429'])")
( timeout ${LIMIT:-150} citecheck sources six.md --config citecheck.toml --no-cache > six429.txt 2>&1; echo "rc=$?" >> six429.txt ) &
for t in 10 20 40 80 150; do
  sleep $(( t - ${prev:-0} )); prev=$t
  now=$(python -c "import json;print(json.load(open('hits.json'))['crossref429'])")
  echo "after ${t}s: $((now - before)) requests to the 429 Crossref"
done
wait; tail -4 six429.txt
