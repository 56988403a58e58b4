"""Ask the model about a batch of blocks and accept only answers that pass validation.

The request is the system prompt and one JSON user message ``{"blocks": [...]}``. Blocks whose answer
fails validation are sent again, without the accepted ones, with the problems fed back, up to
``attempts`` requests in all; each accepted block is handed to ``accept`` at once, so it is saved
before the next request.
A refusal, a truncated answer or a request that fails for good ends the batch: what is still pending
is returned as failures, by id.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Callable

from .llm import Endpoint, RequestFailed

#: (answer JSON, pending ids) -> (accepted values by id, problems by id)
Validator = Callable[[dict, list[str]], tuple[dict[str, object], dict[str, str]]]

STOPS = {
    "content_filter": "refused by the endpoint's content filter",
    "length": "answer truncated (finish_reason length)",
}


def as_json(data) -> str:
    """JSON as the user message carries it."""
    return json.dumps(data, ensure_ascii=False, indent=1)


def ask(
    endpoint: Endpoint,
    system: str,
    items: dict[str, dict],
    validate: Validator,
    accept: Callable[[str, object], None],
    attempts: int,
) -> dict[str, str]:
    """Send the items; return the reason for every id that was not accepted."""
    pending, problems = list(items), {}
    for _ in range(attempts):
        blocks = [dict(items[i], problems_with_your_last_answer=problems[i]) if i in problems else items[i] for i in pending]
        user = as_json({"blocks": blocks})
        try:
            reply = endpoint.complete([{"role": "system", "content": system}, {"role": "user", "content": user}])
        except RequestFailed as error:
            return {i: str(error) for i in pending}
        if reply.finish_reason in STOPS:
            return {i: STOPS[reply.finish_reason] for i in pending}
        try:
            data = json.loads(reply.text)
        except json.JSONDecodeError as error:
            problems = {i: f"your answer was not valid JSON ({error.msg})" for i in pending}
            continue
        if not isinstance(data, dict):
            problems = {i: "your answer must be a JSON object" for i in pending}
            continue
        accepted, problems = validate(data, pending)
        for block_id, value in accepted.items():
            accept(block_id, value)
        pending = [i for i in pending if i in problems]
        if not pending:
            return {}
    return {i: f"rejected {attempts} time(s): {problems[i]}" for i in pending}


def ask_all(
    endpoint: Endpoint,
    system: str,
    batches: list[dict[str, dict]],
    validate: Validator,
    accept: Callable[[str, object], None],
    fail: Callable[[str, str], None],
    attempts: int,
    workers: int,
) -> None:
    """``ask`` for every batch, ``workers`` at a time. On Ctrl-C no further batch is started and the
    requests under way are left behind; on an error (raised by ``accept``) they are waited for."""
    pool = ThreadPoolExecutor(max_workers=workers)
    wait = True
    try:
        futures = [pool.submit(ask, endpoint, system, items, validate, accept, attempts) for items in batches]
        for future in as_completed(futures):
            for block_id, reason in future.result().items():
                fail(block_id, reason)
    except KeyboardInterrupt:
        wait = False
        raise
    finally:
        pool.shutdown(wait=wait, cancel_futures=True)
