"""The built site (a real `mkdocs build --strict` of a copy): targets tables in both editions, links to
article ids, the lists on the part pages, the chart, and targets.csv / targets.json against targets.yml."""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape as html_escape

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from scripts.project import Project
from scripts.pages import article_pages
from scripts.punctuation import to_full_width
from conftest import ROOT
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


def columns(row):
    """A body row's cells by column name (each cell carries its column's name for phones; the first is the indicator)."""
    return {"indicator": row[0], **{cell.label: cell for cell in row[1:]}}


def tables(page):
    """Each table of the page as (header texts, body rows)."""
    found = []
    for row in page.rows:
        if row and not row[0].ids:  # a header row starts a table
            found.append(([c.text.strip() for c in row], []))
        elif row:
            found[-1][1].append(row)
    return found


def words(lang):
    return yaml.safe_load((ROOT / "scripts/templates/targets_labels.yml").read_text(encoding="utf-8"))[lang]


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
    label = words(lang)
    by_id = {e["id"]: e for e in entries}
    with_baseline = [e for e in entries if "baseline" in e]
    assert with_baseline
    for e in with_baseline:
        base = by_id[e["baseline"]]
        cells = {name: cell.text for name, cell in columns(rows[e["id"]]).items()}
        assert base["id"] in rows[e["id"]][0].ids
        assert str(base["year"]) in cells[label["baseline"]] and cells[label["target"]] not in ("", "—")
        if e["unit"] == "yuan":
            growth = (e["value"] / base["value"]) ** (1 / (e["year"] - base["year"])) - 1
            assert f"{growth:.1%}" in cells[label["growth"]]
        else:
            assert cells[label["growth"]] == "—"
    for e in entries:
        if "growth" in e and e["id"] in rows:
            assert columns(rows[e["id"]])[label["growth"]].text != "—", e["id"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_no_table_has_a_column_that_says_nothing_but_the_downloads_keep_every_field(built, entries, lang):
    """A column with the same value in every row of a table (of two rows or more) is left out and said once
    in words; the attribute, "not stated" for every entry, is left out of every table."""
    _, page = targets_page(built, lang)
    label = words(lang)
    found = tables(page)
    assert len(found) >= 2
    for header, rows in found:
        assert label["attribute"] not in header
        if len(rows) > 1:
            for index in range(1, len(header) - 1):
                assert len({row[index].text for row in rows}) > 1, (header, index)
    assert {e["attribute"] for e in entries} == {"not stated"}
    html = (built / "site" / targets_page(built, lang)[0] / "index.html").read_text(encoding="utf-8")
    assert f"{label['attribute']}{'：' if lang == 'zh' else ': '}{'未说明' if lang == 'zh' else 'not stated'}" in html
    data = json.loads((built / "site" / "targets.json").read_text(encoding="utf-8"))
    assert "attribute" in data["columns"] and all(row["attribute"] == "not stated" for row in data["targets"])
    header = (built / "site" / "targets.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "attribute" in header


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
    # the industry and innovation targets of the target year, in money and in percent, are drawn too
    charted = set(yaml.safe_load((built / "publication.yml").read_text(encoding="utf-8"))["targets"]["chart_categories"])
    singles = [e for e in entries if e["kind"] == "target" and "baseline" not in e and e["year"] == 2025
               and e["unit"] in ("yuan", "percent") and e["category"] in charted]
    assert {e["category"] for e in singles} >= {"industry", "innovation"}
    for e in singles:
        written = e["value_zh"] if lang == "zh" else (english_amount(e["value"]) if e["unit"] == "yuan" else f"{e['value']:g}%")
        assert any(written in t for t in texts), (e["id"], written)
        assert html_escape(e[f"indicator_{lang}"], quote=False) in svg[svg.index("<desc"):svg.index("</desc>")]


HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]+(?:[ ,;'-]+[A-Za-z]+){2,}")  # three English words in a row


def footnotes(built, lang):
    """id -> (text, backlink title) of each footnote of the edition's targets page."""
    url, _ = targets_page(built, lang)
    tree = LexborHTMLParser((built / "site" / url / "index.html").read_text(encoding="utf-8"))
    found = {}
    for item in tree.css("article .footnote li"):
        backlink = item.css_first(".footnote-backref")
        title = backlink.attributes.get("title", "")
        backlink.decompose()
        found[item.id.removeprefix("fn:")] = (item.text().strip(), title)
    return found


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_note_is_a_footnote_in_the_edition_language(built, entries, lang):
    """A row's footnote holds its baseline's note and its own, in the page's language: plain Chinese (no
    English sentence) on the Chinese page, the English note on the English page; the link back too."""
    notes = footnotes(built, lang)
    by_id = {e["id"]: e for e in entries}
    key, joiner = ("note_zh", "") if lang == "zh" else ("note", " ")
    expected = {}
    for e in entries:
        shown = [by_id[e["baseline"]]] if "baseline" in e else []
        if e["kind"] == "target" or not any(x.get("baseline") == e["id"] for x in entries):
            if text := joiner.join(n[key] for n in shown + [e] if key in n):
                expected[e["id"]] = text
    assert len(expected) >= 30 and {i: text for i, (text, _) in notes.items()} == expected
    for note, title in notes.values():
        for words in (note, title):
            if lang == "zh":
                assert HAN.search(words) and not ENGLISH_SENTENCE.search(words), words
            else:
                assert ENGLISH_SENTENCE.search(words), words


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
        assert (row["note"], row["note_zh"]) == (e.get("note"), e.get("note_zh"))
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
    found = tables(page)
    assert found and all(rows for _, rows in found)
    for header, rows in found:
        assert all([cell.label for cell in row[1:]] == header[1:] for row in rows)


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("lang", EDITIONS)
def test_the_page_fits_the_screen_and_the_chart_text_is_legible(browser, site_url, lang, width):
    """No sideways scrolling of the page or of a table, on a phone (cards) and on a laptop (compact
    columns); the chart's text at least 12 px as rendered (its SVG is never scaled down)."""
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
    tab = context.new_page()
    tab.goto(f"{site_url}/{EDITIONS[lang]}targets/")
    measured = tab.evaluate("""() => ({
        page: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('article table')].map(t => t.closest('.md-typeset__scrollwrap') || t)
            .map(box => box.scrollWidth - box.clientWidth),
        text: [...document.querySelectorAll('svg.targets-chart text')].map(t => {
            const box = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
            return {size: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, right: box.right - svg.right};
        }),
        empty: [...document.querySelectorAll('article td:has(> .cell-empty)')].map(td => td.getClientRects().length > 0),
    })""")
    context.close()
    assert measured["page"] <= width
    assert measured["tables"] and max(measured["tables"]) <= 0
    assert len(measured["text"]) >= 10
    assert min(t["size"] for t in measured["text"]) >= 12
    assert max(t["right"] for t in measured["text"]) <= 0  # no label runs out of the chart
    # a cell with nothing to say ("—") is a line of a phone's card only on wider screens, where it keeps its column
    assert measured["empty"] and set(measured["empty"]) == {not phone}
