"""Opening, describing and saving Word documents, reproducibly.

:func:`new_document` starts every output document from a reference document
(the shipped ``data/referentie.docx`` or a facilitator's own house style), keeping
its styles, page setup, header and footer. :func:`to_bytes` saves a document so
that the same input always gives byte-identical output: fixed zip timestamps,
stable entry order, stable compression.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import os
import zipfile
from importlib import resources
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.parser import parse_xml
from docx.styles import BabelFish

from casuskit import docxzip, ooxml
from casuskit.errors import ReferenceDocError
from casuskit.ooxml import fastdocx

REFERENCE_NAME = "referentie.docx"
LANGUAGE = "nl-NL"
_ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest time a zip entry can carry
_FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
_PREPARED: dict[str, bytes] = {}  # digest of a reference → its emptied, normalised package
_READERS: dict[str, object] = {}   # digest of a reference → python-docx reader of that package
_TREES: dict[tuple, object] = {}    # (digest, part name) → that part's parsed XML, copied per use


def default_reference_bytes() -> bytes:
    """The shipped reference document, ``casuskit/data/referentie.docx``."""
    return resources.files("casuskit").joinpath("data", REFERENCE_NAME).read_bytes()


def open_reference(reference: str | Path | None = None) -> Document:
    """Open a reference document (default: the shipped one), its built-in style
    names normalised (see :func:`normalise_style_names`).

    Raises :class:`~casuskit.errors.ReferenceDocError` when it cannot be read.
    """
    return _parse_reference(_reference_bytes(reference), reference)


def _reference_bytes(reference: str | Path | None) -> bytes:
    if reference is None:
        return default_reference_bytes()
    try:
        return Path(reference).read_bytes()
    except OSError as exc:
        raise ReferenceDocError(
            f"Huisstijl niet gevonden of niet leesbaar: {reference}",
            hint="Maak er een met 'casuskit huisstijl PAD' of controleer het pad.",
        ) from exc


def _parse_reference(data: bytes, reference: str | Path | None) -> Document:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types here
        raise ReferenceDocError(
            f"Huisstijl is geen bruikbaar Word-document (.docx): {reference}",
            hint="Sla het bestand in Word of LibreOffice op als Word-document (.docx).",
        ) from exc
    normalise_style_names(document)
    return document


def normalise_style_names(document: Document) -> None:
    """Give built-in styles the internal names python-docx looks up.

    Word stores "heading 1", "header", "caption"; LibreOffice saves them as
    "Heading 1", "Header", "Caption", which ``styles["Heading 1"]`` would not
    find. Renamed only when the internal name is not taken already.
    """
    raw_names = {style.element.name_val for style in document.styles}
    for style in document.styles:
        raw = style.element.name_val
        internal = BabelFish.ui2internal(raw) if raw else raw
        if internal != raw and internal not in raw_names:
            style.name = internal
            raw_names.add(internal)


def new_document(reference: str | Path | None = None) -> Document:
    """A document with the reference's styles, page setup, header and footer, and
    an empty body (only the final section properties remain)."""
    data = _reference_bytes(reference)
    key = hashlib.sha256(data).hexdigest()
    prepared = _PREPARED.get(key)
    if prepared is None:  # parse, normalise and empty each reference once per process
        document = _parse_reference(data, reference)
        ooxml.clear_body(document)
        buffer = io.BytesIO()
        document.save(buffer)
        prepared = _PREPARED[key] = buffer.getvalue()
    return fastdocx.accelerate(_open_prepared(key, prepared), key)


def _open_prepared(key: str, prepared: bytes) -> Document:
    """``docx.Document(prepared)``, reading the zip only once per reference: python-docx's
    package reader holds just the parts' bytes and relationships, and every document gets its
    own copies of XML trees parsed once."""
    try:
        from docx.opc.package import Unmarshaller
        from docx.opc.part import PartFactory, XmlPart
        from docx.opc.pkgreader import PackageReader
        from docx.package import Package
    except ImportError:  # pragma: no cover - other python-docx versions
        return docx.Document(io.BytesIO(prepared))
    reader = _READERS.get(key)
    if reader is None:
        reader = _READERS[key] = PackageReader.from_file(io.BytesIO(prepared))

    def make_part(partname, content_type, reltype, blob, package):
        """As python-docx's PartFactory, but an XML part starts from a copy of the tree
        parsed once per reference (copying takes about half the time of parsing)."""
        selector = PartFactory.part_class_selector
        part_class = (selector(content_type, reltype) if selector is not None else None) \
            or PartFactory._part_cls_for(content_type)
        if getattr(part_class.load, "__func__", None) is not XmlPart.load.__func__:
            return part_class.load(partname, content_type, blob, package)
        tree = _TREES.get((key, partname))
        if tree is None:
            tree = _TREES[(key, partname)] = parse_xml(blob)
        return part_class(partname, content_type, copy.deepcopy(tree), package)

    package = Package()
    Unmarshaller.unmarshal(reader, package, make_part)
    return package.main_document_part.document


def as_datetime(date: dt.date | dt.datetime) -> dt.datetime:
    """A naive UTC datetime; a plain date means noon that day (same day everywhere)."""
    if isinstance(date, dt.datetime):
        if date.tzinfo is not None:
            date = date.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return date
    return dt.datetime(date.year, date.month, date.day, 12, 0, 0)


def set_core_properties(document: Document, title: str, subject: str = "",
                        organisation: str = "", keywords: str | list[str] = "",
                        date: dt.date | dt.datetime | None = None) -> None:
    """Fill docProps/core.xml and app.xml.

    The organisation becomes the author, last editor and app.xml ``Company``;
    created and modified come from ``date`` (default: the zip epoch 1980-01-01, so
    output stays reproducible). Description and comments are cleared.
    """
    when = as_datetime(date) if date is not None else _ZIP_EPOCH
    props = document.core_properties
    props.title = title
    props.subject = subject
    props.author = organisation
    props.last_modified_by = organisation
    props.keywords = "; ".join(keywords) if isinstance(keywords, (list, tuple)) else keywords
    props.comments = ""
    props.category = ""
    props.language = LANGUAGE
    props.revision = 1
    props.created = when
    props.modified = when
    ooxml.set_app_property(document, "Company", organisation)


def zip_timestamp(date: dt.date | dt.datetime | None = None) -> dt.datetime:
    """The time stamped on every zip entry: ``date`` if given, else
    ``$SOURCE_DATE_EPOCH``, else 1980-01-01; never before 1980."""
    if date is not None:
        when = as_datetime(date)
    elif os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        seconds = int(os.environ["SOURCE_DATE_EPOCH"].strip())
        when = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)
    else:
        when = _ZIP_EPOCH
    return max(when, _ZIP_EPOCH)


def normalize_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a zip with fixed timestamps, attributes, order and compression."""
    stamp = when.timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    first = [n for n in _FIRST_ENTRIES if n in names]
    ordered = first + sorted(n for n in names if n not in _FIRST_ENTRIES)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compress_type=zipfile.ZIP_DEFLATED,
                            compresslevel=9)
    return out.getvalue()


def to_bytes(document: Document, date: dt.date | dt.datetime | None = None) -> bytes:
    """The .docx bytes of ``document``; identical input gives identical bytes."""
    members = docxzip.package_members(document)
    if members is not None:
        return docxzip.write_zip(members, zip_timestamp(date))
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue(), zip_timestamp(date))


def save(document: Document, path: str | Path,
         date: dt.date | dt.datetime | None = None) -> Path:
    """Write ``document`` reproducibly to ``path`` (see :func:`to_bytes`)."""
    path = Path(path)
    path.write_bytes(to_bytes(document, date))
    return path
