"""python -m scripts check on whole copies of the repository: page rules, exit codes, output formats."""

import json

from scripts.blocks import parse_page, replace_blocks
from scripts.check.numbers import number_findings
from scripts.split import untranslated

from conftest import edit, run, translate

ENGLISH_4_P2 = (
    "Significantly strengthen overall strength.\n"
    "By 2025, GDP will exceed 170 billion yuan and per capita GDP 120,000 yuan, "
    "entering the top 40 of the national top 100 districts."
)


def findings(repo):
    result = run(repo, "check", "--json")
    return result.returncode, json.loads(result.stdout)


def errors(repo):
    code, found = findings(repo)
    return code, [(f["path"], f["line"], f["rule"], f["message"]) for f in found if f["severity"] == "error"]


def block(repo, page, block_id, edition="en"):
    return parse_page(repo / "content" / edition / f"{page}.md").block(block_id)


def lines_of(repo, page, *block_ids):
    """The file lines of blocks of an English page of the copy: where their findings are reported."""
    return {n for b in (block(repo, page, i) for i in block_ids) for n in range(b.line, b.end + 1)}


def in_lines(found, page, lines):
    """Findings (as ``errors`` gives them) on the given lines of an English page: those a test planted."""
    return [f for f in found if f[0] == f"content/en/{page}.md" and f[1] in lines]


def make_untranslated(repo, page, block_id):
    """Put the Chinese placeholder back into one block of a copy, as split writes it for a new page."""
    path = repo / "content" / "en" / f"{page}.md"
    path.write_text(
        replace_blocks(parse_page(path), {block_id: untranslated(block(repo, page, block_id, "zh"))}), encoding="utf-8"
    )


def test_real_corpus_has_no_errors(repo):
    result = run(repo, "check")
    assert result.returncode == 0, result.stdout
    assert result.stderr.strip().startswith("check: 0 error(s)")
    assert run(repo, "split", "--check").returncode == 0


def test_findings_print_as_file_line_rule_message(repo):
    edit(repo / "content/en/part-02.md", "{#art-6 ", "{#art-six ")
    heading_line = 1 + next(i for i, l in enumerate((repo / "content/en/part-02.md").read_text(encoding="utf-8").split("\n")) if "{#art-six " in l)
    result = run(repo, "check")
    assert result.returncode == 1
    [line] = [l for l in result.stdout.splitlines() if "warning:" not in l]
    assert line.startswith(f"content/en/part-02.md:{heading_line}: [alignment] id art-six differs from the Chinese block's id art-6")


def test_missing_block(repo):
    path = repo / "content/en/part-01.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("## 2.")
    path.write_text(text[:start] + text[text.index("## 3."):], encoding="utf-8")
    code, found = errors(repo)
    assert code == 1
    assert {m.split(" (")[0] for *_, m in found} == {"Chinese block art-2", "Chinese block art-2-p1"}


def test_extra_block_and_extra_page(repo):
    path = repo / "content/en/part-01.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nAn added paragraph.\n{: #added }\n", encoding="utf-8")
    (repo / "content/en/part-99.md").write_text("# Stray\n", encoding="utf-8")
    code, found = errors(repo)
    assert code == 1
    assert [(p, r, m) for p, _, r, m in found] == [
        ("content/en/part-01.md", "alignment", "block added has no Chinese block"),
        ("content/en/part-99.md", "alignment", "English page part-99 has no Chinese page; it cannot be read (heading has no id: end it with {#id})"),
    ]


def test_reordered_blocks_and_heading_level(repo):
    path = repo / "content/en/part-01.md"
    text = path.read_text(encoding="utf-8")
    art2, art3 = text.index("## 2."), text.index("## 3.")
    text = text[:art2] + text[art3:text.index("## 4.")] + text[art2:art3] + text[text.index("## 4."):]
    path.write_text(text.replace("## 4.", "### 4."), encoding="utf-8")
    code, found = errors(repo)
    assert code == 1
    assert [m for *_, m in found] == [
        "block art-2 is out of order: the Chinese has it before art-3-p1",
        "block art-2-p1 is out of order: the Chinese has it before art-3-p1",
        "block art-4 is a level-3 heading but the Chinese block is a level-2 heading",
    ]


def test_numbers_are_checked_in_translated_blocks_only(repo):
    # art-1-p1 untranslated: its placeholder is the Chinese (1200亿, 9.3万), which would fail if it were checked
    make_untranslated(repo, "part-01", "art-1-p1")
    placeholder = block(repo, "part-01", "art-1-p1")
    assert placeholder.status == "untranslated"
    assert number_findings(block(repo, "part-01", "art-1-p1", "zh"), placeholder)
    english = block(repo, "part-01", "art-4-p2").text  # the real English, with one figure made wrong
    assert "170 billion" in english
    translate(repo, "part-01", "art-4-p2", english.replace("170 billion", "1,700 billion"))
    line = block(repo, "part-01", "art-4-p2").line
    code, found = errors(repo)
    assert code == 1
    assert in_lines(found, "part-01", lines_of(repo, "part-01", "art-1-p1", "art-4-p2")) == [
        ("content/en/part-01.md", line, "numbers", "1700亿 (170 billion) of the Chinese is missing from the English")
    ]


def test_terms_are_checked_against_the_glossary(repo):
    (repo / "glossary.yml").write_text(
        "- id: overall-strength\n  zh: 综合实力\n  en: comprehensive strength\n  deprecated: [overall strength]\n"
        "  category: indicator\n  definition: Economic size and capacity.\n  definition_zh: 经济规模和能力。\n  source: proposed by the editors\n",
        encoding="utf-8",
    )
    translate(repo, "part-01", "art-4-p2", ENGLISH_4_P2)
    code, found = errors(repo)
    assert code == 1
    assert [m for *_, r, m in in_lines(found, "part-01", lines_of(repo, "part-01", "art-4-p2")) if r == "terms"] == [
        "综合实力 must be rendered 'comprehensive strength' (glossary overall-strength)",
        "'overall strength' is a deprecated rendering of 综合实力; use 'comprehensive strength'",
    ]


def test_bad_glossary_is_one_line_error(repo):
    (repo / "glossary.yml").write_text("- id: x\n  zh: 不存在的术语\n", encoding="utf-8")
    result = run(repo, "check")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["error: " + result.stderr.strip().split("error: ")[1]]
    assert result.stderr.startswith("error: ") and "glossary.yml:1:" in result.stderr


def test_chinese_in_footnote_that_is_not_a_translator_note(repo):
    translate(repo, "part-01", "art-4-p2", block(repo, "part-01", "art-4-p2").text + "[^tn-a][^b]")
    path = repo / "content/en/part-01.md"
    edit(path, "{: #art-4-p2 ", "{: #art-4-p2 ")
    notes = "[^tn-a]: Translator's note: the Chinese reads “综合实力”.\n\n[^b]: 综合实力.\n"
    text = path.read_text(encoding="utf-8") + "\n"
    path.write_text(text + notes, encoding="utf-8")
    first = text.count("\n") + 1
    code, found = errors(repo)
    assert code == 1
    planted = lines_of(repo, "part-01", "art-4-p2") | set(range(first, first + notes.count("\n")))
    assert [(r, m) for _, _, r, m in in_lines(found, "part-01", planted)] == [
        ("untranslated", "Chinese text '综合实力' in a footnote that is not a translator's note ([^tn-…])")
    ]


def test_draft_blocks_are_listed_as_warnings(repo):
    translate(repo, "part-01", "art-4-p2", block(repo, "part-01", "art-4-p2").text)
    code, found = findings(repo)
    assert code == 0
    drafts = [f for f in found if f["rule"] == "draft" and f["path"] == "content/en/part-01.md"]
    assert [(f["path"], f["severity"], f["message"]) for f in drafts] == [
        ("content/en/part-01.md", "warning", "1 draft block(s) not yet reviewed: art-4-p2")
    ]
