"""The CAT-tool round trip: ``xliff export``, ``xliff import`` and ``xliff tmx`` on a copy of the repository."""

from __future__ import annotations

import json
import time
from pathlib import Path

from lxml import etree
from translate.storage import tmx, xliff

from conftest import edit, run, translate
from scripts.blocks import parse_page, text_hash

NS = "{urn:oasis:names:tc:xliff:document:1.2}"


def units(path: Path) -> dict[str, etree._Element]:
    return {u.get("id"): u for u in etree.parse(str(path)).iter(f"{NS}trans-unit")}


def set_target(path: Path, unit_id: str, text: str) -> None:
    tree = etree.parse(str(path))
    unit = next(u for u in tree.iter(f"{NS}trans-unit") if u.get("id") == unit_id)
    unit.find(f"{NS}target").text = text
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)


def export(repo: Path, *pages: str) -> Path:
    out = repo / "out.xlf"
    result = run(repo, "xliff", "export", *pages, "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def english(repo: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted((repo / "content" / "en").glob("*")) if p.is_file()}


def test_export_has_one_unit_per_block_with_its_state(repo):
    page = repo / "content" / "en" / "part-02.md"
    translate(repo, "part-02", "art-7", "7. Build high-caliber innovation platforms", "draft")
    edit(page, '{#art-8 data-zh="7bf0ea053c76" data-status="reviewed" ', '{#art-8 data-zh="7bf0ea053c76" data-status="untranslated" ')
    edit(page, '{: #art-6-p1 data-zh="330466baf10f"', '{: #art-6-p1 data-zh="000000000000"')
    found = units(export(repo, "part-02", "part-01"))
    zh_ids = [f"{name}:{b.id}" for name in ("part-01", "part-02") for b in parse_page(repo / "content" / "zh" / f"{name}.md").blocks]
    assert list(found) == zh_ids
    state = {uid: (u.find(f"{NS}target").get("state") if u.find(f"{NS}target") is not None else None) for uid, u in found.items()}
    assert state["part-02:art-8"] is None
    assert state["part-02:art-7"] == "translated" and found["part-02:art-7"].get("approved") != "yes"
    assert state["part-02:art-6"] == "signed-off" and found["part-02:art-6"].get("approved") == "yes"
    assert state["part-02:art-6-p1"] == "needs-review-translation"
    notes = lambda uid: {(n.get("from"), n.text) for n in found[uid].iter(f"{NS}note")}
    assert any(f == "status" and t.startswith("Chinese changed after translation") for f, t in notes("part-02:art-6-p1"))
    assert ("glossary", "温州国际未来科技岛 → Wenzhou International Future Sci-Tech Island (also: Wenzhou International Future Sci-tech Park)") in notes("part-02:part-2-lead")
    assert any(f == "translator" and t.startswith("[^tn-art-2]: Translator's note:") for f, t in notes("part-01:art-2-p1"))
    assert found["part-02:art-6"].find(f"{NS}source").text == "6. 建设都市科创新地标"
    store = xliff.xlifffile.parsefile(str(repo / "out.xlf"))  # the reader Weblate uses
    assert len(store.units) == len(zh_ids) and store.units[0].source == "一、高水平开启全面建设社会主义现代化国家新征程"


def test_import_writes_exactly_the_changed_block_as_draft(repo):
    out = export(repo, "part-02")
    before = english(repo)
    set_target(out, "part-02:art-6", "6. Build an urban landmark for sci-tech innovation")
    result = run(repo, "xliff", "import", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 block(s) written as draft (part-02:art-6)" in result.stdout
    after = english(repo)
    page = repo / "content" / "en" / "part-02.md"
    assert [p for p in after if after[p] != before[p]] == [page]
    old, new = parse_page(page, before[page]), parse_page(page)
    changed = [b.id for b in new.blocks if (b.text, b.attrs) != (old.block(b.id).text, old.block(b.id).attrs)]
    assert changed == ["art-6"]
    block = new.block("art-6")
    assert block.text == "6. Build an urban landmark for sci-tech innovation" and block.status == "draft"
    assert block.source_hash == text_hash("6. 建设都市科创新地标")
    assert json.loads(after[repo / "content" / "en" / ".zh-snapshots.json"])[block.source_hash] == "6. 建设都市科创新地标"
    check = run(repo, "check")
    assert check.returncode == 0, check.stdout[-2000:]
    again = run(repo, "xliff", "import", str(out))
    assert again.returncode == 0 and "0 block(s) written" in again.stdout


def test_import_refuses_a_source_that_is_not_the_current_chinese(repo):
    out = export(repo, "part-02")
    edit(out, "<source>6. 建设都市科创新地标</source>", "<source>6. 建设都市科技新地标</source>")
    set_target(out, "part-02:art-7", "7. Build high-level innovation platforms")
    line = units(out)["part-02:art-6"].sourceline
    before = english(repo)
    result = run(repo, "xliff", "import", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{out}:{line}: unit part-02:art-6: the source is not the current Chinese of art-6 (content/en/part-02.md:{parse_page(repo / 'content/en/part-02.md').block('art-6').line})" in result.stderr
    assert "nothing written" in result.stderr
    assert english(repo) == before


def test_import_refuses_a_target_that_breaks_a_rule_and_writes_nothing(repo):
    out = export(repo, "part-02")
    found = units(out)
    set_target(out, "part-02:art-8-p1", found["part-02:art-8-p1"].find(f"{NS}target").text.replace("95%", "96%"))
    set_target(out, "part-02:art-7", "7. Build <script>alert(1)</script> innovation platforms")
    set_target(out, "part-02:art-9", "9. Build a highland of innovative talent")  # valid, but not written either
    before = english(repo)
    result = run(repo, "xliff", "import", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 3, lines
    assert lines[0].startswith(f"{out}:{found['part-02:art-7'].sourceline}: unit part-02:art-7: ") and "[safety]" in lines[0]
    assert lines[1].startswith(f"{out}:{found['part-02:art-8-p1'].sourceline}: unit part-02:art-8-p1: ") and "[numbers]" in lines[1]
    assert lines[2] == f"error: {out}: 2 problem(s) above; nothing written"
    assert english(repo) == before


def test_import_refuses_a_change_to_english_that_changed_since_the_export(repo):
    out = export(repo, "part-02")
    translate(repo, "part-02", "art-6", "6. Build a new urban landmark of sci-tech innovation", "draft")
    set_target(out, "part-02:art-6", "6. Build an urban landmark for sci-tech innovation")
    before = english(repo)
    result = run(repo, "xliff", "import", str(out))
    assert result.returncode == 1
    assert "unit part-02:art-6: the English of art-6 changed in the repository since the export" in result.stderr
    assert english(repo) == before


ONE_UNIT = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="part-02" source-language="zh-CN" '
    'datatype="plaintext"><body>\n<trans-unit id="part-02:art-6"><source>6. 建设都市科创新地标</source><target>{}</target>'
    "</trans-unit></body></file></xliff>\n"
)
LAUGHS = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10}">\n' for i in range(1, 10))
BILLION_LAUGHS = f'<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY lol "lol">\n{LAUGHS}]>\n' + ONE_UNIT.format("&lol9;")
EXTERNAL = '<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n' + ONE_UNIT.format("&secret;")


def test_import_refuses_entity_declarations_without_expanding_them(repo):
    before = english(repo)
    for name, text in (("laughs.xlf", BILLION_LAUGHS), ("external.xlf", EXTERNAL)):
        path = repo / name
        path.write_text(text, encoding="utf-8")
        started = time.monotonic()
        result = run(repo, "xliff", "import", str(path))
        assert time.monotonic() - started < 30
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.strip() == f"error: {path}:2: DOCTYPE and ENTITY declarations are not allowed in an XLIFF file (entity expansion, external files); export it again"
        assert "root:" not in result.stderr + result.stdout
    assert english(repo) == before


def test_import_refuses_markup_and_xliff_2(repo):
    out = export(repo, "part-02")
    edit(out, "<target state=\"signed-off\">6. Build", "<target state=\"signed-off\"><g id=\"1\">6.</g> Build")
    result = run(repo, "xliff", "import", str(out))
    assert result.returncode == 1 and "<target> holds XML markup <g>" in result.stderr
    two = repo / "two.xlf"
    two.write_text('<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN"/>\n', encoding="utf-8")
    result = run(repo, "xliff", "import", str(two))
    assert result.returncode == 1 and result.stderr.startswith(f"error: {two}:2: not an XLIFF 1.2 file")


def test_tmx_has_one_translation_unit_per_reviewed_block(repo):
    translate(repo, "part-02", "art-7", "7. Build high-caliber innovation platforms", "draft")
    out = repo / "memory.tmx"
    result = run(repo, "xliff", "tmx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reviewed = [b for p in (repo / "content" / "en").glob("part-*.md") for b in parse_page(p).blocks if b.status == "reviewed"]
    reviewed += [b for b in parse_page(repo / "content" / "en" / "index.md").blocks if b.status == "reviewed"]
    store = tmx.tmxfile.parsefile(str(out))
    assert len(store.units) == len(reviewed) == 135
    names = {u.getnotes() for u in store.units}
    assert "part-02:art-7" not in names and "part-02:art-6" in names
    unit = next(u for u in store.units if u.getnotes() == "part-02:art-6")
    assert (unit.source, unit.target) == ("6. 建设都市科创新地标", "6. Build a new urban landmark for sci-tech innovation")
