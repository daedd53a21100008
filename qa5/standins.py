"""Start every loopback stand-in for qa5 and keep them up until killed.

Crossref/OpenAlex/CourtListener (the true records of records.py), failing Crossref variants
(500, 429, slow, HTML proxy page, a closed port), the Wayback/Perma stand-in and the cited web.
Writes qa5/out/bases.json with every base URL.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "sources"))
sys.path.insert(0, str(ROOT / "tests" / "archive"))
sys.path.insert(0, str(Path(__file__).parent))
from archive_standins import ArchiveStandIn, Capture, Reply, WebStandIn, html  # noqa: E402
from records import CASES, CROSSREF, OPENALEX  # noqa: E402
from sources_standins import (  # noqa: E402
    CourtListenerStandIn, CrossrefStandIn, OddStandIn, OpenAlexStandIn, closed_base)


class SlowCrossref(CrossrefStandIn):
    def route(self, seen):  # type: ignore[no-untyped-def]
        time.sleep(6)
        return super().route(seen)


class Throttled(CrossrefStandIn):
    def route(self, seen):  # type: ignore[no-untyped-def]
        return 429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"Too Many Requests"


class Web(WebStandIn):
    def route(self, record, raw_path):  # type: ignore[no-untyped-def]
        if raw_path.startswith("/doi/"):
            return Reply(302, b"", {"Location": self.base + "/landing/" + raw_path[5:]})
        if raw_path.startswith("/landing/"):
            doi = raw_path[9:]
            title = next((w["title"][0] for w in CROSSREF if w["DOI"].lower() == doi.lower()), doi)
            return Reply(200, html(title, f"Landing page for {title}. " * 20).encode(),
                         {"Content-Type": "text/html; charset=utf-8"})
        return super().route(record, raw_path)


def main() -> None:
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    servers = {
        "crossref": CrossrefStandIn(CROSSREF, "127.0.0.51"),
        "openalex": OpenAlexStandIn(OPENALEX, "127.0.0.52"),
        "courtlistener": CourtListenerStandIn(CASES, "127.0.0.53"),
        "crossref500": CrossrefStandIn(CROSSREF, "127.0.0.54", fail_with=500),
        "crossref429": Throttled(CROSSREF, "127.0.0.54"),
        "crossrefslow": SlowCrossref(CROSSREF, "127.0.0.54"),
        "crossrefhtml": OddStandIn("html", "127.0.0.54"),
    }
    ia = ArchiveStandIn("127.0.0.55")
    web = Web("127.0.0.56")
    W = web.base

    body_2012 = html("Protecting Consumer Privacy in an Era of Rapid Change",
                     "The Commission recommends privacy by design, simplified choice and greater "
                     "transparency for consumers. " * 8)
    web.page("/reports/ftc-2012.html", body_2012)
    ia.add(W + "/reports/ftc-2012.html",
           Capture("20120401120000", W + "/reports/ftc-2012.html", body=body_2012.encode()))

    old_bd = html("Big Data: Seizing Opportunities, Preserving Values",
                  "Big data analytics can discriminate in housing, credit and employment. "
                  "The report recommends advancing the Consumer Privacy Bill of Rights. " * 6)
    new_bd = html("Big Data: Seizing Opportunities, Preserving Values",
                  "This archived page is no longer updated. Visit our new site for current policy "
                  "priorities on artificial intelligence and innovation. "
                  "Learn about grant programmes and upcoming events in your region. " * 6)
    web.page("/reports/bigdata-2014.html", new_bd)
    ia.add(W + "/reports/bigdata-2014.html",
           Capture("20140502090000", W + "/reports/bigdata-2014.html", body=old_bd.encode()))

    blog = html("The third-party doctrine after Carpenter",
                "Phone location records are not voluntarily conveyed in any meaningful sense. " * 8)
    web.page("/blog/third-party-2016.html", "<h1>Not found</h1>", status=404)
    ia.add(W + "/blog/third-party-2016.html",
           Capture("20160311080000", W + "/blog/third-party-2016.html", body=blog.encode()),
           Capture("20190101000000", W + "/blog/third-party-2016.html", statuscode="404",
                   body=b"<h1>Not found</h1>"))

    stats_old = html("Data breach statistics",
                     "In 2019 the clearinghouse recorded 1,473 breaches exposing personal records "
                     "of consumers across every state, according to its annual survey. " * 5)
    stats_new = stats_old.replace("1,473", "1,862", 1)
    web.page("/stats/breaches.html", stats_new)
    ia.add(W + "/stats/breaches.html",
           Capture("20200115000000", W + "/stats/breaches.html", body=stats_old.encode()))

    lab_old = html("Privacy Lab: location data project",
                   "Our lab measures how cell-site location records reveal home and work addresses. "
                   * 8)
    lab_new = html("privacylab.example is for sale",
                   "Buy this domain. Premium domains at low prices. Contact the broker today. " * 5)
    web.page("/project/privacy-lab.html", lab_new)
    ia.add(W + "/project/privacy-lab.html",
           Capture("20170620000000", W + "/project/privacy-lab.html", body=lab_old.encode()))

    web.page("/about/undated.html", html("About the Fourth Amendment Project",
                                         "We track surveillance litigation. " * 10))
    ia.add(W + "/about/undated.html",
           Capture("20230101000000", W + "/about/undated.html",
                   body=html("About", "We track surveillance litigation. " * 10).encode()))
    web.page("/gone.html", "<h1>Not found</h1>", status=404)

    for s in servers.values():
        s.start()
    ia.start()
    web.start()
    bases = {k: s.base for k, s in servers.items()}
    bases |= {"closed": closed_base(), "ia": ia.base, "web": web.base}
    (out / "bases.json").write_text(json.dumps(bases, indent=1))
    print(json.dumps(bases), flush=True)
    try:
        while True:
            time.sleep(2)
            counts = {k: len(s.requests) for k, s in servers.items()}
            counts |= {"ia": len(ia.requests), "web": len(web.requests)}
            (out / "hits.json").write_text(json.dumps(counts))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
