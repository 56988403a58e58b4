"""Rule phrasing: phrasebook.yml validation and the recurring formulas of a block pair (avoid, required, at_most)."""

from __future__ import annotations

import pytest

from conftest import ROOT, assert_one_line_error, edit, en, run, run_translate, zh
from scripts.check import block_findings
from scripts.glossary import load_glossary
from scripts.phrasebook import load_phrasebook
from scripts.project import Project
from test_check_pages import block, errors

SOURCE_TEXT = Project(ROOT).source.read_text(encoding="utf-8")

PHRASEBOOK = """\
- zh: [一批]
  en: [a number of]
  avoid: [a group of]
  note: An unspecified plural.
- zh: [推进, 推动]
  en: [advance, promote]
  avoid: [ensure]
  licensed_by: [确保]
  note: Sets something in motion.
- zh: [科创]
  en: [sci-tech innovation]
  avoid: [science and innovation]
  required: true
  note: Everywhere.
- zh: [高水平建设, 高水平打造]
  en: [to high standards, to a high standard]
  licensed_by: [高标准]
  at_most: 1
  note: Never a chain.
- zh: [争创]
  en: [strive to become, strive for]
  required: true
  note: It does not exist yet.
- zh: [加快]
  en: [accelerate]
  note: Not checked.
"""

GLOSSARY = """\
- id: pioneering-city
  zh: 续写创新史、争创先行市
  en: continue the history of innovation and strive to be a pioneering city
  category: strategy
  definition: Wenzhou's slogan.
  definition_zh: 温州的口号。
  source: proposed by the editors
"""


@pytest.fixture
def phrasebook(tmp_path):
    path = tmp_path / "phrasebook.yml"
    path.write_text(PHRASEBOOK, encoding="utf-8")
    return load_phrasebook(path)


def phrasing(chinese: str, english: str, phrasebook, glossary=None) -> list[str]:
    source = zh(chinese)
    return [f.message for f in block_findings(source, en(english, source), glossary, phrasebook=phrasebook) if f.rule == "phrasing"]


def test_an_avoid_form_is_an_error_naming_formula_preferred_form_and_entry(phrasebook):
    source = zh("培育一批龙头企业。")
    (finding,) = block_findings(source, en("Cultivate\na group of leading enterprises.", source), None, phrasebook=phrasebook)
    assert (finding.rule, finding.severity, finding.line) == ("phrasing", "error", 21)
    assert finding.message == "一批: never 'a group of'; use 'a number of' (phrasebook.yml:1)"


def test_the_preferred_form_and_blocks_without_the_formula_pass(phrasebook):
    assert phrasing("培育一批龙头企业。", "Cultivate a number of leading enterprises.", phrasebook) == []
    assert phrasing("培育龙头企业。", "Cultivate a group of leading enterprises.", phrasebook) == []


def test_avoid_forms_match_any_inflection_and_case(phrasebook):
    assert phrasing("推动监督贯通融合。", "Ensuring that supervision is integrated.", phrasebook) == [
        "推动: never 'Ensuring'; use 'advance' or 'promote' (phrasebook.yml:5)"
    ]


def test_each_licence_admits_one_avoid_form(phrasebook):
    chinese = "推进要素循环畅通，确保供应链畅通。"
    assert phrasing(chinese, "Promote the circulation of factors and ensure smooth supply chains.", phrasebook) == []
    assert phrasing(chinese, "Ensure the circulation of factors and ensure smooth supply chains.", phrasebook) == [
        "推进: 2 × 'ensure' but only 1 × 确保 in the Chinese; use 'advance' or 'promote' (phrasebook.yml:5)"
    ]


def test_a_required_form_must_appear_once_an_avoid_form_is_reported_alone(phrasebook):
    assert phrasing("建设都市科创新地标", "Build a new urban landmark for sci-tech innovation", phrasebook) == []
    assert phrasing("建设都市科创新地标", "Build a new urban landmark for innovation", phrasebook) == [
        "科创: must be rendered 'sci-tech innovation' (phrasebook.yml:10)"
    ]
    assert phrasing("建设都市科创新地标", "Build a new urban landmark for science and innovation", phrasebook) == [
        "科创: never 'science and innovation'; use 'sci-tech innovation' (phrasebook.yml:10)"
    ]


def test_at_most_limits_a_chain_and_each_licence_raises_the_limit(phrasebook):
    chinese = "高水平建设指挥中心，高水平打造文化圈。"
    assert phrasing(chinese, "Build a high-level command center and create cultural circles to high standards.", phrasebook) == []
    assert phrasing(chinese, "Build a command center to a high standard and create cultural circles to high standards.", phrasebook) == [
        "高水平建设/高水平打造: 2 × 'to high standards' or 'to a high standard' in one block, at most 1 (phrasebook.yml:15)"
    ]
    licensed = chinese + "高标准建设美术馆。"
    english = "Build a command center to a high standard, create cultural circles and build the museum to high standards."
    assert phrasing(licensed, english, phrasebook) == []


def test_a_formula_inside_a_glossary_term_is_the_glossarys_business(phrasebook, tmp_path):
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    glossary = load_glossary(tmp_path / "glossary.yml")
    english = "Continue the history of innovation and strive to be a pioneering city."
    assert phrasing("续写创新史、争创先行市。", english, phrasebook, glossary) == []
    assert phrasing("续写创新史、争创先行市。", english, phrasebook) == [
        "争创: must be rendered 'strive to become' or 'strive for' (phrasebook.yml:20)"
    ]


def test_untranslated_blocks_and_a_missing_phrasebook_check_nothing(phrasebook):
    source = zh("培育一批龙头企业。")
    assert block_findings(source, en("a group of", source, status="untranslated"), None, phrasebook=phrasebook) == []
    assert block_findings(source, en("Cultivate a group of enterprises.", source), None) == []


def test_the_real_phrasebook_loads_and_every_chinese_form_occurs_in_the_source():
    phrasebook = load_phrasebook(Project(ROOT).phrasebook, SOURCE_TEXT)
    assert len(phrasebook) >= 20
    for formula in phrasebook:
        for form in formula.zh + formula.licensed_by:
            assert form in SOURCE_TEXT, (formula.line, form)
        assert formula.note
    assert {"一批", "推进", "高水平", "争创", "着力", "打造", "深化", "加快", "全国领先", "全省领跑"} <= {
        form for formula in phrasebook for form in formula.zh
    }


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        (PHRASEBOOK.replace("  note: Everywhere.", "  colour: red"), 14, "unknown field 'colour'"),
        (PHRASEBOOK.replace("required: true\n  note: Everywhere.", "required: yes please\n  note: Everywhere."), 13, "field 'required' must be"),
        (PHRASEBOOK.replace("at_most: 1", "at_most: 0"), 18, "at_most must be 1 or more"),
        (PHRASEBOOK.replace("zh: [加快]", "zh: [一批]"), 24, "duplicate formula '一批' (first at line 1)"),
        (PHRASEBOOK.replace("zh: [加快]", "zh: [加快速度发展]"), 24, "zh '加快速度发展' does not occur in the source"),
        (PHRASEBOOK.replace("  note: Not checked.\n", ""), 24, "missing required field 'note'"),
        (PHRASEBOOK.replace("avoid: [a group of]", "avoid: [a number of]"), 3, "'a number of' is both preferred and avoided"),
        (PHRASEBOOK.replace("  note: Not checked.", "  licensed_by: [确保]\n  note: Not checked."), 26, "licensed_by needs avoid or at_most"),
        (PHRASEBOOK.replace("en: [accelerate]", "en: []"), 25, "en must be a list of non-empty texts"),
    ],
)
def test_a_malformed_phrasebook_is_one_line_with_file_and_line(repo, text, line, fragment):
    (repo / "phrasebook.yml").write_text(text, encoding="utf-8")
    assert_one_line_error(run(repo, "check"), repo / "phrasebook.yml", line, fragment)


def test_check_reports_a_planted_avoid_form_at_its_line_and_works_without_a_phrasebook(repo):
    page = repo / "content/en/part-04.md"
    paragraph = block(repo, "part-04", "art-20-p1")
    edit(page, "actively cultivate a number of highly competitive", "actively cultivate a group of highly competitive")
    line = paragraph.line + next(i for i, text in enumerate(paragraph.text.split("\n")) if "actively cultivate" in text)
    _, found = errors(repo)
    assert ("content/en/part-04.md", line, "phrasing", "一批: never 'a group of'; use 'a number of' (phrasebook.yml:17)") in found

    (repo / "phrasebook.yml").unlink()
    _, found = errors(repo)
    assert [f for f in found if f[2] == "phrasing"] == []


def test_translate_holds_machine_drafts_to_the_phrasebook(plan, fake, capsys):
    (plan / "phrasebook.yml").write_text(PHRASEBOOK, encoding="utf-8")
    assert run_translate(plan, fake, "part-02:art-3", "part-02:art-4") == 1  # the fake drafts "3. Text of art-3"
    out = capsys.readouterr().out
    assert "[translate] part-02:art-3: rejected 3 time(s): [phrasing] 科创: must be rendered 'sci-tech innovation' (phrasebook.yml:10)" in out
    assert "part-02:art-4:" not in out  # 搭建创新平台 has no formula: drafted
    assert block(plan, "part-02", "art-3").status == "untranslated"
    assert block(plan, "part-02", "art-4").status == "draft"
