"""Baseline: findings a team has looked at and accepted, so CI stops failing on them.

A baseline is a JSON file written by ``write_baseline`` and read by
``load_baseline``. Each accepted finding is kept as a fingerprint that
survives edits elsewhere in the manuscript: it hashes the rule id, the note
label and the finding's evidence (or its message when there is no evidence),
normalised (Unicode NFKC, case-folded, whitespace collapsed, its own line
number removed). The line number is deliberately left out, so adding a
paragraph above a note does not bring its accepted findings back.

A finding said once of a work or page that several notes cite (``Finding.about``
is set) is fingerprinted by that work or page instead (the rule and ``about``
only): citing the work once more earlier in the manuscript, or once less, changes
its first note, not its fingerprint. Baselines written before this name such a
finding by its first note, its old fingerprint (``legacy_fingerprint``); those
are still accepted, so old files suppress what they did until rewritten.

File shape (sorted by fingerprint so diffs stay small)::

    {"version": 1, "tool": "citecheck",
     "findings": [{"fingerprint": "…", "rule": "…", "note": "3",
                   "message": "…", "location": "essay.md:40"}, ...]}

Only ``fingerprint`` is read back; the other keys are for the people
reviewing the baseline in a pull request.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck.errors import ConfigError
from citecheck.model import Finding

__all__ = [
    "BASELINE_VERSION",
    "Baseline",
    "finding_fingerprint",
    "legacy_fingerprint",
    "load_baseline",
    "write_baseline",
]

BASELINE_VERSION = 1
_SPACES = re.compile(r"\s+")
_LINE_RE = re.compile(r"\bline (\d+)\b", re.IGNORECASE)


def _normalise(finding: Finding) -> str:
    text = finding.evidence or finding.message
    text = unicodedata.normalize("NFKC", text)
    # A message may quote its own place ("essay.md:40", "line 40"); that part
    # moves with every edit above the note, so it must not count.
    line = finding.location.line
    text = text.replace(str(finding.location), finding.location.path)
    text = text.replace(f"{finding.location.path}:{line}", finding.location.path)
    if line >= 0:
        # One compiled pattern for every line: a pattern per line number is
        # compiled anew for each finding once there are more lines than re caches.
        number = str(line)
        text = _LINE_RE.sub(lambda m: "line" if m.group(1) == number else m.group(0), text)
    else:
        text = re.sub(rf"\bline {line}\b", "line", text, flags=re.IGNORECASE)
    return _SPACES.sub(" ", text.casefold()).strip()


def _digest(parts: tuple[str, ...]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def finding_fingerprint(finding: Finding) -> str:
    """A stable hex id of a finding: rule + note label + normalised evidence, or for a
    finding about a cited work or page (``about``), rule + that work or page.

    Also used as the SARIF ``partialFingerprints`` value.
    """
    if finding.about:
        return _digest((finding.rule, "about", finding.about))
    return legacy_fingerprint(finding)


def legacy_fingerprint(finding: Finding) -> str:
    """The fingerprint before ``about``: rule + (first) note label + normalised evidence."""
    return _digest((finding.rule, finding.note or "", _normalise(finding)))


@dataclass(frozen=True, slots=True)
class Baseline:
    """The fingerprints of accepted findings, and where they came from."""

    fingerprints: frozenset[str]
    path: str | None = None

    def accepts(self, finding: Finding) -> bool:
        """True when the finding was accepted in this baseline (by an older citecheck too)."""
        if finding_fingerprint(finding) in self.fingerprints:
            return True
        return bool(finding.about) and legacy_fingerprint(finding) in self.fingerprints

    def __len__(self) -> int:
        return len(self.fingerprints)


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file.

    Raises:
        ConfigError: the file is unreadable, not JSON (with its line), or not
            a citecheck baseline.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(name, f"cannot read baseline: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(name, "baseline is not UTF-8 text") from None
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(
            name, f"baseline is not valid JSON: {error.msg}", line=error.lineno
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError(name, "not a citecheck baseline: expected an object with 'findings'")
    version = data.get("version")
    if version != BASELINE_VERSION:
        raise ConfigError(
            name, f"unsupported baseline version {version!r} (this citecheck reads version 1)"
        )
    fingerprints: set[str] = set()
    for number, entry in enumerate(data["findings"], start=1):
        value = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{32}", value):
            raise ConfigError(name, f"finding {number} has no valid 'fingerprint'")
        fingerprints.add(value)
    return Baseline(frozenset(fingerprints), name)


def write_baseline(findings: Iterable[Finding], path: str | Path) -> Baseline:
    """Write every finding to a baseline file (replacing it) and return it.

    The file is written next to its final place and renamed, so a crash
    never leaves half a baseline behind.
    """
    entries: dict[str, dict[str, Any]] = {}
    for finding in findings:
        fingerprint = finding_fingerprint(finding)
        entries.setdefault(
            fingerprint,
            {
                "fingerprint": fingerprint,
                "rule": finding.rule,
                "note": finding.note,
                "message": finding.message,
                "location": str(finding.location),
            },
        )
    document = {
        "version": BASELINE_VERSION,
        "tool": "citecheck",
        "findings": [entries[key] for key in sorted(entries)],
    }
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".baseline-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Baseline(frozenset(entries), str(target))
