"""Verdict: a finished ``CheckRun`` -> one process exit code for CI.

Link outcomes become findings here (``link_findings``), and so do the archive
stage's drift measures (``archive_findings``), so that one rule decides what
fails a build: a finding that is not accepted by the baseline and is at or
above ``--fail-on``. Dead and soft-dead links are therefore judged like every
other finding, and can be accepted in a baseline like them.

Exit codes (documented in docs/reports.md)::

    0  OK          nothing at or above --fail-on, and the links were verified
    1  FAILED      at least one finding at or above --fail-on (not baselined)
    2  USAGE       bad options, unreadable manuscript or config (raised by the CLI)
    3  UNVERIFIED  nothing failed, but the run could not verify what it was asked:
                   it was offline, every checked link was blocked/timed out, or a
                   look-up service (Crossref, OpenAlex, CourtListener) could not be
                   asked or answered unusably, so cited works stayed unverified

"Cannot tell" is never a failure: ``link-unverified`` and ``work-unverified``
findings are reported but never count towards exit 1, whatever ``--fail-on``
says; they are what exit 3 is for. One site blocking bots, or one case
citation CourtListener cannot settle, is a note beside its citation and no
exit 3: the run as a whole was verified. ``exit_code`` is the one rule, for
``citecheck check``, ``citecheck sources`` and each manuscript of a batch.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from enum import IntEnum

from citecheck.baseline import Baseline
from citecheck.links.urls import normalise_url
from citecheck.model import (
    ArchiveResult,
    CheckRun,
    Citation,
    Drift,
    Finding,
    LinkResult,
    LinkStatus,
    Location,
    PartialDate,
    Rule,
    Severity,
)

__all__ = [
    "ARCHIVE_RULES",
    "LINK_RULES",
    "NEVER_FAILS",
    "ExitCode",
    "archive_findings",
    "citing",
    "exit_code",
    "link_advice",
    "link_findings",
    "run_findings",
    "verdict",
]


class ExitCode(IntEnum):
    """The process exit codes of ``citecheck check``."""

    OK = 0
    FAILED = 1
    USAGE = 2
    UNVERIFIED = 3
    INTERNAL = 4  # a bug in citecheck; the message asks for a report


LINK_DEAD = Rule(
    "link-dead",
    Severity.ERROR,
    "links",
    "The cited URL is gone (404, 410, DNS failure, refused connection).",
)
LINK_SOFT_DEAD = Rule(
    "link-soft-dead",
    Severity.WARNING,
    "links",
    # A warning, not an error: soft-404 detection reads page text and can be wrong.
    "The cited URL answers, but with a 'page not found' page (a soft 404).",
)
LINK_REDIRECTED = Rule(
    "link-redirected",
    Severity.NOTE,
    "links",
    "The cited URL moved permanently; the citation may want the new address.",
)
LINK_UNVERIFIED = Rule(
    "link-unverified",
    Severity.NOTE,
    "links",
    "The cited URL could not be checked (bot wall, timeout, offline); never a failure.",
)

LINK_RULES: dict[str, Rule] = {
    rule.id: rule for rule in (LINK_DEAD, LINK_SOFT_DEAD, LINK_REDIRECTED, LINK_UNVERIFIED)
}

CONTENT_DRIFT = Rule(
    "content-drift",
    Severity.WARNING,
    "archive",
    "The cited page has changed materially (or been replaced) since its archived copy "
    "near the citation date; the claim may rest on text that is gone.",
)

ARCHIVE_RULES: dict[str, Rule] = {CONTENT_DRIFT.id: CONTENT_DRIFT}

_RULE_OF_STATUS: dict[LinkStatus, Rule] = {
    LinkStatus.DEAD: LINK_DEAD,
    LinkStatus.SOFT_DEAD: LINK_SOFT_DEAD,
    LinkStatus.REDIRECTED: LINK_REDIRECTED,
    LinkStatus.BLOCKED: LINK_UNVERIFIED,
    LinkStatus.TIMEOUT: LINK_UNVERIFIED,
    LinkStatus.OFFLINE: LINK_UNVERIFIED,
}


def citing(run: CheckRun) -> dict[str, tuple[Citation, ...]]:
    """For each link URL of the run, the citations that give it, in order.

    A citation gives a URL when it lists it in any spelling the links stage
    treats as the same address (``normalise_url``: case of scheme and host,
    default port, stray spaces), or when the URL is the resolver link of its
    DOI (DOIs are checked as ``https://doi.org/…``).
    """
    by_key: dict[str, list[Citation]] = {}
    for link in run.links:
        by_key.setdefault(normalise_url(link.url), [])
    doi_keys = [key.lower() for key in by_key]
    for citation in run.citations:
        for url in citation.urls:
            found = by_key.get(normalise_url(url))
            if found is not None and citation not in found:
                found.append(citation)
        if citation.doi:
            tail = "/" + citation.doi.lower()
            for key, lowered in zip(by_key, doi_keys, strict=True):
                if lowered.endswith(tail) and citation not in by_key[key]:
                    by_key[key].append(citation)
    return {link.url: tuple(by_key[normalise_url(link.url)]) for link in run.links}


def link_advice(status: LinkStatus, snapshot_url: str | None) -> str:
    """What to do about a link, in the words every report uses ("" when nothing).

    The ``link-dead`` and ``link-soft-dead`` messages end with it, and the
    terminal and Markdown reports' link lines too, so the archived copy is
    offered in one wording wherever the link is shown.
    """
    if status in {LinkStatus.DEAD, LinkStatus.SOFT_DEAD}:
        if snapshot_url:
            return f"Cite the archived copy instead: {snapshot_url}"
        return "Replace the URL or cite an archived copy."
    return f"Archived copy: {snapshot_url}" if snapshot_url else ""


def _message(link: LinkResult, rule: Rule, snapshot_url: str | None) -> str:
    reason = (link.reason or link.status.value).rstrip(".")
    if rule is LINK_DEAD:
        text = f"Dead link {link.url}: {reason}."
    elif rule is LINK_SOFT_DEAD:
        text = f"Link {link.url} looks like a 'not found' page: {reason}."
    elif rule is LINK_REDIRECTED:
        return _moved_message(link, reason)
    else:
        return f"Could not verify {link.url} ({link.status.value}): {reason}."
    return f"{text} {link_advice(link.status, snapshot_url)}"


def _moved_message(link: LinkResult, reason: str) -> str:
    """One address to cite: where the permanent moves end, which the links
    stage names in its reason; a temporary hop after it is not followed."""
    final = link.final_url or "another URL"
    named = (hop for hop in reversed(link.redirects) if _names(reason, hop))
    target = next(named, None)
    if target is None:
        return f"Link {link.url} redirects to {final}: {reason}. Consider citing {final}."
    text = f"Link {link.url} {reason}."
    if link.final_url and link.final_url != target:
        text += (
            f" That address sends readers on to {link.final_url} by a temporary redirect;"
            f" keep {target} in the citation."
        )
    return text


def _names(reason: str, address: str) -> bool:
    """Whether the links stage's reason says "... to <address>" (then ";" or the end)."""
    return re.search(rf"\bto {re.escape(address)}(?:;|$)", reason) is not None


def link_findings(run: CheckRun) -> tuple[Finding, ...]:
    """One finding per citing note for each dead, soft-dead, redirected or
    unverified link of the run (alive and excluded links give none).

    The finding sits at the citation that gives the URL, so editors, SARIF
    and annotations point at the note; its evidence is the URL, which keeps
    its baseline fingerprint stable when the reason text changes. A link no
    citation claims (should not happen) is placed at line 1 of the first
    manuscript.
    """
    snapshots = {
        normalise_url(a.url): a.cited_snapshot.archive_url
        for a in run.archives
        if a.cited_snapshot is not None
    }
    findings: list[Finding] = []
    cited_by = citing(run)
    for link in run.links:
        rule = _RULE_OF_STATUS.get(link.status)
        if rule is None:
            continue
        message = _message(link, rule, snapshots.get(normalise_url(link.url)))
        places: dict[tuple[str, str], Location] = {}
        for citation in cited_by[link.url]:
            places.setdefault((citation.location.path, citation.note), citation.location)
        if not places:
            path = run.manuscripts[0].path if run.manuscripts else ""
            findings.append(rule.finding(message, Location(path, 1), evidence=link.url))
            continue
        for (_path, note), location in places.items():
            findings.append(rule.finding(message, location, note=note, evidence=link.url))
    return tuple(findings)


_MATERIAL = {Drift.MAJOR: "has changed substantially", Drift.REPLACED: "now shows other content"}
# The first difference measure_drift quotes: "first change: was «…»; now «…»".
_FIRST_CHANGE = re.compile(r"first change: (was «.*?»; now «.*?»)")


def _last_day(cited: PartialDate) -> date:
    month = cited.month or 12
    return date(cited.year, month, cited.day or calendar.monthrange(cited.year, month)[1])


def _drift_message(archive: ArchiveResult) -> str:
    snapshot = archive.cited_snapshot
    assert snapshot is not None
    assert archive.drift is not None
    taken = snapshot.timestamp.date().isoformat()
    cited = archive.citation_date
    change = _FIRST_CHANGE.search(archive.drift_evidence)
    what = f": {change.group(1)}" if change else ""
    if cited is not None and snapshot.timestamp.date() > _last_day(cited):
        # The copy is later than the citation: the page then is not known.
        return (
            f"The page at {archive.url} {_MATERIAL[archive.drift]} since its archived copy "
            f"of {taken}, the first one after the cited date {cited.isoformat()}{what}. "
            "No copy shows the page as cited; check the claim against both before "
            f"relying on either: {snapshot.archive_url}"
        )
    when = f" (cited {cited.isoformat()})" if cited is not None else ""
    return (
        f"The page at {archive.url} {_MATERIAL[archive.drift]} since its archived copy "
        f"of {taken}{when}{what}. Check the claim against the archived copy and cite it: "
        f"{snapshot.archive_url}"
    )


def archive_findings(run: CheckRun) -> tuple[Finding, ...]:
    """One ``content-drift`` warning per cited page that moved materially away from
    its archived copy (drift ``major`` or ``replaced``), placed at the first note
    citing it and listing every such note. Minor drift says nothing; unknown
    drift (a side not fetched, not comparable) claims nothing."""
    by_url: dict[str, list[Citation]] = {}
    for citation in run.citations:
        for url in citation.urls:
            by_url.setdefault(normalise_url(url), []).append(citation)
    findings: list[Finding] = []
    for archive in run.archives:
        if archive.drift not in _MATERIAL or archive.cited_snapshot is None:
            continue
        message = _drift_message(archive)
        cited = by_url.get(normalise_url(archive.url), [])
        by_path: dict[str, dict[str, Location]] = {}
        for citation in cited:
            notes = by_path.setdefault(citation.location.path, {})
            notes.setdefault(citation.note, citation.location)
        page = "page\x1f" + normalise_url(archive.url)  # its baseline identity: not a note
        if not by_path:
            path = run.manuscripts[0].path if run.manuscripts else ""
            findings.append(
                CONTENT_DRIFT.finding(message, Location(path, 1), evidence=archive.url, about=page)
            )
        for notes in by_path.values():
            first, location = next(iter(notes.items()))
            findings.append(
                CONTENT_DRIFT.finding(
                    message,
                    location,
                    note=first,
                    evidence=archive.url,
                    notes=tuple(notes) if len(notes) > 1 else (),
                    about=page,
                )
            )
    return tuple(findings)


def run_findings(run: CheckRun) -> tuple[Finding, ...]:
    """The run's findings plus the link and archive findings it does not already hold.

    The pipeline normally stores ``link_findings`` and ``archive_findings`` in
    ``run.findings``; this makes reports and the verdict right for a run built
    without them too.
    """
    present = set(run.findings)
    made = (*link_findings(run), *archive_findings(run))
    # A rule the run disabled stays out, though the outcome that would raise it is there.
    extra = tuple(f for f in made if f not in present and f.rule not in run.disabled_rules)
    return (*run.findings, *extra)


# "Could not tell" findings (the links and the sources stages'): never a failure.
NEVER_FAILS = frozenset({LINK_UNVERIFIED.id, "work-unverified"})


def _fails(findings: Iterable[Finding], fail_on: Severity, baseline: Baseline | None) -> bool:
    for finding in findings:
        if finding.rule in NEVER_FAILS:
            continue
        if finding.severity.rank < fail_on.rank:
            continue
        if baseline is not None and baseline.accepts(finding):
            continue
        return True
    return False


def _unverified(run: CheckRun) -> bool:
    checked = [link for link in run.links if link.status is not LinkStatus.EXCLUDED]
    if not checked:
        # Nothing was left unchecked, so there is nothing to be unsure about.
        return False
    return run.offline or all(not link.status.verified for link in checked)


def exit_code(
    findings: Iterable[Finding],
    *,
    fail_on: Severity,
    baseline: Baseline | None,
    links_unverified: bool = False,
    works_unverified: tuple[str, ...] = (),
) -> ExitCode:
    """The exit code of any command that checks (see the module docstring).

    ``works_unverified``: the sources stage's ``unverified``, the services
    whose trouble left cited works unverified (empty: every look-up settled).
    """
    if _fails(findings, fail_on, baseline):
        return ExitCode.FAILED
    if links_unverified or works_unverified:
        return ExitCode.UNVERIFIED
    return ExitCode.OK


def verdict(run: CheckRun, *, fail_on: Severity, baseline: Baseline | None) -> ExitCode:
    """The exit code for a finished run (see the module docstring)."""
    return exit_code(
        run_findings(run),
        fail_on=fail_on,
        baseline=baseline,
        links_unverified=_unverified(run),
        works_unverified=run.sources_unverified,
    )
