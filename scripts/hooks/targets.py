"""Hook: targets.yml on the site.

- ``targets.md`` (each edition) gets its tables, chart and download links after its heading;
- each part page gets the list of targets stated in it, after its last block (``#targets-in-part``);
- ``targets.csv`` and ``targets.json`` are written once, into the root of the site.

The language is the page's own (``page.file.locale``, set by mkdocs-static-i18n), so the hook works the
same in the plugin's Chinese build and in its nested English build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.atomic import write_files
from scripts.hooks.support import input_errors_stop_the_build, is_final_build, page_locale, project_of
from scripts.targets.chart import chart
from scripts.targets.export import records, to_csv, to_json
from scripts.targets.format import PLACEHOLDER
from scripts.targets.views import labels, part_items, sections
from scripts.targets import load_project
from scripts.templating import render

PART_PAGE = re.compile(r"^part-\d+$")
CSV, JSON = "targets.csv", "targets.json"

_data: dict = {}


def on_config(config):
    with input_errors_stop_the_build():
        project = project_of(config)
        _data["targets"], _data["document"] = load_project(project)
        _data["info"] = project.info.targets


def on_page_markdown(markdown, page, config, files):
    lang = page_locale(page)
    name = Path(page.file.src_uri).stem
    targets, document, info = _data["targets"], _data["document"], _data["info"]
    words = labels(lang, info)
    if name == "targets":
        added = render(
            "targets_page.md.j2",
            labels=words,
            lang=lang,
            placeholder=PLACEHOLDER,
            tables=sections(targets, document, lang, info),
            chart=chart(targets, lang, info, words).strip(),
            csv_url=get_relative_url(CSV, page.url),
            json_url=get_relative_url(JSON, page.url),
        )
    elif PART_PAGE.match(name) and (items := part_items(targets, document, name, lang)):
        added = render("targets_part.md.j2", labels=words, items=items)
    else:
        return markdown
    return markdown.rstrip("\n") + "\n\n" + added


def on_post_build(config):
    if not is_final_build(config):
        return
    rows = records(_data["targets"], _data["document"], _data["info"].categories)
    site = Path(config.site_dir)
    write_files({site / CSV: to_csv(rows), site / JSON: to_json(rows)})
