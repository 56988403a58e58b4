"""The built site (a real `mkdocs build --strict` of a copy): targets tables in both editions, links to
article ids, the lists on the part pages, the chart, and targets.csv / targets.json against targets.yml."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml

from scripts.project import Project
from scripts.pages import article_pages
from scripts.punctuation import to_full_width
from sitepages import load, resolve

EDITIONS = {"zh": "", "en": "en/"}  # language -> URL prefix


@pytest.fixture(scope="module")
def entries(built):
    return yaml.safe_load((built / "targets.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pages_of(built):
    return article_pages(Project(built).document())


def targets_page(built, lang):
    url = EDITIONS[lang] + "targets/"
    return url, load(built / "site" / url / "index.html")


def body_rows(page):
    """Table rows that hold cells (not header rows), keyed by the first anchor id in the first cell."""
    return {row[0].ids[0]: row for row in page.rows if row and row[0].ids}


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_entry_has_a_row_and_every_target_its_own(built, entries, lang):
    _, page = targets_page(built, lang)
    assert page.lang == lang
    anchors = {i for row in page.rows for cell in row[:1] for i in cell.ids if not i.startswith("fnref:")}
    assert anchors == {e["id"] for e in entries}
    assert set(body_rows(page)) >= {e["id"] for e in entries if e["kind"] == "target"}


@pytest.mark.parametrize("lang", EDITIONS)
def test_rows_show_the_statement_in_the_edition_language(built, entries, lang):
    _, page = targets_page(built, lang)
    rows = body_rows(page)
    for e in entries:
        if e["id"] in rows:
            expected = to_full_width(e["quote"]) if lang == "zh" else e["statement_en"]
            assert rows[e["id"]][1].text == expected
            assert rows[e["id"]][0].text.startswith(e[f"indicator_{lang}"])


@pytest.mark.parametrize("lang", EDITIONS)
def test_baseline_and_target_side_by_side_with_implied_growth(built, entries, lang):
    _, page = targets_page(built, lang)
    rows = body_rows(page)
    by_id = {e["id"]: e for e in entries}
    with_baseline = [e for e in entries if "baseline" in e]
    assert with_baseline
    for e in with_baseline:
        base = by_id[e["baseline"]]
        cells = [c.text for c in rows[e["id"]]]
        assert base["id"] in rows[e["id"]][0].ids
        assert str(base["year"]) in cells[2] and cells[3] not in ("", "—")
        if e["unit"] == "yuan":
            growth = (e["value"] / base["value"]) ** (1 / (e["year"] - base["year"])) - 1
            assert f"{growth:.1%}" in cells[5]
        else:
            assert cells[5] == "—"
    for e in entries:
        if "growth" in e and e["id"] in rows:
            assert rows[e["id"]][5].text != "—", e["id"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_article_links_land_on_existing_ids_of_the_right_part_page(built, entries, pages_of, lang):
    url, page = targets_page(built, lang)
    rows = body_rows(page)
    for e in entries:
        if e["id"] not in rows:
            continue
        (link,) = rows[e["id"]][-1].links
        path, anchor = resolve(built / "site", url, link)
        assert path == built / "site" / (EDITIONS[lang] + pages_of[e["article"]]) / "index.html"
        assert anchor == f"art-{e['article']}" and anchor in load(path).ids


@pytest.mark.parametrize("lang", EDITIONS)
def test_part_pages_list_their_targets_after_the_last_block(built, entries, pages_of, lang):
    site = built / "site"
    for name in sorted(set(pages_of.values())):
        url = EDITIONS[lang] + name + "/"
        html = (site / url / "index.html").read_text(encoding="utf-8")
        stated = [e["id"] for e in entries if pages_of[e["article"]] == name]
        if not stated:
            assert 'id="targets-in-part"' not in html
            continue
        article = html.index('<article')
        list_at = html.index('id="targets-in-part"', article)
        block_ids = re.findall(r'id="((?:art|part|closing)[\w-]*)"', html[article:])
        assert block_ids and html.index(f'id="{block_ids[-1]}"', article) < list_at
        links = [l for l in load(site / url / "index.html").links if "targets/#" in l]
        assert [l.split("#")[1] for l in links] == stated
        for link in links:
            path, anchor = resolve(site, url, link)
            assert anchor in load(path).ids


@pytest.mark.parametrize("lang", EDITIONS)
def test_download_links_resolve_to_the_generated_files(built, lang):
    url, page = targets_page(built, lang)
    downloads = [l for l in page.links if l.endswith((".csv", ".json"))]
    assert sorted(l.rsplit("/", 1)[1] for l in downloads) == ["targets.csv", "targets.json"]
    for link in downloads:
        path, _ = resolve(built / "site", url, link)
        assert path.parent == built / "site" and path.is_file()
    assert not (built / "site" / "en" / "targets.csv").exists()


@pytest.mark.parametrize("lang", EDITIONS)
def test_chart_is_inline_accessible_svg_with_the_numbers_as_text(built, entries, lang):
    url, _ = targets_page(built, lang)
    html = (built / "site" / url / "index.html").read_text(encoding="utf-8")
    figure = html.index('<figure class="targets-chart">')
    svg = html[html.index("<svg", figure): html.index("</svg>", figure)]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "<script" not in svg and "href" not in svg
    by_id = {e["id"]: e for e in entries}
    pairs = [(by_id[e["baseline"]], e) for e in entries if "baseline" in e and e["unit"] == "yuan"]
    assert pairs
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    for pair in pairs:
        for e in pair:
            written = e["value_zh"] if lang == "zh" else english_amount(e["value"])
            assert sum(written in t for t in texts) == 1, (e["id"], written)
            assert written in svg[svg.index("<desc"):svg.index("</desc>")]


def english_amount(value):
    return f"{value / 10**9:g} billion" if value >= 10**9 else f"{value:,}"


def test_json_holds_every_entry_with_both_languages(built, entries):
    data = json.loads((built / "site" / "targets.json").read_text(encoding="utf-8"))
    rows = data["targets"]
    assert [r["id"] for r in rows] == [e["id"] for e in entries]
    by_id = {e["id"]: e for e in entries}
    for row, e in zip(rows, entries):
        for key in ("kind", "article", "value_zh", "value", "unit", "comparator", "year", "category",
                    "indicator_zh", "indicator_en", "attribute", "statement_en"):
            assert row[key] == e[key], (e["id"], key)
        assert row["quote_zh"] == to_full_width(e["quote"])
        assert row["note"] == e.get("note")
        base = by_id.get(e.get("baseline"))
        assert (row["baseline_id"], row["baseline_value"], row["baseline_year"]) == (
            (base["id"], base["value"], base["year"]) if base else (None, None, None))
        assert row["target_zh"] and row["target_en"] and row["category_zh"] and row["category_en"]


def test_csv_has_the_same_records_as_the_json(built):
    data = json.loads((built / "site" / "targets.json").read_text(encoding="utf-8"))
    text = (built / "site" / "targets.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == data["columns"]
    assert len(rows) == len(data["targets"])
    for row, record in zip(rows, data["targets"]):
        assert row == {k: "" if v is None else str(v) for k, v in record.items()}


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_cell_carries_its_column_name_for_phones(built, lang):
    """Phones show each row as a card whose lines are headed by the column's name (scripts/assets/glossary.css)."""
    _, page = targets_page(built, lang)
    header = [cell.text for cell in page.rows[0]]
    rows = list(body_rows(page).values())
    assert rows and all([cell.label for cell in row[1:]] == header[1:] for row in rows)
