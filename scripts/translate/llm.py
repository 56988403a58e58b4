"""One OpenAI-compatible chat endpoint, with our own retries, backoff and circuit breaker.

The ``openai`` client runs with ``max_retries=0``: a 429, a 5xx, a timeout or a lost connection is
retried here with exponential backoff and jitter, waiting at least what ``Retry-After`` asks.
After ``max_failures`` requests in a row that fail for good (or one that the endpoint refuses for
good: bad key, no such model), the circuit opens and no further request is sent.
An answer is read up to ``MAX_ANSWER_BYTES``; a longer one, or one that is not a JSON chat
completion, fails its request without a retry.
"""

from __future__ import annotations

import email.utils
import json
import random
import threading
import time
from dataclasses import dataclass, field

import httpx2
import openai

from ..errors import InputError

#: Statuses that say the request itself will never succeed here: stop the run at once.
FATAL_STATUSES = (401, 403, 404)
STATUS_MEANINGS = {
    400: "bad request",
    401: "API key rejected",
    403: "access denied",
    404: "model or endpoint not found",
    429: "rate limited",
}
NOT_A_COMPLETION = "the endpoint's answer is not a JSON chat completion"
#: Longest wait honoured from a Retry-After header, in seconds.
MAX_WAIT = 120.0
#: Largest answer read, in bytes: far above a batch of long drafts (a few kB of English per block).
MAX_ANSWER_BYTES = 2_000_000


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str = field(repr=False)  # never shown
    model: str
    timeout: float  # seconds per request
    retries: int  # of one request after a 429, a 5xx, a timeout or a lost connection
    backoff: float  # seconds; retry n waits between half and all of backoff * 2**n
    max_failures: int  # failed requests in a row that open the circuit


def require(value: str | None, variable: str, what: str) -> str:
    """The value of a required setting, or a one-line error naming the variable (never the value)."""
    if not value:
        raise InputError(variable, None, f"not set: {what}")
    return value


def header_value(value: str, variable: str) -> str:
    """A key that an HTTP header can carry (visible ASCII), or a one-line error naming the variable."""
    if not all(" " < char < "\x7f" for char in value):
        raise InputError(variable, None, "unreadable key: it has spaces, control or non-ASCII characters (copied with quotes or a line break?)")
    return value


@dataclass
class Reply:
    text: str
    finish_reason: str


class RequestFailed(Exception):
    """A request that failed for good (after its retries); the message is safe to print."""


class CircuitOpen(RequestFailed):
    """The run stopped sending requests after repeated failures."""


class AnswerTooLarge(RequestFailed):
    """Raised while the answer is read, as soon as it passes ``MAX_ANSWER_BYTES``."""


class CappedTransport(httpx2.HTTPTransport):
    """The usual transport, reading no more than ``MAX_ANSWER_BYTES`` of any answer."""

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = super().handle_request(request)
        response.stream = CappedStream(response.stream)
        return response


class CappedStream(httpx2.SyncByteStream):
    def __init__(self, stream: httpx2.SyncByteStream):
        self.stream = stream

    def __iter__(self):
        read = 0
        for chunk in self.stream:
            read += len(chunk)
            if read > MAX_ANSWER_BYTES:
                raise AnswerTooLarge(f"answer larger than {MAX_ANSWER_BYTES:,} bytes; not read")
            yield chunk

    def close(self) -> None:
        self.stream.close()


class Endpoint:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.client = openai.OpenAI(
            base_url=settings.base_url, api_key=settings.api_key, timeout=settings.timeout, max_retries=0,
            http_client=openai.DefaultHttpxClient(transport=CappedTransport(), timeout=settings.timeout),
        )
        self._lock = threading.Lock()
        self._failures = 0
        self._open_reason = ""

    def complete(self, messages: list[dict]) -> Reply:
        """Send one chat request asking for a JSON answer; retry what is worth retrying; raise RequestFailed otherwise."""
        for attempt in range(self.settings.retries + 1):
            self._check_circuit()
            try:
                response = self.client.chat.completions.create(
                    model=self.settings.model,
                    messages=messages,
                    response_format={"type": "json_object"},
                )
            except (openai.APITimeoutError, openai.APIConnectionError) as error:
                reason, wait = _describe(error), 0.0
            except openai.APIStatusError as error:
                reason, wait = _describe(error), retry_after(error.response.headers)
                if error.status_code in FATAL_STATUSES:
                    self._fail(reason, fatal=True)
                if error.status_code != 429 and error.status_code < 500:
                    self._fail(reason)
            except AnswerTooLarge as error:
                self._fail(str(error))
            except (openai.APIResponseValidationError, json.JSONDecodeError):
                self._fail(NOT_A_COMPLETION)
            else:
                answer = reply(response)
                if answer is None:
                    self._fail(NOT_A_COMPLETION)
                with self._lock:
                    self._failures = 0
                return answer
            if attempt < self.settings.retries:
                base = self.settings.backoff * 2**attempt
                time.sleep(max(wait, random.uniform(base / 2, base)))
        self._fail(f"{reason}, {self.settings.retries + 1} attempts")

    def _check_circuit(self) -> None:
        with self._lock:
            if self._open_reason:
                raise CircuitOpen(f"not sent: requests stopped after repeated failures; the last: {self._open_reason}")

    def _fail(self, reason: str, fatal: bool = False):
        with self._lock:
            self._failures += 1
            if fatal or self._failures >= self.settings.max_failures:
                self._open_reason = self._open_reason or reason
        raise RequestFailed(reason)


def reply(response) -> Reply | None:
    """The first choice's text and finish reason, or None if the answer has not that shape (the client
    does not check it)."""
    try:
        choice = response.choices[0] if response.choices else None
        text = (choice.message.content if choice else "") or ""
        finish = (choice.finish_reason if choice else "no choices") or ""
    except (AttributeError, IndexError, KeyError, TypeError):
        return None
    return Reply(text, finish) if isinstance(text, str) and isinstance(finish, str) else None


def retry_after(headers) -> float:
    """Seconds the server asks us to wait: ``retry-after-ms``, or ``Retry-After`` in seconds or as a date."""
    millis, value = headers.get("retry-after-ms"), headers.get("retry-after")
    try:
        seconds = float(millis) / 1000 if millis else float(value or 0)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            seconds = 0.0
    return min(max(seconds, 0.0), MAX_WAIT)


def _describe(error: openai.APIError) -> str:
    """What went wrong, without the server's text (a 401 body can quote part of the key)."""
    if isinstance(error, openai.APITimeoutError):
        return "request timed out"
    if isinstance(error, openai.APIStatusError):
        meaning = STATUS_MEANINGS.get(error.status_code, "server error" if error.status_code >= 500 else "request refused")
        return f"HTTP {error.status_code} ({meaning})"
    return "could not connect to the endpoint"
