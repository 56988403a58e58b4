"""The toolchain serves any proposal of the genre: no document-specific name in code, templates or site config."""

import re
import subprocess

from conftest import ROOT

#: The Lucheng publication's own names, in both languages.
DOCUMENT_NAMES = re.compile(r"鹿城|温州|Lucheng|Wenzhou|lucheng|wenzhou")
#: Where the names may appear: the publication's data and content, its tests and the records of its work.
DATA_AND_CONTENT = ("content/", "source/", "publication.yml", "glossary.yml", "targets.yml", "phrasebook.yml",
                    "docs/", "tests/", "README.md", "CONTRIBUTING.md", "benchmarks/", ".github/ISSUE_TEMPLATE/", "search-synonyms.yml")


def tracked_files() -> list[str]:
    listing = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [name for name in listing.splitlines() if not name.startswith(DATA_AND_CONTENT)]


def test_no_document_specific_name_outside_data_and_content():
    files = tracked_files()
    assert any(name.startswith("scripts/") for name in files) and "mkdocs.yml" in files
    found = [
        f"{name}:{number}: {line.strip()[:80]}"
        for name in files
        if (ROOT / name).is_file()
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if DOCUMENT_NAMES.search(line)
    ]
    assert found == []
