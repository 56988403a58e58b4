"""A truncated or altered source is refused: publication.yml, split --accept, removed pages, invisible characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, edit, run
from scripts.blocks import parse_page
from scripts.publication import load_publication
from scripts.source import parse

ACCEPT_HINT = "if the change is deliberate, run python -m scripts split --accept"


def snapshot(repo: Path) -> dict[str, bytes]:
    """Every file split may write or remove."""
    files = [*sorted((repo / "content").rglob("*.md")), repo / "publication.yml"]
    return {str(p.relative_to(repo)): p.read_bytes() for p in files}


def cut_after(repo: Path, line_number: int) -> None:
    """Keep the source's first ``line_number`` lines, as a download cut off there would."""
    source = repo / "source/proposal.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    source.write_text("\n".join(lines[:line_number]) + "\n", encoding="utf-8")


def refused(result) -> str:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    return message


def test_a_source_cut_off_in_part_7_is_refused_by_split_and_split_check(repo):
    cut_after(repo, 166)  # after article 32, in part 七 (articles 30-34)
    before = snapshot(repo)
    expected = (
        "error: source/proposal.txt:166: source ends in part 七 (line 154) after article 32 (line 166): "
        "expected 11 parts, 52 articles and a closing paragraph (publication.yml); "
        f"found 7 parts, 32 articles and no closing paragraph; {ACCEPT_HINT}"
    )
    assert refused(run(repo, "split")) == expected
    assert refused(run(repo, "split", "--check")) == expected
    assert snapshot(repo) == before


def test_a_one_character_correction_is_refused_then_accepted(repo):
    source = repo / "source/proposal.txt"
    assert source.read_text(encoding="utf-8").split("\n")[159].startswith("30.合力共筑城市精神家园。")
    publication = (repo / "publication.yml").read_text(encoding="utf-8")
    before = snapshot(repo)
    edit(source, "30.合力共筑城市精神家园。", "30.合力共筑城市精神家圆。")

    message = refused(run(repo, "split"))
    assert message.startswith("error: source/proposal.txt:160: the text differs from the published Chinese edition (content/zh/) at line 160;")
    assert message.endswith(f"structure unchanged (11 parts, 52 articles and a closing paragraph); {ACCEPT_HINT}")
    assert refused(run(repo, "split", "--check")) == message
    assert snapshot(repo) == before

    result = run(repo, "split", "--accept")
    assert result.returncode == 0, result.stderr
    assert "publication.yml: accepted source/proposal.txt with 11 parts, 52 articles and a closing paragraph" in result.stdout
    assert parse_page(repo / "content/zh/part-07.md").block("art-30").text == "30. 合力共筑城市精神家圆"
    changed = {name for name, data in snapshot(repo).items() if before[name] != data}
    assert changed == {"content/zh/part-07.md", "publication.yml"}  # the reviewed English is left to go stale
    new_publication = (repo / "publication.yml").read_text(encoding="utf-8")
    assert load_publication(repo / "publication.yml").structure.sha256 == parse(source).digest
    assert [l for l in new_publication.splitlines() if "sha256" not in l] == [l for l in publication.splitlines() if "sha256" not in l]
    assert run(repo, "split", "--check").returncode == 0


@pytest.mark.parametrize(
    "character, description",
    [
        ("\0", "NUL byte (U+0000)"),
        ("\u202e", "bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "bidirectional control character U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u200b", "invisible character U+200B ZERO WIDTH SPACE"),
        ("\ufeff", "invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_an_invisible_character_before_a_heading_is_reported_at_its_line(repo, character, description):
    """Before 七、 (line 154) a zero-width space used to merge part 7 into part 6 and be reported at 八、 (line 175)."""
    source = repo / "source/proposal.txt"
    edit(source, "七、深入实施文化强区战略", f"{character}七、深入实施文化强区战略")
    before = snapshot(repo)
    message = refused(run(repo, "split"))
    assert message == f"error: {source}:154: {description} at column 1; delete it (it cannot be seen but changes the text)"
    assert snapshot(repo) == before


def test_an_invisible_character_inside_a_line_names_its_column(repo):
    source = repo / "source/proposal.txt"
    edit(source, "30.合力共筑城市精神家园。", "30.合力共筑\u200d城市精神家园。")
    assert f"{source}:160: invisible character U+200D ZERO WIDTH JOINER at column 8;" in refused(run(repo, "split"))


def test_an_oversize_source_is_refused_with_the_limit(repo):
    source = repo / "source/proposal.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text * 11, encoding="utf-8")
    size = source.stat().st_size
    message = refused(run(repo, "split"))
    assert message == (
        f"error: {source}: source file is {size:,} bytes, over the limit of 600,000 bytes "
        "(MAX_SOURCE_BYTES in scripts/source.py); is it the right file?"
    )


def test_accepting_a_shorter_source_refuses_to_lose_translated_english_then_drops_it_when_told(repo):
    source = repo / "source/proposal.txt"
    cut_after(repo, 214 - 1)  # parts 一 to 九: parts 10 and 11 are gone, with the closing paragraph
    english = {n: parse_page(repo / f"content/en/part-{n}.md") for n in ("10", "11")}
    before = snapshot(repo)

    message = refused(run(repo, "split", "--accept"))
    assert message.startswith("error: content/en/part-10.md:1: the source no longer produces this page's Chinese page; its translated blocks would be lost: ")
    for page in english.values():
        for block in page.blocks:
            assert f"{block.id} ({block.status})" in message
    assert "content/en/part-11.md: part-11 (reviewed)" in message
    assert message.endswith("keep the source, or run python -m scripts split --accept --drop-english to delete them")
    assert snapshot(repo) == before

    result = run(repo, "split", "--accept", "--drop-english")
    assert result.returncode == 0, result.stderr
    for edition in ("zh", "en"):
        for n in ("10", "11"):
            assert f"split: removed content/{edition}/part-{n}.md (the source no longer produces it)" in result.stdout
            assert not (repo / f"content/{edition}/part-{n}.md").exists()
    assert load_publication(repo / "publication.yml").structure.outline() == (9, 43, False)
    assert parse(source).digest == load_publication(repo / "publication.yml").structure.sha256
    assert run(repo, "split", "--check").returncode == 0


def test_an_untranslated_english_page_goes_with_its_chinese_page(repo):
    (repo / "content/en/part-11.md").unlink()
    assert run(repo, "split").returncode == 0  # placeholders again: every block untranslated
    cut_after(repo, 232 - 1)  # parts 一 to 十
    assert refused(run(repo, "split")).startswith("error: source/proposal.txt:")

    result = run(repo, "split", "--accept")
    assert result.returncode == 0, result.stderr
    for edition in ("zh", "en"):
        assert f"split: removed content/{edition}/part-11.md (the source no longer produces it)" in result.stdout
        assert not (repo / f"content/{edition}/part-11.md").exists()
    assert (repo / "content/en/part-10.md").exists()
    assert load_publication(repo / "publication.yml").structure.outline() == (10, 47, False)


def test_split_check_names_a_page_the_source_no_longer_produces(repo):
    stray = repo / "content/zh/part-12.md"
    stray.write_text((repo / "content/zh/part-11.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = run(repo, "split", "--check")
    assert result.returncode == 1
    assert result.stdout == "content/zh/part-12.md: source/proposal.txt no longer produces this page; run python -m scripts split\n"
    result = run(repo, "split")
    assert result.returncode == 0 and "split: removed content/zh/part-12.md" in result.stdout
    assert not stray.exists()


def test_check_lists_the_translated_blocks_of_an_english_page_without_its_chinese_page(repo):
    (repo / "content/zh/part-11.md").unlink()
    result = run(repo, "check")
    assert result.returncode == 1
    (finding,) = [l for l in result.stdout.splitlines() if l.startswith("content/en/part-11.md:1: [alignment]")]
    blocks = parse_page(repo / "content/en/part-11.md").blocks
    assert finding == (
        "content/en/part-11.md:1: [alignment] English page part-11 has no Chinese page; its translated blocks would be lost: "
        + ", ".join(f"{b.id} ({b.status})" for b in blocks)
    )


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("structure:\n  parts: 11\n  chapters: 3\n", 3, "unknown field 'chapters' (known: parts, articles, closing, sha256)"),
        ("# the publication\ntitle: 建议\n", 2, "unknown field 'title' (known: structure)"),
        ("structure:\n  parts: eleven\n", 2, "field 'parts' must be a whole number"),
        ("structure:\n  closing: 1\n", 2, "field 'closing' must be true or false"),
        ("structure: [11, 52]\n", 1, "field 'structure' must be a mapping"),
        ("structure:\n  parts: 11\n  articles: [52\n", 4, "YAML syntax error"),
        ("structure:\n  parts: 11\n  articles: 52\n  closing: true\n", 2, "missing required field 'sha256'"),
        ("structure:\n  parts: 11\n  articles: 52\n  closing: true\n  sha256: abc\n", 5, "sha256 must be 64 lower-case hexadecimal digits"),
    ],
)
def test_a_malformed_publication_file_is_reported_with_its_line(repo, text, line, message):
    (repo / "publication.yml").write_text(text, encoding="utf-8")
    before = snapshot(repo)
    for args in (["split"], ["split", "--accept"]):
        reported = refused(run(repo, *args))
        assert reported.startswith(f"error: {repo / 'publication.yml'}:{line}: {message}"), reported
    assert snapshot(repo) == before


def test_without_an_accepted_structure_split_refuses_and_accept_records_it(repo):
    (repo / "publication.yml").write_text("# the publication\n", encoding="utf-8")
    message = refused(run(repo, "split"))
    assert message == (
        "error: publication.yml: no accepted structure of source/proposal.txt (structure: parts, articles, closing, sha256); "
        "if the source is right, run python -m scripts split --accept"
    )
    assert run(repo, "split", "--accept").returncode == 0
    text = (repo / "publication.yml").read_text(encoding="utf-8")
    assert text.startswith("# the publication\nstructure:")
    assert load_publication(repo / "publication.yml").structure.outline() == (11, 52, True)
    assert run(repo, "split", "--check").returncode == 0


def test_the_first_split_of_a_new_project_accepts_its_source(tmp_path):
    """A folder with only a source: nothing published yet, so the first split records what it accepts."""
    root = tmp_path / "other"
    (root / "source").mkdir(parents=True)
    (root / "source/proposal.txt").write_text((ROOT / "tests/data/other_district.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run(root, "split", "--check")
    assert result.returncode == 1 and "publication.yml: differs from what source/proposal.txt produces" in result.stdout
    result = run(root, "split")
    assert result.returncode == 0, result.stderr
    assert "split: publication.yml: accepted source/proposal.txt with 2 parts, 3 articles and a closing paragraph" in result.stdout
    structure = load_publication(root / "publication.yml").structure
    assert structure.outline() == (2, 3, True) and structure.sha256 == parse(root / "source/proposal.txt").digest
    edit(root / "source/proposal.txt", "生产总值突破800亿", "生产总值突破900亿")
    assert refused(run(root, "split")).startswith("error: source/proposal.txt:")
