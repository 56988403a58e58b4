"""Other proposals of the genre split without code changes: articles numbered 1. or （1） or (1), an adoption
note under the title, a title alone on its line, leads, items and unnumbered paragraphs, a closing
paragraph or none; and the real national proposal for the 14th Five-Year Plan (15 parts, 60 articles)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import ROOT, assert_one_line_error, run
from scripts.adoption import Adoption, read_adoption
from scripts.blocks import parse_page
from scripts.edition import page_names
from scripts.errors import InputError
from scripts.ids import anchor_of, on_part_page
from scripts.project import Project
from scripts.publication import load_publication
from test_split import generated_lines, published_lines

#: 中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议, adopted 2020-10-29, released
#: by Xinhua 2020-11-03; one paragraph a line as published (copied from lwei20000/pythonProject on GitHub,
#: test_wordcloud/data/十四五.txt, commit ba07bfa). Official documents are outside copyright in China (Copyright Law, art. 5).
NATIONAL = ROOT / "tests/data/national-14th-fyp-proposal-2020.txt"

#: publication.yml of a new project before its first split: the document described, no structure accepted yet.
NEW_PUBLICATION = """\
document:
  title: {zh: 建议}
  short_title: {zh: 规划建议}
  publisher: {zh: 委员会}
  description: {zh: 规划建议}
site:
  name: {zh: 规划建议}
  description: {zh: 规划建议}
source:
  boilerplate: ['^图片$', '^【返回顶部】.*$']
"""


def new_folder(tmp_path: Path, source: str) -> Path:
    """A project folder with only a source and a publication.yml without structure."""
    root = tmp_path / "new"
    (root / "source").mkdir(parents=True)
    (root / "source/proposal.txt").write_text(source, encoding="utf-8")
    (root / "publication.yml").write_text(NEW_PUBLICATION, encoding="utf-8")
    return root


def new_project(tmp_path: Path, source: str) -> Project:
    """A new project split once (which accepts its source)."""
    root = new_folder(tmp_path, source)
    result = run(root, "split")
    assert result.returncode == 0, result.stderr
    return Project(root)


def ids_of(project: Project, name: str) -> list[str]:
    return [b.id for b in parse_page(project.zh_dir / f"{name}.md").blocks]


def text_of(project: Project, name: str, block_id: str) -> str:
    return parse_page(project.zh_dir / f"{name}.md").block(block_id).text


def fixture(name: str) -> str:
    return (ROOT / "tests/data" / name).read_text(encoding="utf-8")


def test_full_width_bracket_numbering_with_an_adoption_note_and_no_closing(tmp_path):
    project = new_project(tmp_path, fixture("brackets_full_width.txt"))
    assert page_names(project) == ["index", "part-01", "part-02"]
    assert ids_of(project, "index") == ["title", "adoption", "preamble"]
    assert text_of(project, "index", "adoption") == "（2025年10月23日中国共产党某市第十届委员会第八次全体会议通过）"
    # article 2's line is its title alone: its items are p2, p3
    assert ids_of(project, "part-01") == ["part-1", "art-1", "art-1-p1", "art-2", "art-2-p2", "art-2-p3"]
    assert text_of(project, "part-01", "art-1") == "（1）“十四五”时期发展取得重大成就"
    assert text_of(project, "part-01", "art-2") == "（2）“十五五”时期必须遵循的原则"
    # a lead before the first article; unnumbered paragraphs in article 3, one of them numbered 1. (not an article here)
    assert ids_of(project, "part-02") == ["part-2", "part-2-lead", "art-3", "art-3-p1", "art-3-p2", "art-3-p3", "art-4", "art-4-p1"]
    assert text_of(project, "part-02", "art-3-p3") == "1.推进服务业扩能提质。"
    assert load_publication(project.publication).structure.outline() == (2, 4, False)
    assert generated_lines(project) == published_lines(project)
    assert project.document().adoption.text == "（2025年10月23日中国共产党某市第十届委员会第八次全体会议通过）"
    assert run(project.root, "split", "--check").returncode == 0


def test_ascii_bracket_numbering_reads_full_width_and_keeps_its_closing(tmp_path):
    project = new_project(tmp_path, fixture("brackets_ascii.txt"))
    assert ids_of(project, "index") == ["title", "preamble"] and project.document().adoption is None
    assert ids_of(project, "part-01") == ["part-1", "art-1", "art-1-p1", "art-2", "art-2-p1", "art-2-p2", "art-2-p3"]
    assert text_of(project, "part-01", "art-1") == "（1）发展成就"
    assert text_of(project, "part-01", "art-1-p1") == "“十四五”时期，全县生产总值年均增长6.5%。"
    assert ids_of(project, "part-02") == ["part-2", "art-3", "art-3-p1", "closing"]
    assert text_of(project, "part-02", "art-3-p1") == "实施中等收入群体倍增计划（2026—2030年）。"
    assert text_of(project, "part-02", "closing") == "全县人民要紧密团结起来，为实现“十五五”规划而努力奋斗！"
    assert load_publication(project.publication).structure.outline() == (2, 3, True)
    assert generated_lines(project) == published_lines(project)
    assert generated_lines(project)[3] == "（1）发展成就。“十四五”时期，全县生产总值年均增长6.5%。"
    english = parse_page(project.en_dir / "part-02.md")
    assert english.block("art-3").text == "（3）提高居民收入" and english.block("art-3").status == "untranslated"


def test_dot_numbering_keeps_its_heading_form_and_the_publications_boilerplate_is_dropped(tmp_path):
    project = new_project(tmp_path, fixture("other_district.txt"))
    assert text_of(project, "part-01", "art-1") == "1. 发展成就"
    assert ids_of(project, "part-02") == ["part-2", "part-2-lead", "art-3", "art-3-p1", "closing"]
    assert generated_lines(project) == published_lines(project)
    assert generated_lines(project)[3] == "1.发展成就。经济总量达到500亿元，增长（预计）8%。"


@pytest.mark.parametrize(
    "line, fragment",
    [
        ("（3）建设现代化产业体系", "article 3 has no title sentence ending in 。"),
        ("（3） 建设现代化产业体系。推动制造业高端化。", "article 3: space around its title"),
        ("（4）建设现代化产业体系。推动制造业高端化。", "article 3 expected, found article 4"),
    ],
)
def test_an_article_line_that_cannot_be_given_back_is_refused(tmp_path, line, fragment):
    source = fixture("brackets_full_width.txt").replace("（3）建设现代化产业体系。推动制造业高端化、智能化、绿色化。", line)
    root = new_folder(tmp_path, source)
    assert_one_line_error(run(root, "split"), root / "source/proposal.txt", 11, fragment)
    assert not (root / "content").exists()


@pytest.mark.parametrize(
    "note, adoption",
    [
        ("（2020年10月29日中国共产党第十九届中央委员会第五次全体会议通过）", Adoption(datetime.date(2020, 10, 29), "中国共产党第十九届中央委员会第五次全体会议")),
        ("（二〇二〇年十二月三日中国共产党某区第九届委员会第十次全体会议通过）", Adoption(datetime.date(2020, 12, 3), "中国共产党某区第九届委员会第十次全体会议")),
        ("（中国共产党某县第十五届委员会第六次全体会议2025年1月9日通过）", Adoption(datetime.date(2025, 1, 9), "中国共产党某县第十五届委员会第六次全体会议")),
    ],
)
def test_an_adoption_note_gives_its_date_and_meeting(note, adoption):
    assert read_adoption(note) == adoption


@pytest.mark.parametrize(
    "note, message",
    [
        ("（中国共产党第十九届中央委员会第五次全体会议通过）", "has no date such as 2020年10月29日"),
        ("（2020年13月29日中国共产党第十九届中央委员会第五次全体会议通过）", "2020年13月29日 is not a date"),
        ("（2020年10月29日通过）", "does not name the meeting that adopted the text"),
        ("2020年10月29日中国共产党第十九届中央委员会第五次全体会议通过", "has no date such as"),
    ],
)
def test_a_note_without_date_or_meeting_is_a_clear_error(note, message):
    with pytest.raises(InputError) as error:
        read_adoption(note, "source/proposal.txt", 2)
    assert str(error.value).startswith("source/proposal.txt:2: adoption note") and message in str(error.value)


def test_the_national_proposal_for_the_14th_plan_splits_with_its_own_structure(tmp_path):
    project = new_project(tmp_path, NATIONAL.read_text(encoding="utf-8"))
    assert page_names(project) == ["index"] + [f"part-{n:02d}" for n in range(1, 16)]
    assert load_publication(project.publication).structure.outline() == (15, 60, True)
    blocks = {name: parse_page(project.zh_dir / f"{name}.md").blocks for name in page_names(project)}
    ids = [b.id for page in blocks.values() for b in page]
    assert [i for i in ids if i.startswith("art-") and "-p" not in i] == [f"art-{n}" for n in range(1, 61)]
    assert [i for i in ids if i.endswith("-lead")] == [f"part-{n}-lead" for n in range(3, 16)]
    assert ids_of(project, "index") == ["title", "adoption", "preamble"]
    adoption = read_adoption(text_of(project, "index", "adoption"))
    assert adoption == Adoption(datetime.date(2020, 10, 29), "中国共产党第十九届中央委员会第五次全体会议")
    # article 5's line is its title alone; its five —— items follow as p2 … p6
    assert [i for i in ids if i.startswith("art-5-")] == [f"art-5-p{n}" for n in range(2, 7)]
    assert text_of(project, "part-02", "art-5") == "5. “十四五”时期经济社会发展必须遵循的原则"
    items = [b for page in blocks.values() for b in page if b.text.startswith("——")]
    assert len(items) == 11
    assert ids_of(project, "part-15")[-1] == "closing"
    assert text_of(project, "part-15", "closing").startswith("实现“十四五”规划和二〇三五年远景目标，")
    assert generated_lines(project) == published_lines(project)
    assert run(project.root, "split", "--check").returncode == 0


def test_every_block_of_the_national_proposal_belongs_to_an_anchor_on_its_page(tmp_path):
    """What glossary occurrence lists link to: the article or part heading above a block, or the block itself."""
    project = new_project(tmp_path, NATIONAL.read_text(encoding="utf-8"))
    for name in page_names(project):
        blocks = parse_page(project.zh_dir / f"{name}.md").blocks
        headings = {b.id for b in blocks if b.kind in ("h1", "h2")}
        for block in blocks:
            anchor, number = anchor_of(block.id)
            assert anchor in headings or anchor == block.id, block.id
            assert (number > 0) == block.id.startswith("art-"), block.id
            assert on_part_page(block.id) == (name != "index"), block.id
