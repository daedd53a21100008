"""The .docx reader's package: the zip and its parts, read within limits (no DTD, no bombs)."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from citecheck.errors import ManuscriptSyntaxError

Element = etree._Element
_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
)
_R_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DC = "http://purl.org/dc/elements/1.1/"

# The XML declaration, comments and processing instructions, then a DOCTYPE.
_PROLOG_DOCTYPE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL
)

# Parts larger than this are refused: a zip bomb, not a manuscript.
_MAX_PART_BYTES = 256 * 1024 * 1024
# Word's XML deflates to a tenth or so of its size; a part past a few
# megabytes that inflates more than a hundredfold is a zip bomb (a 300 KB
# file that unpacks to 100 MB of tiny paragraphs took minutes to read).
_MAX_INFLATION = 100
_INFLATION_FLOOR = 4 * 1024 * 1024

_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


# --------------------------------------------------------------------------
# The zip package
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Relationships:
    # rId -> absolute part name (internal) / URL (external)
    internal: dict[str, str] = field(default_factory=dict)
    external: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)

    def part_of_type(self, kind: str) -> str | None:
        """The part a relationship of type ``.../kind`` points at."""
        for rid, type_ in self.types.items():
            if type_.rsplit("/", 1)[-1] == kind and rid in self.internal:
                return self.internal[rid]
        return None


# What zipfile raises on damaged archives: bad headers, CRC and inflate errors,
# "encrypted" or "version 6.4" flags a flipped byte can set.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    KeyError,
)


class _Package:
    """The zip, opened once, with errors that name the file and the problem."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        if data[:4] == b"\xd0\xcf\x11\xe0":
            raise ManuscriptSyntaxError(
                path,
                "not a .docx but an OLE2 file (a Word 97-2003 .doc, or a password-protected "
                ".docx); save it as .docx without a password",
            )
        if not data.startswith(b"PK"):
            raise ManuscriptSyntaxError(path, "not a .docx: the file is not a zip archive")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_ERRORS as exc:
            raise ManuscriptSyntaxError(
                path, f"truncated or corrupt .docx (zip archive unreadable: {exc})"
            ) from None
        self.names = set(self.zip.namelist())

    def read_bytes(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        info = self.zip.getinfo(name)
        if info.file_size > _MAX_PART_BYTES:
            raise ManuscriptSyntaxError(
                self.path, f"part {name} is {info.file_size} bytes uncompressed; refused"
            )
        if (
            info.file_size > _INFLATION_FLOOR
            and info.file_size > _MAX_INFLATION * info.compress_size
        ):
            raise ManuscriptSyntaxError(
                self.path,
                f"part {name} inflates from {info.compress_size} to {info.file_size} bytes, "
                "more than any Word document does (a zip bomb?); refused",
            )
        try:
            return self.zip.read(name)
        except _ZIP_ERRORS as exc:
            raise ManuscriptSyntaxError(
                self.path, f"truncated or corrupt .docx: cannot read part {name} ({exc})"
            ) from None

    def xml(self, name: str, *, required: bool) -> Element | None:
        data = self.read_bytes(name)
        if data is None:
            if required:
                raise ManuscriptSyntaxError(
                    self.path, f"not a Word document: the zip has no {name}"
                )
            return None
        refused = ManuscriptSyntaxError(
            self.path, f"part {name} declares a DTD, which Word never writes; refused"
        )
        # Refused before parsing, so no entity is ever declared, let alone expanded.
        if _PROLOG_DOCTYPE.match(data):
            raise refused
        try:
            tree = etree.ElementTree(etree.fromstring(data, _XML_PARSER))
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if exc.lineno else "?"
            # libxml2's messages end in a line break: the error must stay one line.
            problem = re.sub(r", line \d+, column \d+$", "", str(exc.msg).strip())
            raise ManuscriptSyntaxError(
                self.path, f"malformed XML in part {name}, line {line}: {problem}"
            ) from None
        doctype: str = getattr(tree.docinfo, "doctype", "")  # missing from lxml-stubs
        if doctype or tree.docinfo.internalDTD is not None:
            raise refused  # a prolog the pattern did not see through (UTF-16, say)
        return tree.getroot()

    def main_part_name(self) -> str:
        rels = self.relationships("")
        return rels.part_of_type("officeDocument") or "word/document.xml"

    def relationships(self, part: str) -> _Relationships:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        root = self.xml(rels_name, required=False)
        result = _Relationships()
        if root is None:
            return result
        for rel in root.iter(f"{{{_PKG_RELS}}}Relationship"):
            rid, target = rel.get("Id"), rel.get("Target")
            if not rid or target is None:
                continue
            result.types[rid] = rel.get("Type") or ""
            if (rel.get("TargetMode") or "").lower() == "external":
                result.external[rid] = target
            elif target.startswith("/"):
                result.internal[rid] = target.lstrip("/")
            else:
                result.internal[rid] = posixpath.normpath(posixpath.join(folder, target))
        return result


def _word_namespace(path: str, name: str, root: Element) -> str:
    namespace = etree.QName(root).namespace or ""
    if namespace not in _W_NAMESPACES or etree.QName(root).localname != "document":
        raise ManuscriptSyntaxError(
            path, f"{name} is not a WordprocessingML document (root <{root.tag}>)"
        )
    return namespace


def _prune(root: Element, w: str) -> None:
    """Remove what Word does not print: deleted revisions, fallback copies."""
    # A w:del inside w:rPr only marks a deleted paragraph mark; removing it is harmless.
    doomed = list(root.iter(f"{{{_MC}}}Fallback", f"{{{w}}}del", f"{{{w}}}moveFrom"))
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _on(value: str | None) -> bool:
    return value is not None and value.lower() in {"1", "true", "on"}
