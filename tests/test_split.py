"""The splitter: fidelity to the source, the punctuation rule, idempotence, --check, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, command, run
from scripts.blocks import parse_page
from scripts.edition import page_names
from scripts.pages import reconstruct
from scripts.project import Project
from scripts.punctuation import to_full_width


def published_lines(project: Project) -> list[str]:
    """The source as published, minus blank lines and the publication's boilerplate, with the punctuation rule."""
    lines = [line.strip() for line in project.source.read_text(encoding="utf-8-sig").splitlines()]
    return [to_full_width(l) for l in lines if l and not any(p.match(l) for p in project.info.boilerplate)]


def generated_lines(project: Project) -> list[str]:
    blocks = [b for name in page_names(project) for b in parse_page(project.zh_dir / f"{name}.md").blocks]
    return reconstruct(blocks)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def test_chinese_edition_is_the_source_character_for_character():
    project = Project(ROOT)
    assert generated_lines(project) == published_lines(project)


def test_only_the_listed_boilerplate_is_removed():
    raw = [l.strip() for l in Project(ROOT).source.read_text(encoding="utf-8").splitlines() if l.strip()]
    removed = [l for l in raw if any(p.match(l) for p in Project().info.boilerplate)]
    assert removed == ["图片", "【返回顶部】【打印本稿】【我要订阅】【关闭本页】"]


def test_structure_has_11_parts_and_52_articles():
    project = Project(ROOT)
    assert page_names(project) == ["index"] + [f"part-{n:02d}" for n in range(1, 12)]
    ids = [b.id for name in page_names(project) for b in parse_page(project.zh_dir / f"{name}.md").blocks]
    assert [i for i in ids if i.startswith("art-") and "-p" not in i] == [f"art-{n}" for n in range(1, 53)]
    items = [i for i in ids if i.startswith("art-4-p")]
    assert items == [f"art-4-p{n}" for n in range(1, 10)]  # the intro and its eight —— items
    assert "closing" in ids and "part-2-lead" in ids


@pytest.mark.parametrize(
    "published, expected",
    [
        ("预计,2020年生产总值", "预计，2020年生产总值"),
        ("如下建议:", "如下建议："),
        ("中国(浙江)技术产权交易所", "中国（浙江）技术产权交易所"),
        ("突出;审视自身", "突出；审视自身"),
        ("而努力奋斗!", "而努力奋斗！"),
        ("网上技术市场3.0,培育", "网上技术市场3.0，培育"),
        ("5G+工业互联网、R&D经费、C2M", "5G+工业互联网、R&D经费、C2M"),
        ("1,000 and 3:2 (x)", "1,000 and 3:2 (x)"),
        ("(1)发展成就。", "（1）发展成就。"),  # a pair of brackets changes together
        ("(R&D)经费(含5G)", "（R&D）经费（含5G）"),
        ("(a(b)c)中", "（a(b)c）中"),
    ],
)
def test_punctuation_rule(published, expected):
    assert to_full_width(published) == expected


def test_no_ascii_punctuation_left_next_to_chinese():
    text = "".join(generated_lines(Project(ROOT)))
    for mark in ",:;!()":
        assert mark not in text, f"ASCII {mark!r} left in the Chinese edition"


def test_split_is_idempotent_and_check_passes(repo):
    assert run(repo, "split").returncode == 0
    before = snapshot(repo / "content" / "zh")
    result = run(repo, "split")
    assert result.returncode == 0 and "up to date" in result.stdout
    assert snapshot(repo / "content" / "zh") == before
    assert run(repo, "split", "--check").returncode == 0


def test_check_names_a_hand_edited_chinese_file(repo):
    page = repo / "content" / "zh" / "part-03.md"
    page.write_text(page.read_text(encoding="utf-8").replace("扩大内需", "扩大外需", 1), encoding="utf-8")
    result = run(repo, "split", "--check")
    assert result.returncode == 1
    assert "content/zh/part-03.md" in result.stdout
    assert "part-01.md" not in result.stdout


def test_bom_crlf_blank_lines_and_trailing_spaces_give_the_same_output(repo):
    source = repo / "source" / "proposal.txt"
    expected = snapshot(repo / "content" / "zh")
    text = source.read_text(encoding="utf-8")
    messy = "\ufeff" + "\r\n".join(line + "  \t" for line in text.split("\n")).replace("\r\n\r\n", "\r\n\r\n\r\n\r\n")
    source.write_bytes(messy.encode("utf-8"))
    assert run(repo, "split").returncode == 0
    assert snapshot(repo / "content" / "zh") == expected


def break_source(text: str, case: str) -> tuple[str, str]:
    """A broken copy of the source and the message fragment the error must contain."""
    lines = text.split("\n")
    line_of = {l.split(".", 1)[0]: i for i, l in enumerate(lines) if l[:1].isdigit()}
    if case == "missing-article":
        del lines[line_of["7"]]
        return "\n".join(lines), "article 7 expected, found article 8"
    if case == "duplicate-article":
        lines[line_of["8"]] = lines[line_of["7"]]
        return "\n".join(lines), "article 7 appears twice"
    if case == "articles-out-of-order":
        lines[line_of["7"]], lines[line_of["8"]] = lines[line_of["8"]], lines[line_of["7"]]
        return "\n".join(lines), "article 7 expected, found article 8"
    if case == "part-heading-missing":
        return "\n".join(l for l in lines if not l.startswith("三、")), "part 三、 expected, found 四、"
    if case == "parts-out-of-order":
        return "\n".join(l.replace("三、", "四、", 1) if l.startswith("三、") else l for l in lines), "part 三、 expected, found 四、"
    if case == "no-part-before-first-article":
        return "\n".join(l for l in lines if not l.startswith("一、")), "article 1 comes before any part heading"
    raise AssertionError(case)


@pytest.mark.parametrize(
    "case",
    ["missing-article", "duplicate-article", "articles-out-of-order", "part-heading-missing", "parts-out-of-order", "no-part-before-first-article"],
)
def test_broken_structure_is_one_clear_line_and_nothing_written(repo, case):
    source = repo / "source" / "proposal.txt"
    broken, fragment = break_source(source.read_text(encoding="utf-8"), case)
    source.write_text(broken, encoding="utf-8")
    before = snapshot(repo / "content" / "zh")
    result = run(repo, "split")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert message.startswith(f"error: {source}:"), message
    assert fragment in message
    line = int(message.split(":")[2])
    assert 1 <= line <= len(broken.split("\n"))
    assert snapshot(repo / "content" / "zh") == before


@pytest.mark.parametrize(
    "content, fragment",
    [(None, "source file not found"), (b"", "source file is empty"), (b"\n \n", "source file is empty"), ("标题\n\n正文".encode("gbk"), "not valid UTF-8")],
)
def test_unreadable_source_is_one_clear_line(repo, content, fragment):
    source = repo / "source" / "proposal.txt"
    before = snapshot(repo / "content" / "zh")
    if content is None:
        source.unlink()
    else:
        source.write_bytes(content)
    result = run(repo, "split")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert fragment in result.stderr and str(source) in result.stderr
    assert snapshot(repo / "content" / "zh") == before


def test_another_district_with_the_same_structure_splits_without_code_changes(tmp_path):
    root = tmp_path / "other"
    result = command(tmp_path, "new", str(root), "--source", str(ROOT / "tests/data/other_district.txt"),
                 "--boilerplate", "^【返回顶部】.*$")
    assert result.returncode == 0, result.stderr
    project = Project(root)
    assert page_names(project) == ["index", "part-01", "part-02"]
    assert generated_lines(project) == published_lines(project)
    part1 = parse_page(root / "content/zh/part-01.md")
    assert [b.id for b in part1.blocks] == ["part-1", "art-1", "art-1-p1", "art-2", "art-2-p1", "art-2-p2", "art-2-p3"]
    assert part1.block("art-2-p2").text == "——经济更强。到2025年，生产总值突破800亿。"
    part2 = parse_page(root / "content/zh/part-02.md")
    assert [b.id for b in part2.blocks] == ["part-2", "part-2-lead", "art-3", "art-3-p1", "closing"]
    assert part2.block("art-3-p1").text == "建设5G基站，发展R&D投入。"
    english = parse_page(root / "content/en/part-02.md")
    assert {b.status for b in english.blocks} == {"untranslated"}
    assert all(b.attrs.get("lang") == "zh" for b in english.blocks)
