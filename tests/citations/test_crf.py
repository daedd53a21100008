"""The citation CRF: its training data, its model file, how it is used."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from citecheck.citations import train
from citecheck.citations.crf import tagger
from citecheck.citations.crf.combine import combine, foreign
from citecheck.citations.crf.notes import build_notes
from citecheck.citations.crf.render import _close, _open, _read_back, render_all
from citecheck.citations.crf.tokens import Labelled, token_labels, tokenize
from citecheck.citations.split import Piece

REPO = Path(__file__).resolve().parents[2]


def test_the_model_ships_small_and_as_package_data() -> None:
    assert tagger.MODEL_PATH.exists()
    assert tagger.MODEL_PATH.stat().st_size < 3_000_000
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data = project["tool"]["setuptools"]["package-data"]["citecheck"]
    assert "citations/crf/model.crfsuite" in data


def test_the_model_loads_once() -> None:
    tagger._tagger.cache_clear()
    tagger.label("S Walby, ‘Title’ (1994) 28 Sociology 379.", None)
    tagger.label("R Cotterrell, The Sociology of Law (1992).", None)
    info = tagger._tagger.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_the_crf_labels_an_oscola_article_alone() -> None:
    """With no help from the rules (no rule guesses), the fields are found."""
    found = tagger.crf_fields("S Walby, ‘Is Citizenship Gendered?’ (1994) 28 Sociology 379.", None)
    assert found is not None
    assert [p.family for p in found.authors] == ["Walby"]
    assert found.spans["title"] == "Is Citizenship Gendered?"
    assert found.spans["container"] == "Sociology"
    assert found.spans["volume"] == "28"
    assert found.date is not None
    assert found.date.year == 1994
    assert 0.0 < found.confidence <= 1.0


def test_without_a_model_the_rules_stand_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tagger, "MODEL_PATH", Path("/nonexistent/model.crfsuite"))
    tagger._tagger.cache_clear()
    try:
        assert tagger.label("Anything, 1990.", None) is None
        assert combine("Anything, 1990.", None) is None
    finally:
        monkeypatch.undo()
        tagger._tagger.cache_clear()


def test_convention_decides_who_reads_a_citation() -> None:
    assert foreign("S Walby, ‘Title’ (1994) 28 Sociology 379")
    assert foreign("Müller, Grundrechte, 3. Aufl. 2010, S. 45")
    assert foreign("R Cotterrell, The Sociology of Law (2nd edn, Butterworths 1992)")
    assert not foreign(
        "Peter Andreas, Border Games (Ithaca, NY: Cornell University Press, 2000), 12"
    )
    assert not foreign("Alan Bersin, “El Tercer País,” 48 Stan. L. Rev. 1413 (1996)")


# ------------------------------------------------------------ training data


def test_sentinels_are_read_back_or_the_rendering_is_dropped() -> None:
    text = f"{_open('author')}Walby{_close('author')}, ‘{_open('title')}Title{_close('title')}’"
    out = _read_back(text)
    assert out is not None
    assert out.text == "Walby, ‘Title’"
    assert out.labels[:5] == ["author"] * 5
    assert out.labels[8:13] == ["title"] * 5
    assert out.labels[5:8] == ["O"] * 3
    assert _read_back(f"{_open('title')}Unclosed") is None
    assert _read_back(f"{_open('title')}a{_open('container')}b{_close('container')}") is None


WORK = {
    "id": "w1",
    "type": "article-journal",
    "author": [{"family": "Walby", "given": "Sylvia"}],
    "title": "Is Citizenship Gendered?",
    "container-title": "Sociology",
    "volume": "28",
    "page": "379-395",
    "issued": {"date-parts": [[1994]]},
}


def test_citeproc_renderings_carry_their_labels() -> None:
    rendered = {style: out for style, _work, out in render_all([WORK])}
    oscola = rendered["oscola-citecheck"]
    assert oscola.text == "S Walby, ‘Is Citizenship Gendered?’ (1994) 28 Sociology 379."
    tokens = tokenize(oscola.text)
    labels = dict(zip((t[0] for t in tokens), token_labels(oscola, tokens), strict=True))
    assert labels["Walby"] == labels["S"] == "author"
    assert labels["Gendered"] == "title"
    assert (labels["1994"], labels["28"], labels["Sociology"], labels["379"]) == (
        "date",
        "volume",
        "container",
        "pages",
    )
    mhra = rendered["mhra-citecheck"]
    assert mhra.text.startswith("Sylvia Walby, ‘Is Citizenship Gendered?’, Sociology, 28 (1994)")
    assert len(rendered) >= 12  # most styles render a plain article


def test_built_footnotes_keep_labels_on_their_characters() -> None:
    text = "S Walby, ‘T’ (1994) 28 Sociology 379."
    item = Labelled(text, ["O"] * len(text))
    notes = build_notes([("oscola-citecheck", WORK, item)] * 12, seed=3)
    assert notes
    for note in notes:
        assert len(note.text) == len(note.labels)
    assert any(n.text.startswith(("See ", "Cf ", "cf ", "Compare ")) for n in notes)
    assert any("pinpoint" in n.labels for n in notes)
    assert build_notes([("oscola-citecheck", WORK, item)] * 12, seed=3) == notes


def test_training_is_deterministic(tmp_path: Path) -> None:
    """The same data gives the same model, byte for byte."""
    data = []
    for item in list(train.anystyle())[:60]:
        seq = train.sequence(Piece(text=item.text, raw=item.text, signal=None), item)
        if seq is not None:
            data.append(seq)
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train.train(first, data)
    train.train(second, data)
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size > 1000


def test_training_never_reads_the_hand_gold() -> None:
    """The trainer's data paths are all under training/ (the gold is for testing only)."""
    for name in ("train.py", "crf/render.py", "crf/notes.py"):
        source = (REPO / "citecheck" / "citations" / name).read_text(encoding="utf-8")
        code = source.split('"""', 2)[2]  # past the module docstring, which names them
        assert "tests/" not in code, name
        assert "heldout" not in code, name
    assert Path("training/citations") == train.DATA
