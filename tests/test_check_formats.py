"""check --format text|json|github on copies of the repository: GitHub annotations on the right lines."""

import json

from scripts.check.report import annotation

from conftest import run, translate
from test_check_pages import block

NUMBER_ERROR = "1700亿 (170 billion) of the Chinese is missing from the English"


def plant_number_error(repo) -> int:
    """Art. 4's 170 billion written 1,700 billion, marked draft; the line of that block."""
    english = block(repo, "part-01", "art-4-p2").text
    assert "170 billion" in english
    translate(repo, "part-01", "art-4-p2", english.replace("170 billion", "1,700 billion"))
    return block(repo, "part-01", "art-4-p2").line


def test_github_format_annotates_a_planted_error_on_its_file_and_line(repo):
    line = plant_number_error(repo)
    result = run(repo, "check", "--format", "github")
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert f"::error file=content/en/part-01.md,line={line},title=[numbers]::{NUMBER_ERROR}" in annotations
    assert (f"::warning file=content/en/part-01.md,line={line},title=[draft]::"
            "1 draft block(s) not yet reviewed: art-4-p2") in annotations
    # one annotation per finding of the text format, nothing else on stdout
    text = run(repo, "check", "--format", "text").stdout.splitlines()
    assert len(annotations) == len(text) and all(a.startswith(("::error file=", "::warning file=")) for a in annotations)


def test_json_format_is_the_json_option(repo):
    plant_number_error(repo)
    old, new = run(repo, "check", "--json"), run(repo, "check", "--format", "json")
    assert (new.returncode, new.stdout) == (old.returncode, old.stdout)
    assert {f["rule"] for f in json.loads(new.stdout)} >= {"numbers", "draft"}


def test_text_is_the_default_format(repo):
    line = plant_number_error(repo)
    result = run(repo, "check")
    assert result.stdout == run(repo, "check", "--format", "text").stdout
    assert f"content/en/part-01.md:{line}: [numbers] {NUMBER_ERROR}" in result.stdout.splitlines()
    assert f"content/en/part-01.md:{line}: [draft] warning: 1 draft block(s) not yet reviewed: art-4-p2" in result.stdout.splitlines()


def test_a_bad_input_file_is_an_annotation_too(repo):
    (repo / "glossary.yml").write_text("- id: x\n  zh: 不存在的术语\n", encoding="utf-8")
    result = run(repo, "check", "--format", "github")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (error,) = result.stderr.strip().splitlines()
    assert error.startswith("error: glossary.yml:1: ") or error.startswith(f"error: {repo / 'glossary.yml'}:1: ")
    (line,) = result.stdout.splitlines()
    assert line == f"::error file=glossary.yml,line=1,title=[input]::{error.split(':1: ', 1)[1]}"


def test_annotations_escape_what_would_end_a_property_or_the_message():
    assert annotation("warning", "content/en/a,b:c.md", 3, "[x]", "50% done\r\nnext: a, b") == (
        "::warning file=content/en/a%2Cb%3Ac.md,line=3,title=[x]::50%25 done%0D%0Anext: a, b"
    )
    assert annotation("error", "glossary.yml", None, "[input]", "bad") == "::error file=glossary.yml,title=[input]::bad"
