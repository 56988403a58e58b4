"""Bad targets.yml input fails with ``file:line: message``: from the loader, the CLI and the site build."""

from __future__ import annotations


import pytest

from conftest import mkdocs_build, run
from scripts.errors import InputError
from scripts.project import Project
from scripts.targets import load_targets

GOOD = """\
- id: gdp-2020
  kind: baseline
  article: 1
  quote: 2020年生产总值达到1200亿元左右
  value_zh: 1200亿
  value: 120000000000
  unit: yuan
  comparator: about
  year: 2020
  category: economy
  indicator_zh: 地区生产总值
  indicator_en: Gross domestic product (GDP)
  attribute: not stated
  statement_en: In 2020 GDP is expected to reach about 120 billion yuan.

- id: gdp-2025
  kind: target
  article: 4
  quote: 到2025年,地区生产总值突破1700亿
  value_zh: 1700亿
  value: 170000000000
  unit: yuan
  comparator: exceed
  year: 2025
  baseline: gdp-2020
  category: economy
  indicator_zh: 地区生产总值
  indicator_en: Gross domestic product (GDP)
  attribute: not stated
  statement_en: By 2025 GDP will exceed 170 billion yuan.
"""

#: name -> (the change to GOOD, text of the line it must be reported at (the last line with it; default: the
#: changed line), words in the message)
BAD = {
    "quote not in the article": (("article: 4", "article: 5"), "quote: 到2025年", "does not occur in article 5"),
    "misquoted": (("突破1700亿", "突破1800亿"), None, "quote does not occur"),
    "wrong value": (("value: 170000000000", "value: 17000000000"), None, "does not match the quote"),
    "value_zh not in the quote": (("value_zh: 1700亿", "value_zh: 1800亿"), None, "does not occur in the quote"),
    "unknown field": (("  category: economy\n  indicator_zh: 地区生产总值\n  indicator_en: Gross domestic product (GDP)\n  attribute: not stated\n  statement_en: By",
                       "  category: economy\n  indicator_zh: 地区生产总值\n  indicator_en: Gross domestic product (GDP)\n  attribute: not stated\n  colour: red\n  statement_en: By"),
                      "colour: red", "unknown field 'colour'"),
    "duplicate id": (("id: gdp-2025", "id: gdp-2020"), None, "duplicate id 'gdp-2020'"),
    "YAML syntax error": (("  unit: yuan\n  comparator: exceed", "  unit: [yuan\n  comparator: exceed"), "comparator: exceed", "YAML syntax error"),
    "unknown unit": (("unit: yuan\n  comparator: exceed", "unit: dollars\n  comparator: exceed"), "unit: dollars", "unknown unit 'dollars'"),
    "baseline is not a baseline": (("baseline: gdp-2020", "baseline: gdp-2025"), None, "not the id of a baseline entry"),
    "year is not a year": (("year: 2025", "year: soon"), None, "year must be a year"),
    "note without note_zh": (("  attribute: not stated\n  statement_en: By", "  attribute: not stated\n  note: Yuan is read as meant.\n  statement_en: By"),
                             "note: Yuan", "note without note_zh"),
    "note_zh without note": (("  attribute: not stated\n  statement_en: By", "  attribute: not stated\n  note_zh: 按本意读作元。\n  statement_en: By"),
                             "note_zh: 按本意", "note_zh without note"),
}


def bad_file(tmp_path, name: str):
    (old, new), report_at, message = BAD[name]
    assert GOOD.count(old) == 1
    text = GOOD.replace(old, new)
    marker = report_at or new.splitlines()[0]
    line = max(number for number, text_line in enumerate(text.splitlines(), 1) if marker in text_line)
    path = tmp_path / "targets.yml"
    path.write_text(text, encoding="utf-8")
    return path, line, message


PROJECT = Project()


def test_the_good_example_loads(tmp_path):
    path = tmp_path / "targets.yml"
    path.write_text(GOOD, encoding="utf-8")
    targets = load_targets(path, PROJECT.document(), PROJECT.info.targets.categories)
    assert [t.id for t in targets] == ["gdp-2020", "gdp-2025"] and targets[1].baseline is targets[0]


@pytest.mark.parametrize("name", BAD)
def test_loader_names_file_and_line(tmp_path, name):
    path, line, message = bad_file(tmp_path, name)
    with pytest.raises(InputError) as caught:
        load_targets(path, PROJECT.document(), PROJECT.info.targets.categories)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert message in caught.value.message


@pytest.mark.parametrize("name", ["wrong value", "YAML syntax error", "note without note_zh"])
def test_cli_exits_non_zero_with_file_and_line(repo, name):
    path, line, message = bad_file(repo, name)
    result = run(repo, "targets")
    assert result.returncode == 1
    assert f"{path}:{line}: " in result.stderr and message in result.stderr


def test_cli_reports_the_real_file_as_good(repo):
    result = run(repo, "targets")
    assert result.returncode == 0, result.stderr
    assert "targets.yml:" in result.stdout


def test_site_build_fails_on_a_bad_quote(repo):
    path, line, message = bad_file(repo, "misquoted")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0
    assert f"targets.yml:{line}: " in result.stderr and message in result.stderr


def test_a_chart_category_that_is_not_a_category_is_named_with_its_line(repo):
    publication = repo / "publication.yml"
    lines = publication.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.lstrip().startswith("chart_categories:"))
    lines[line - 1] = "  chart_categories: [economy, industy]"
    publication.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(repo, "targets")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"publication.yml:{line}: " in result.stderr and "industy" in result.stderr
