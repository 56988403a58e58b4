"""``python -m scripts translate [PAGE | PAGE:ID …]``: machine drafts through an OpenAI-compatible endpoint.

Without arguments every block whose English is untranslated or stale is drafted; ``PAGE`` limits that
to one page; ``PAGE:ID`` names a block to draft whatever its state. A ``reviewed`` block is never
overwritten unless ``--force PAGE:ID`` names it. Each accepted draft (see drafts.py for what is
validated) is written at once as a ``draft`` block and kept in the translation memory, so the same
request is never paid for twice; a block that fails is reported at the end and left as it was.
A run that writes holds the project lock (scripts/lock.py) from start to end. ``--dry-run`` lists the blocks with
a token estimate and sends nothing. ``--review`` asks the model to review the named English blocks
against the Chinese and prints its findings as ``file:line: [review] message``, changing nothing.

The endpoint is ``--base-url`` or ``OPENAI_BASE_URL``, the key ``OPENAI_API_KEY`` (or the variable
named by ``--api-key-env``), the model ``--model`` or ``OPENAI_MODEL`` (default gpt-4o-mini).
"""

from __future__ import annotations

import argparse
import os
from contextlib import nullcontext
from functools import partial

from ..blocks import text_hash
from .conversation import as_json, ask_all
from ..check import block_findings
from .drafts import BlockCheck, Drafts, english_problem, validate_drafts
from ..edition import HAN
from ..errors import InputError
from ..glossary import Glossary, load_glossary
from .jobs import Job, batches, build_jobs, named
from .llm import Endpoint, Settings, header_value, require
from .memory import TranslationMemory, memory_key
from ..phrasebook import load_phrasebook
from .progress import Progress
from ..lock import project_lock
from ..project import Project, add_root_option, command_project
from ..rendering import renderer_for
from .review import review, to_review
from ..templating import render
from .terminal import say

DEFAULT_MODEL = "gpt-4o-mini"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts translate", description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("targets", nargs="*", metavar="PAGE[:ID]", help="pages or blocks (default: every block that needs a draft)")
    add("--dry-run", action="store_true", help="list the blocks with a token estimate; send nothing")
    add("--review", action="store_true", help="review the named English blocks; change nothing")
    add("--force", action="append", default=[], metavar="PAGE:ID", help="allow overwriting this reviewed block")
    add("--base-url", default=os.environ.get("OPENAI_BASE_URL"), help="endpoint (default: $OPENAI_BASE_URL)")
    add("--model", default=os.environ.get("OPENAI_MODEL") or DEFAULT_MODEL, help="model (default: $OPENAI_MODEL or %(default)s)")
    add("--api-key-env", default="OPENAI_API_KEY", metavar="VAR", help="environment variable holding the key (default: %(default)s)")
    add("--jobs", type=int, default=4, help="requests in flight at once (default: %(default)s)")
    add("--batch", type=int, default=4, help="blocks per request at most (default: %(default)s)")
    add("--attempts", type=int, default=3, help="requests per batch while answers fail validation (default: %(default)s)")
    add("--timeout", type=float, default=120.0, help="seconds per request (default: %(default)s)")
    add("--retries", type=int, default=4, help="retries of a request after 429, 5xx or a timeout (default: %(default)s)")
    add("--backoff", type=float, default=1.0, help="seconds before the first retry, doubled each time (default: %(default)s)")
    add("--max-failures", type=int, default=3, help="stop after this many failed requests in a row (default: %(default)s)")
    add_root_option(parser)
    args = parser.parse_args(argv)
    if args.review and not args.targets:
        parser.error("--review needs PAGE or PAGE:ID")
    if min(args.jobs, args.batch, args.attempts, args.max_failures) < 1 or args.retries < 0:
        parser.error("--jobs, --batch, --attempts and --max-failures must be at least 1, --retries at least 0")
    return args


def settings(args: argparse.Namespace) -> Settings:
    """The endpoint's settings; a missing endpoint or key is a one-line error before anything is sent."""
    return Settings(
        base_url=require(args.base_url, "OPENAI_BASE_URL", "set the endpoint, e.g. https://api.openai.com/v1 (or use --base-url)"),
        api_key=header_value(
            require(os.environ.get(args.api_key_env), args.api_key_env, "export the API key (any value for a server that needs none)"),
            args.api_key_env,
        ),
        model=args.model,
        timeout=args.timeout,
        retries=args.retries,
        backoff=args.backoff,
        max_failures=args.max_failures,
    )


def to_translate(jobs: list[Job], targets: list[str], force: list[str]) -> tuple[list[Job], list[str]]:
    """The blocks to draft, and notes on the reviewed blocks passed over."""
    pages, blocks = named(jobs, targets)
    _, forced = named(jobs, force, "--force")
    selected, notes = [], []
    for job in jobs:
        due = job.state in ("untranslated", "stale") and (job.page in pages or not targets)
        if not (due or job.name in blocks | forced):
            continue
        if job.en.status == "reviewed" and job.name not in forced:
            notes.append(f"{job.where}: [translate] {job.name} is reviewed ({job.state}); not overwritten (use --force {job.name})")
        else:
            selected.append(job)
    return selected, notes


def estimate_tokens(text: str) -> int:
    """Rough token count: one per Han character, one per four other characters (no tokenizer offline)."""
    han = len(HAN.findall(text))
    return han + (len(text) - han + 3) // 4


def dry_run(selected: list[Job], remembered: set[str], system: str, size: int, review_mode: bool) -> None:
    """Per block: its part of the prompt plus an answer as long as its Chinese; per request: the system prompt."""
    to_send = [job for job in selected if job.name not in remembered]
    total = 0
    for job in selected:
        if job.name in remembered:
            say(f"{job.where}: {job.name} {job.state}: from the translation memory, 0 tokens")
            continue
        tokens = estimate_tokens(as_json(job.payload(review_mode))) + len(HAN.findall(job.zh.text))
        total += tokens
        say(f"{job.where}: {job.name} {job.state}: ~{tokens} tokens")
    requests = len(batches(to_send, size))
    overhead = estimate_tokens(system)
    total += requests * overhead
    say(
        f"dry run: {len(selected)} block(s) selected, {len(remembered)} from the translation memory, "
        f"{len(to_send)} to send in {requests} request(s); ~{total} tokens in all, of which ~{overhead} per request "
        "for the system prompt (estimate: 1 token per Han character, 1 per 4 other characters, "
        "an answer of 1 token per Han character of the block)"
    )


def translate(drafts: Drafts, endpoint: Endpoint, system: str, selected: list[Job], check: BlockCheck,
              args: argparse.Namespace) -> int:
    """Drafts from the memory first, then the rest from the endpoint; report what failed."""
    to_send = drafts.replay(selected, check)
    by_id = {job.zh.id: job for job in to_send}
    try:
        ask_all(
            endpoint,
            system,
            [{job.zh.id: job.payload() for job in batch} for batch in batches(to_send, args.batch)],
            partial(validate_drafts, by_id, check),
            lambda block_id, english: drafts.accept(by_id[block_id], english),
            lambda block_id, reason: drafts.fail(by_id[block_id], reason),
            args.attempts,
            args.jobs,
        )
    except KeyboardInterrupt:
        drafts.stop()
        drafts.progress.close()
        say(f"translate: interrupted; {drafts.saved} block(s) drafted and saved; run again to continue")
        return 130
    drafts.progress.close()
    for job in selected:
        if job.name in drafts.failures:
            say(drafts.failures[job.name])
    say(f"translate: {drafts.saved} block(s) drafted ({len(selected) - len(to_send)} from the translation memory), "
          f"{len(drafts.failures)} failed")
    return 1 if drafts.failures else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    endpoint_settings = None if args.dry_run else settings(args)
    project = command_project(args.root)
    writes = not (args.dry_run or args.review)
    with project_lock(project, "translate") if writes else nullcontext():
        return run(args, project, endpoint_settings)


def run(args: argparse.Namespace, project: Project, endpoint_settings: Settings | None) -> int:
    glossary = load_glossary(project.glossary) if project.glossary.exists() else Glossary([])
    phrasebook = load_phrasebook(project.phrasebook) if project.phrasebook.exists() else None
    memory = TranslationMemory(project.translation_memory)
    jobs, notes = build_jobs(project, glossary)
    try:
        house_style = project.house_style.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(project.relative(project.house_style), None, "house style not found") from None
    if args.review:
        selected, skipped = to_review(jobs, args.targets)
        system = render("review_system.md.j2", house_style=house_style, document=project.info.document)
        keys = {}
    else:
        selected, skipped = to_translate(jobs, args.targets, args.force)
        system = render("translate_system.md.j2", house_style=house_style, document=project.info.document)
        keys = {job.name: memory_key(job.zh.text, job.terms, args.model, text_hash(system)) for job in selected}
    for line in notes + skipped:
        say(line)
    check = partial(block_findings, glossary=glossary, phrasebook=phrasebook, renderer=renderer_for(project.mkdocs_config))
    if args.dry_run:
        remembered = {job.name for job in selected if valid_memory(memory.get(keys.get(job.name)), job, check)}
        dry_run(selected, remembered, system, args.batch, args.review)
        return 0
    endpoint = Endpoint(endpoint_settings)
    progress = Progress(len(selected), "review" if args.review else "translate")
    try:
        if args.review:
            return review(endpoint, system, selected, args.batch, args.attempts, args.jobs, progress)
        drafts = Drafts(project, memory, keys, args.model, progress)
        return translate(drafts, endpoint, system, selected, check, args)
    finally:
        progress.close()


def valid_memory(english: str | None, job: Job, check: BlockCheck) -> bool:
    return english is not None and english_problem(job, check, english) is None
