"""The LaTeX reader's tables: which commands print what, drop what, or cite, and the patterns."""

from __future__ import annotations

import re

_SENTINEL = "\x00"
# Deeper nesting than this is no manuscript (and would exhaust Python's stack).
_MAX_DEPTH = 100
_CONTROL = re.compile(r"\\(?:([A-Za-z@]+)\*?|(.))", re.DOTALL)
_TEXT = re.compile(r"[^\\{}%~$`'\-\n&]+")
_URL_ESCAPE = re.compile(r"\\([#$%&_{}~^\\])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_WORD_CHAR = re.compile(r"\S")

_SYMBOLS = {
    "&": "&", "$": "$", "%": "%", "#": "#", "_": "_", "{": "{", "}": "}",
    " ": " ", ",": " ", ";": " ", ":": " ", "!": "", "@": "", "/": "", "-": "",
    "ldots": "...", "dots": "...", "textellipsis": "...",
    "textendash": "–", "textemdash": "—",
    "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”",
    "textquotedbl": '"', "textquotesingle": "'",
    "textasciitilde": "~", "textbackslash": "\\", "textasciicircum": "^",
    "textbar": "|", "textless": "<", "textgreater": ">", "textunderscore": "_",
    "textdollar": "$", "textbraceleft": "{", "textbraceright": "}",
    "S": "§", "P": "¶", "textsection": "§", "textparagraph": "¶",
    "copyright": "©", "textcopyright": "©", "textregistered": "®",
    "texttrademark": "™", "euro": "€", "texteuro": "€", "pounds": "£",
    "textsterling": "£", "textdegree": "°", "textbullet": "•",
    "dag": "†", "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡",
    "i": "ı", "j": "ȷ", "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
    "LaTeX": "LaTeX", "TeX": "TeX", "quad": " ", "qquad": " ", "enspace": " ",
    "thinspace": " ", "nobreakspace": " ", "space": " ",
}  # fmt: skip
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306",
    "H": "\u030b", "k": "\u0328", "r": "\u030a", "d": "\u0323", "b": "\u0331",
}  # fmt: skip
# (\emph and the other shapes, and \textsuperscript, are the parser's own.)
_UNWRAP = frozenset(
    [
        "textbf",
        "texttt",
        "textrm",
        "textsf",
        "textmd",
        "underline",
        "uline",
        "mbox",
        "hbox",
        "fbox",
        "textsubscript",
        "text",
        "caption",
        "texorpdfstring",
        "hypertarget",
        "hyperlink",
        "hyperref",
        "enquote",
        "foreignlanguage",
        "textcolor",
        "colorbox",
        "raisebox",
        "makebox",
        "parbox",
        "ensuremath",
    ]
)
# Arguments to skip before the one that is printed.
_SKIP_FIRST = frozenset(
    ["hypertarget", "hyperlink", "foreignlanguage", "textcolor", "colorbox", "raisebox", "parbox"]
)
_HEADINGS = frozenset(
    ["part", "chapter", "section", "subsection", "subsubsection", "paragraph", "subparagraph"]
)
# Commands whose arguments are never printed, with their count of arguments.
_DROP = {
    "label": 1, "index": 1, "vspace": 1, "hspace": 1, "setlength": 2, "addtolength": 2,
    "includegraphics": 1, "usepackage": 1, "documentclass": 1, "bibliography": 1,
    "bibliographystyle": 1, "addcontentsline": 3, "pagestyle": 1, "thispagestyle": 1,
    "pagenumbering": 1, "hypersetup": 1, "urlstyle": 1, "author": 1, "date": 1,
    "title": 1, "thanks": 1, "newenvironment": 3, "renewenvironment": 3, "definecolor": 3,
    "color": 1, "fontsize": 2, "rule": 2, "newcounter": 1, "PassOptionsToPackage": 2,
    "RequirePackage": 1, "nocite": 1, "pagebreak": 0,
    "newpage": 0, "clearpage": 0,
}  # fmt: skip
_REFERENCES = frozenset(["ref", "pageref", "eqref", "autoref", "cref", "Cref", "nameref"])
_CITES = frozenset(
    [
        "cite",
        "citep",
        "citet",
        "parencite",
        "textcite",
        "autocite",
        "citeauthor",
        "citeyear",
        # natbib's others, biblatex's capitalised forms and its multi-citations
        "citealt",
        "citealp",
        "citeyearpar",
        "Citet",
        "Citep",
        "Citealt",
        "Citealp",
        "Citeauthor",
        "Parencite",
        "Textcite",
        "Autocite",
        "cites",
        "parencites",
        "textcites",
        "autocites",
    ]
)
# biblatex commands that print their citation as a footnote (in the body).
_FOOT_CITES = frozenset(
    ["footcite", "footcites", "footcitetext", "footfullcite", "smartcite", "smartcites"]
)
# ... and those that do when the style or the autocite option says so.
_AUTO_CITES = frozenset(["autocite", "autocites"])
_INCLUDES = frozenset(["input", "include"])
# Commands printing their argument in a shape: True italic, False upright,
# None the other of the shape around it (\emph, and biblatex's \mkbibemph).
_SHAPE_COMMANDS: dict[str, bool | None] = {
    "emph": None, "mkbibemph": None, "textit": True, "textsl": True, "mkbibitalic": True,
    "textup": False, "textnormal": False, "textsc": False,
}  # fmt: skip
# Declarations switching the shape to the end of the group ({\em ...}, {\itshape ...}).
_SHAPE_DECLARATIONS: dict[str, bool | None] = {
    "em": None, "itshape": True, "slshape": True, "it": True, "sl": True,
    "upshape": False, "normalfont": False, "rm": False, "scshape": False, "sc": False,
}  # fmt: skip
_DEFINERS = frozenset(["newcommand", "renewcommand", "providecommand", "DeclareRobustCommand"])
_VERBATIM = frozenset(["verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "comment"])
_BREAKS = frozenset(["par", "item", "bigskip", "medskip", "smallskip"])
_LINE_BREAKS = frozenset(["newline", "linebreak"])
