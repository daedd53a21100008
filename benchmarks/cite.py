"""Benchmark: parse 10,000 generated notes in mixed citation styles.

Notes are built from templates in every style the parser reads (Chicago
books and articles, Bluebook journals, cases and statutes, newspapers with
URLs, reports with series numbers, web pages with access dates, APA/MLA,
Ibid./Id./supra/short titles, prose notes, several works per note), with
random names, titles, numbers and dates from a fixed seed. The whole set is
given to ``parse_citations`` in one call (as one manuscript) and timed,
best of 3, on one core. Run::

    .venv/bin/python benchmarks/cite.py [--notes 10000]
    .venv/bin/python benchmarks/cite.py --links-cli   # the 2,000 notes of links.py --cli
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from collections import Counter

from citecheck.citations import parse_citations
from citecheck.model import Citation, Footnote, Location

_FIRST = ("Ana", "Ken", "Mark", "Shannon", "Luis", "Alan", "Mary", "Thomas", "Erika", "Leo")
_LAST = ("Ellingwood", "Mazzetti", "O’Neil", "De la Calle", "Bersin", "Boghardt", "Gross", "Ngai")
_WORDS = (
    *("border", "trade", "security", "flows", "policy", "river", "crossing", "customs"),
    *("treaty", "commission", "migration", "economy", "partnership", "framework"),
    *("homeland", "enforcement", "integration", "infrastructure"),
)
_PAPERS = ["New York Times", "Los Angeles Times", "Reuters", "Washington Post", "Miami Herald"]
_JOURNALS = ["Foreign Affairs", "Journal of American History", "Borderlands Studies Quarterly"]
_MONTHS = ("January", "February", "March", "May", "June", "July", "September", "November")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _title(rng: random.Random, words: int = 6) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text.title() + ": " + " ".join(rng.choice(_WORDS) for _ in range(3)).title()


def _day(rng: random.Random) -> str:
    return f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2020)}"


def _cite(rng: random.Random) -> str:
    kind = rng.randrange(12)
    year = rng.randint(1950, 2020)
    if kind == 0:
        return (
            f"{_name(rng)}, *{_title(rng)}* (New York: Penguin Press, {year}), "
            f"{rng.randint(1, 400)}."
        )
    if kind == 1:
        return (
            f"{_name(rng)}, “{_title(rng)},” {rng.choice(_JOURNALS)} {rng.randint(1, 90)}, "
            f"no. {rng.randint(1, 4)} ({year}): {rng.randint(1, 300)}–{rng.randint(301, 600)}."
        )
    if kind == 2:
        page = rng.randint(100, 1500)
        return (
            f"{_name(rng)}, {_title(rng)}, {rng.randint(1, 99)} {rng.choice(_JOURNALS)} "
            f"{page}, {page + rng.randint(1, 20)} ({year})."
        )
    if kind == 3:
        return (
            f"{_name(rng)} & {_name(rng)}, *{_title(rng, 5)}*, *{rng.choice(_PAPERS)}* "
            f"({_day(rng)}), <https://www.example.com/{year}/{rng.randint(1, 99999)}.html>"
        )
    if kind == 4:
        return (
            f"Goldman Sachs, “{_title(rng, 4)},” Global Economics Paper No. "
            f"{rng.randint(1, 300)}, March, {year}, available at "
            f"<http://www.example.org/{rng.randint(1, 9999)}.pdf>."
        )
    if kind == 5:
        return (
            f"“{_title(rng, 3)},” U.S. Customs and Border Protection, "
            f"https://www.cbp.gov/{rng.randint(1, 9999)} (accessed {_day(rng)})."
        )
    if kind == 6:
        return (
            f"Brown v. Board of Education, 347 U.S. 483, {rng.randint(484, 500)} (1954); "
            f"42 U.S.C. § {rng.randint(1000, 2000)} (2018)."
        )
    if kind == 7:
        return (
            f"{rng.choice(_LAST)}, J. ({year}). {_title(rng, 5)}. "
            f"{rng.choice(_JOURNALS)}, {rng.randint(1, 40)}({rng.randint(1, 4)}), 1-10."
        )
    if kind == 8:
        return rng.choice(["Ibid.", "Ibid., 45.", "Id. at 5.", "Id."])
    if kind == 9:
        return f"{rng.choice(_LAST)}, supra note {rng.randint(1, 50)}, at 4."
    if kind == 10:
        return (
            "The old dichotomy between security and trade facilitation is a false one; "
            "risk management allows governments to leverage limited resources."
        )
    return (
        f"See {_name(rng)}, *{_title(rng)}*, {rng.choice(_PAPERS)}, {_day(rng)}; "
        f"see also {_name(rng)}, *{_title(rng, 4)}* ({year})."
    )


def make_notes(count: int, *, seed: int = 7) -> list[Footnote]:
    """``count`` generated notes, the same for the same seed."""
    rng = random.Random(seed)
    return [
        Footnote(label=str(i + 1), text=_cite(rng), claim="", location=Location("bench.md", i + 1))
        for i in range(count)
    ]


def links_cli_notes() -> list[Footnote]:
    """The notes of ``benchmarks/links.py --cli``'s manuscript, read as the command reads them."""
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import links

    from citecheck.footnotes import find_footnotes
    from citecheck.readers import read_manuscript

    cited = {
        f"http://{address}:{8000 + i}/reports/{n}": [str(n)]
        for n in range(links.URLS // links.HOSTS)
        for i, (address, _, _) in enumerate(links.plan())
    }
    with tempfile.TemporaryDirectory() as folder:
        essay = Path(folder) / "essay.md"
        essay.write_text(links.manuscript(cited), encoding="utf-8")
        return list(find_footnotes(read_manuscript(essay)).footnotes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--links-cli", action="store_true", help="the 2,000 notes of links.py --cli instead"
    )
    args = parser.parse_args()
    notes = links_cli_notes() if args.links_cli else make_notes(args.notes)
    parse_citations(notes[:50])  # import eyecite and warm caches outside the timing
    times: list[tuple[float, float]] = []
    result: tuple[Citation, ...] = ()
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = parse_citations(notes)
        times.append((time.process_time() - cpu, time.perf_counter() - wall))
    kinds = Counter(c.type.value for c in result)
    short = sum(c.short_form is not None for c in result)
    problems = sum(c.problem is not None for c in result)
    best_cpu = min(cpu for cpu, _wall in times)
    best_wall = min(wall for _cpu, wall in times)
    load = os.getloadavg()[0]
    print(f"notes: {len(notes):,}  citations: {len(result):,}  short forms: {short:,}")
    print(f"problems: {problems:,}  types: {dict(sorted(kinds.items()))}")
    print(
        f"parse_citations, best of {args.repeat}: CPU {best_cpu:.2f} s "
        f"({best_cpu / len(notes) * 1e6:.0f} µs/note), wall {best_wall:.2f} s "
        f"(load average {load:.1f})"
    )
    print("all runs (CPU/wall): " + ", ".join(f"{c:.2f}/{w:.2f}" for c, w in times))
    # Peak resident memory of the whole process (Linux reports KiB).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
