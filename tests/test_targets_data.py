"""targets.yml against the source: every quote is in its article, every value is the quote's number."""

from __future__ import annotations

import math
import re

import cn2an
import pytest
import yaml

from scripts.numerals import to_number
from scripts.project import Project
from scripts.punctuation import to_full_width
from scripts.source import articles, read_lines
from scripts.targets import load_project

PROJECT = Project()
ENTRIES = yaml.safe_load(PROJECT.targets.read_text(encoding="utf-8"))
DOCUMENT = PROJECT.document()
ARTICLES = articles(DOCUMENT)


def entry_id(entry):
    return entry["id"]


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_quote_is_in_the_stated_article_and_nowhere_else(entry):
    quote = to_full_width(entry["quote"])
    found_in = [n for n, (_, article) in ARTICLES.items() if quote in article.text]
    assert entry["article"] in found_in, f"{entry['id']}: quote not in article {entry['article']} (found in {found_in})"


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_quote_is_verbatim_in_the_published_source(entry):
    """The quote keeps the source's own ASCII punctuation: it is a substring of one raw source line."""
    raw = PROJECT.source.read_text(encoding="utf-8-sig").splitlines()
    assert any(entry["quote"] in line for line in raw)


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_value_is_the_number_written_in_the_quote(entry):
    assert entry["value_zh"] in entry["quote"]
    assert math.isclose(to_number(entry["value_zh"]), entry["value"])


@pytest.mark.parametrize(
    "written, value",
    [("1700亿", 170_000_000_000), ("1200亿", 120_000_000_000), ("1000亿", 100_000_000_000), ("400亿", 40_000_000_000),
     ("100亿", 10_000_000_000), ("10亿", 1_000_000_000), ("12万", 120_000), ("9.3万", 93_000), ("15万", 150_000),
     ("5万", 50_000), ("千亿", 100_000_000_000), ("亿", 100_000_000), ("第三", 3), ("23.5%", 23.5), ("半", 0.5)],
)
def test_chinese_numbers_convert_like_the_house_style_says(written, value):
    assert to_number(written) == value


@pytest.mark.parametrize("entry", [e for e in ENTRIES if re.fullmatch(r"[\d.]+[万亿]?", e["value_zh"])], ids=entry_id)
def test_cn2an_agrees_on_every_plain_number(entry):
    assert math.isclose(cn2an.cn2an(entry["value_zh"], "smart"), entry["value"])


def test_every_money_figure_of_the_proposal_is_entered():
    """Each amount in 亿 or 万 (1700亿，/ 9.3万元) in the proposal has an entry quoting it."""
    text = "\n".join(line.text for line in read_lines(PROJECT.source, PROJECT.info.boilerplate))
    amounts = set(re.findall(r"(\d+(?:\.\d+)?[万亿])(?:元|，)", text))
    assert amounts
    entered = {e["value_zh"] for e in ENTRIES if e["unit"] == "yuan"}
    assert amounts - entered == set()


def test_every_percentage_of_the_proposal_is_entered():
    text = "\n".join(line.text for line in read_lines(PROJECT.source, PROJECT.info.boilerplate))
    percentages = set(re.findall(r"\d+(?:\.\d+)?%", text))
    assert percentages and percentages <= {e["value_zh"] for e in ENTRIES}


def test_the_2020_figures_are_baselines_of_the_2025_targets():
    targets, _ = load_project(PROJECT)
    paired = {t.baseline.id: t for t in targets if t.baseline}
    for base in (t for t in targets if t.kind == "baseline" and t.id in paired):
        assert base.year == 2020 and base.article == 1
        assert paired[base.id].year == 2025 and paired[base.id].unit == base.unit
