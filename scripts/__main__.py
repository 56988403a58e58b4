"""``python -m scripts <command>``: the project's command line."""

from __future__ import annotations

import importlib
import sys

from .errors import InputError

#: command name -> (module in this package, one-line help)
COMMANDS = {
    "new": ("new", "start the publication of another proposal: new DIR --source FILE"),
    "split": ("split", "generate content/zh/ (and English placeholders) from source/"),
    "glossary": ("glossary.command", "validate glossary.yml against the source; --export DIR writes CSV and TBX"),
    "mark": ("mark", "record English blocks as draft or reviewed against the current Chinese"),
    "check": ("check", "report alignment, number, term, text, status and safety problems (file:line: [rule])"),
    "pr-summary": ("pr_summary", "Markdown summary of a pull request: English blocks changed against --base, check results"),
    "targets": ("targets", "check targets.yml against the source (quotes, values, baselines)"),
    "translate": ("translate.command", "machine drafts (or --review) of English blocks via an OpenAI-compatible endpoint"),
    "xliff": ("xliff.command", "CAT tools: export blocks as XLIFF 1.2, import changed targets as draft, tmx of reviewed blocks"),
    "pdf": ("pdf.command", "the whole document as PDFs (Chinese, English, bilingual) into the built site: run after mkdocs build"),
}


def usage() -> str:
    lines = ["usage: python -m scripts <command> [options]", "", "commands:"]
    lines += [f"  {name:<10} {help_text}" for name, (_, help_text) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print(usage(), file=sys.stderr if argv and argv[0] not in ("-h", "--help") else sys.stdout)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(f".{COMMANDS[argv[0]][0]}", __package__)
    try:
        return module.main(argv[1:])
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
