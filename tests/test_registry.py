"""The document-kind registry is the one place that knows what a kit contains: the model lists
the same kinds, the files each kind declares are the files it writes, and a new kind needs
nothing but its own module."""

from __future__ import annotations

import io
import json

import docx

from casuskit import incremental
from casuskit.build import build
from casuskit.check import check_workspace
from casuskit.model.werkvorm import DOCUMENT_KINDS
from casuskit.plan import plan_kit
from casuskit.printing import SIMPLEX, PrintItem
from casuskit.render import registry
from casuskit.render.kinds import DocumentKind
from casuskit.report import build_summary
from casuskit.textrender import Texts

KIT = "hhw-noord-ronde-2"
FOLDER = "heerhugowaard/noord/ronde-2"


def test_the_model_names_exactly_the_kinds_a_werkvorm_chooses():
    assert sorted(DOCUMENT_KINDS) == sorted(registry.chosen_kinds())


def test_each_kind_writes_exactly_the_files_it_declares(listed):
    ws = check_workspace(listed).workspace
    texts = Texts(listed)
    for kit_id in ("hhw-noord-ronde-1", "hhw-zuid-ronde-3", "osw-oosterwolde-straataanpak"):
        ctx = registry.prepare(plan_kit(ws, ws.get("kit", kit_id), texts))
        for kind in registry.kinds_for(ctx):
            assert [name for name, _ in kind.render(ctx)] == kind.files(ctx), (kit_id, kind.name)


def casus_list(ctx):
    doc = ctx.new_document("Casuslijst", "Casuslijst")
    doc.paragraph("Casussen van vanavond", "Title")
    doc.bullets([casus.title for casus in ctx.casussen])
    return [("casuslijst.docx", ctx.to_bytes(doc))]


THROWAWAY = DocumentKind(
    "casuslijst", casus_list, lambda ctx: ["casuslijst.docx"] if ctx.casussen else [],
    lambda ctx: [PrintItem("casuslijst.docx", 2, SIMPLEX, "één op elke statafel", "Casuslijst")],
    styles=("Title", "List Bullet", "Header", "Footer"))


def test_a_new_kind_needs_nothing_but_its_module(listed, monkeypatch):
    monkeypatch.setattr(registry, "KINDS", [*registry.KINDS, THROWAWAY])
    result = build(listed, (KIT,), jobs=1)
    out = listed / "output" / FOLDER
    document = docx.Document(out / "casuslijst.docx")
    assert [p.text for p in document.paragraphs][:2] == ["Casussen van vanavond", "De stille buurman"]
    [line] = [line for line in (out / "printlijst.txt").read_text(encoding="utf-8").splitlines()
              if line.startswith("casuslijst.docx")]
    assert line.split() == ["casuslijst.docx", "2", "×", "enkelzijdig", "(één", "op", "elke",
                            "statafel)"]
    checklist = docx.Document(io.BytesIO((out / "draaiboek.docx").read_bytes())).tables
    assert any("Casuslijst" in cell.text for table in checklist for row in table.rows
               for cell in row.cells)
    manifest = json.loads((listed / "output" / incremental.MANIFEST_NAME).read_text("utf-8"))
    assert f"{FOLDER}/casuslijst.docx" in manifest["kits"][KIT]["outputs"]
    assert "casuslijst.docx" in manifest["kits"][KIT]["print"]["documents"]
    assert "casuslijst.docx" in build_summary(result, listed)
