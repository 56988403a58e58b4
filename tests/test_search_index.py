"""The search index builder (scripts/search/index.py) and the search synonyms file (scripts/search/synonyms.py)."""

from __future__ import annotations

import json

import pytest

from conftest import build, run
from scripts.errors import InputError
from scripts.glossary import Term
from scripts.search.index import GLOSSARY, TEXT, EditionIndex, add_cross_references, build_index, read_page, write_index
from scripts.check.synonyms import missing_plan_words
from scripts.search.synonyms import Synonym, load_synonyms

PART_PAGE = """<html><body><article class="md-content__inner">
<h1 id="part-9">九、提升民生福祉</h1>
<p id="part-9-lead">坚持以人民为中心<span class="term__tip">提示里的释义</span>。</p>
<h2 id="art-43">43. 建设幸福颐养标杆城区<a class="headerlink" href="#art-43">¶</a></h2>
<p id="art-43-p1">完善养老服务体系，全面推行居家养老，治理PM2.5。</p>
<p id="art-43-p2">加大养老床位供给力度。<sup id="fnref:tn-art-43"><a href="#fn:tn-art-43">1</a></sup></p>
<p id="closing">全区人民团结起来。</p>
<div class="footnote"><ol><li id="fn:tn-art-43"><p>译者注</p></li></ol></div>
</article></body></html>"""

GLOSSARY_PAGE = """<html><body><article>
<h1 id="glossary">术语表</h1><h2 id="cat-strategy">战略</h2>
<h3 id="term-double-eight-strategy">八八战略 · Double-Eight Strategy<a class="headerlink" href="#x">¶</a></h3>
<p>2003年提出的浙江发展总纲。</p>
</article></body></html>"""


def term(number: int, zh: str, en: str, **forms) -> Term:
    return Term(id=f"t{number}", zh=zh, en=en, category="c", definition="d", source="s", line=number, **forms)


def zh_page_index() -> EditionIndex:
    index = EditionIndex("zh")
    read_page(index, "part-09/", PART_PAGE)
    return index


def test_blocks_belong_to_their_article_and_show_what_the_reader_reads():
    index = zh_page_index()
    assert index.pages == ["part-09/"]
    by_anchor = {anchor: (doc, text) for doc, anchor, text in index.blocks}
    article = by_anchor["art-43"][0]
    assert by_anchor["art-43"][1] == "43. 建设幸福颐养标杆城区"  # the heading is the document's title, no ¶
    assert by_anchor["art-43-p1"][0] == by_anchor["art-43-p2"][0] == article
    assert by_anchor["art-43-p2"][1] == "加大养老床位供给力度。"  # no footnote mark
    assert by_anchor["part-9-lead"][1] == "坚持以人民为中心。"  # no tooltip
    assert by_anchor["part-9-lead"][0] == by_anchor["part-9"][0]
    closing = by_anchor["closing"][0]
    assert closing not in (article, by_anchor["part-9"][0])
    assert [text for doc, _, text in index.blocks if doc == closing][0] == "九、提升民生福祉"  # titled by the page
    assert not any("译者注" in text for _, _, text in index.blocks)
    assert all(kind == TEXT for _, kind in index.docs)


def test_chinese_words_are_jieba_search_mode_words_of_two_characters_or_more():
    words = zh_page_index().words
    assert {"养老", "推行", "全面", "居家", "床位", "pm2.5"} <= set(words)  # 推行 inside 全面推行
    assert not [w for w in words if len(w) == 1]  # a query word never matches through one character
    p1 = 3  # art-43-p1: part-9, part-9-lead, art-43, art-43-p1
    assert p1 in words["推行"] and p1 in words["养老"]


def test_english_words_are_kept_as_written_for_the_worker_to_stem():
    index = EditionIndex("en")
    read_page(index, "part-09/", '<article><h2 id="art-43">43. Elderly care</h2><p id="art-43-p1">Economic and economy, PM2.5.</p></article>')
    assert {"economic", "economy", "elderly", "care", "pm2.5", "43"} <= set(index.words)


def test_glossary_entries_are_their_names_in_both_languages_and_rank_after_articles():
    index = EditionIndex("zh")
    read_page(index, "glossary/", GLOSSARY_PAGE)
    assert index.docs == [[0, GLOSSARY]] and GLOSSARY > TEXT
    assert index.blocks == [[0, "term-double-eight-strategy", "八八战略 · Double-Eight Strategy"]]


def test_cross_references_lead_to_the_editions_own_words():
    glossary = [term(1, "八八战略", "Double-Eight Strategy", alternatives=["Eight-Eight Strategy"], deprecated=["88 Strategy"]),
                term(2, "轨道交通", "rail transit")]
    synonyms = {"zh": [Synonym(["地铁"], ["轨道交通"], 3)], "en": [Synonym(["subway"], ["rail transit", "suburban railway"], 9)]}
    zh, en = EditionIndex("zh"), EditionIndex("en")
    add_cross_references(zh, glossary, synonyms)
    add_cross_references(en, glossary, synonyms)
    assert zh.terms == ["八八战略", "轨道交通"] and en.terms == ["Double-Eight Strategy", "rail transit"]
    assert zh.phrases["地铁"] == ["轨道交通"]
    assert zh.phrases["double-eight strategy"] == zh.phrases["88 strategy"] == [0]  # terms by number
    assert zh.phrases["subway"] == [1]  # the English readers' word, through the glossary's rail transit
    assert en.phrases["八八战略"] == en.phrases["eight-eight strategy"] == [0]
    assert en.phrases["地铁"] == [1] and en.phrases["subway"] == ["rail transit", "suburban railway"]


def test_the_index_file_is_named_by_its_content(tmp_path):
    (tmp_path / "index.0000000000.json").write_text("{}", encoding="utf-8")
    index = zh_page_index()
    path = write_index(index, tmp_path)
    assert [p.name for p in tmp_path.glob("index.*.json")] == [path.name]
    assert json.loads(path.read_text(encoding="utf-8"))["words"]["养老"] == [3, 1]  # blocks 3 and 4, as differences
    assert write_index(index, tmp_path) == path


def test_build_index_reads_every_page(tmp_path):
    (tmp_path / "part-09").mkdir()
    (tmp_path / "part-09/index.html").write_text(PART_PAGE, encoding="utf-8")
    index = build_index("zh", [("part-09/", tmp_path / "part-09/index.html")], None, {})
    assert len(index.docs) == 3 and index.phrases == {}


# --- search-synonyms.yml ---

TEXTS = {"zh": "规划要求加快轨道交通建设", "en": "speed up rail transit"}


def load(tmp_path, text: str):
    path = tmp_path / "search-synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return load_synonyms(path)


def test_synonyms_load_per_edition(tmp_path):
    found = load(tmp_path, "zh:\n  - reader: [地铁]\n    plan: [轨道交通]\n    note: 市民说地铁\nen:\n  - reader: [subway]\n    plan: [Rail Transit]\n")
    assert found == {"zh": [Synonym(["地铁"], ["轨道交通"], 2)], "en": [Synonym(["subway"], ["Rail Transit"], 6)]}


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("zh:\n  - reader: [地铁\n    plan: [轨道交通]\n", 3, "YAML syntax error"),
        ("zh:\n  - reader: [地铁]\n    plan: [轨道交通]\n    plans: [x]\n", 4, "unknown field 'plans'"),
        ("zh:\n  - reader: [地铁]\n", 2, "missing required field 'plan'"),
        ("fr:\n  - reader: [métro]\n    plan: [rail]\n", 1, "unknown edition 'fr'"),
        ("zh:\n  - reader: ['']\n    plan: [轨道交通]\n", 2, "must be non-empty text"),
        ("- reader: [地铁]\n", 1, "expected a mapping of editions"),
    ],
)
def test_bad_synonyms_are_reported_with_their_line(tmp_path, text, line, fragment):
    with pytest.raises(InputError) as error:
        load(tmp_path, text)
    assert (error.value.line, error.value.path) == (line, str(tmp_path / "search-synonyms.yml"))
    assert fragment in error.value.message


def test_plan_words_missing_from_their_edition_are_warnings_at_their_line(tmp_path):
    synonyms = load(tmp_path, "zh:\n  - reader: [地铁]\n    plan:\n      - 轨道交通\n      - 地下铁道\nen:\n  - reader: [subway]\n    plan: [metro line]\n")
    found = missing_plan_words("search-synonyms.yml", synonyms, TEXTS)
    assert [(f.line, f.severity) for f in found] == [(5, "warning"), (8, "warning")]
    assert "plan word '地下铁道' does not occur in the zh edition" in found[0].message


def test_check_warns_of_a_plan_word_missing_from_its_edition_and_the_site_still_builds(repo, tmp_path):
    path = repo / "search-synonyms.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip() == "plan: [学前教育]")
    lines[number] = lines[number].replace("学前教育", "学前教育改革试点")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(repo, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"search-synonyms.yml:{number + 1}: [synonyms] warning: plan word '学前教育改革试点' does not occur in the zh edition" in result.stdout
    build(repo, tmp_path / "site")
