"""For the translate tests: a fake OpenAI chat-completions server on 127.0.0.1 and a tiny project.

The server reads the blocks from the request's JSON user message and answers a valid draft for each:
the block's id, its figures converted to English (1200亿 -> 120 billion, 9.3万 -> 93,000) and the
English form of every glossary entry sent with it. It can be told to misbehave, one fault per
request, and it records every request it receives.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts.edition import page_names
from scripts.project import Project
from scripts.blocks import Block, parse_page, text_hash
from scripts.check import block_findings
from scripts.glossary import load_glossary
from scripts.split import main as split

ROOT = Path(__file__).resolve().parent.parent

SOURCE = """\
中共示例区委关于制定示例区发展规划的建议

示例新闻网讯 中共示例区委全体会议提出如下建议：

一、开启现代化建设新征程

1.发展成就。过去五年，全区生产总值达到1200亿元左右，人均生产总值超过9.3万元。

2.发展环境。当前和今后一个时期，发展仍然处于重要战略机遇期。
——数字经济加快发展。

二、打造创新型城区

坚持创新在现代化建设全局中的核心地位。

3.建设科创新地标。到2025年，研发投入年均增长15%以上。

4.搭建创新平台。大力发展数字经济，深入实施八八战略。

全区上下要团结一致，为实现规划目标而奋斗！
"""

#: Blocks of the tiny project, in reading order.
BLOCKS = [
    "index:title", "index:preamble",
    "part-01:part-1", "part-01:art-1", "part-01:art-1-p1", "part-01:art-2", "part-01:art-2-p1", "part-01:art-2-p2",
    "part-02:part-2", "part-02:part-2-lead", "part-02:art-3", "part-02:art-3-p1", "part-02:art-4",
    "part-02:art-4-p1", "part-02:closing",
]

FIGURE = re.compile(r"(\d+(?:\.\d+)?)([万亿]?)")

#: Faults that add text to every draft of the answer.
APPENDED = {
    "han": " 鹿城",
    "script": " <script>alert(1)</script>",
    "onerror": ' <img src="x" onerror="alert(1)">',
    "javascript": " [more](javascript:alert(1))",
    "long": " More text." * 600,
    "huge": " x" * 3_500_000,
}
#: Clears the screen and retitles the terminal, if it ever reaches one.
ANSI = "\x1b[2J\x1b]0;pwned\x07"
#: Faults answered with a raw body: (Content-Type, body).
RAW_BODIES = {
    "html": ("text/html", b"<html><body>502 Bad Gateway</body></html>"),
    "bad-json": ("application/json", b'{"id": "chatcmpl-fake", "choices": [{"message": '),
}


def make_project(root: Path, glossary: str) -> Path:
    """source/, the glossary, the house style and the site's config (drafts are rendered as the site renders
    them) in ``root``, then ``split`` to create both editions."""
    (root / "source").mkdir(parents=True)
    (root / "source" / "proposal.txt").write_text(SOURCE, encoding="utf-8")
    (root / "glossary.yml").write_text(glossary, encoding="utf-8")
    (root / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "english-house-style.md", root / "docs")
    shutil.copy(ROOT / "mkdocs.yml", root)
    assert split(["--root", str(root)]) == 0
    return root


def english_figure(number: str, unit: str) -> str:
    if not unit:
        return number  # 2025, 15 (of 15%)
    value = float(number) * {"万": 1e4, "亿": 1e8}[unit]
    if value >= 1e9:
        return f"{value / 1e9:g} billion"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def draft(block: dict) -> str:
    """A valid English draft of a request block, made by rule."""
    figures = [english_figure(n, u) for n, u in FIGURE.findall(block["zh"])]
    words = [f"Text of {block['id']}"] + [f"on {t['en']}" for t in block["glossary"]]
    if figures:
        words.append("with " + ", ".join(figures))
    text = " ".join(words)
    heading = re.match(r"(\d+)\. ", block["zh"])
    if block["type"] == "heading":
        return f"{heading.group(1)}. {text}" if heading else text
    return text + ".\nA second sentence."


class FakeOpenAI:
    def __init__(self):
        self.requests: list[dict] = []  # bodies of every request, in order of arrival
        self.times: list[float] = []
        self.faults: list[str] = []  # one is taken per request: see answer()
        self.broken_after: int | None = None  # every request after this many gets broken_fault
        self.broken_fault = "500"
        self.hang = 3.0  # seconds a "hang" fault waits before answering
        self._lock = threading.Lock()
        self._closing = threading.Event()
        handler = type("Handler", (_Handler,), {"fake": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self._closing.set()
        self.server.shutdown()
        self.server.server_close()

    def sent_ids(self) -> list[str]:
        """Block ids of every request, in order (a block sent twice counts twice)."""
        return [b["id"] for body in self.requests for b in json.loads(body["messages"][1]["content"])["blocks"]]

    def answer(self, body: dict) -> tuple[int, dict, dict]:
        """(status, headers, JSON body) for one request. Faults: 429 (with Retry-After), 500, 401, hang,
        malformed (half a JSON answer), truncated (the same, finish_reason length), filter (finish_reason
        content_filter), wrong-ids, han (Chinese left in the English), script, onerror, javascript (HTML
        or a link that runs script), long (a draft far longer than its Chinese), huge (a 7 MB answer),
        ansi (escape sequences in the ids and in review findings), html and bad-json (a body that is no
        JSON chat completion: an HTML page, or broken JSON sent as application/json)."""
        with self._lock:
            self.requests.append(body)
            self.times.append(time.monotonic())
            count = len(self.requests)
            fault = self.faults.pop(0) if self.faults else ""
        if self.broken_after is not None and count > self.broken_after:
            fault = self.broken_fault
        if fault == "429":
            return 429, {"Retry-After": "0.3"}, {"error": {"message": "rate limited", "type": "requests"}}
        if fault == "500":
            return 500, {}, {"error": {"message": "server error", "type": "server_error"}}
        if fault == "401":
            return 401, {}, {"error": {"message": "Incorrect API key provided: sk-te***et", "type": "invalid_request_error"}}
        if fault == "hang":
            self._closing.wait(self.hang)
        if fault in RAW_BODIES:
            return 200, {"Content-Type": RAW_BODIES[fault][0]}, RAW_BODIES[fault][1]
        blocks = json.loads(body["messages"][1]["content"])["blocks"]
        if "review" in body["messages"][0]["content"].split("\n")[0]:
            mark = ANSI if fault == "ansi" else ""
            content = {"findings": [{"id": b["id"], "message": f"review of {b['id']}: {mark}{b['en']}"} for b in blocks]}
        else:
            content = {"blocks": [{"id": b["id"], "en": draft(b)} for b in blocks]}
        if fault == "wrong-ids":
            content["blocks"] = [{"id": b["id"] + "-x", "en": b["en"]} for b in content["blocks"]]
        if fault == "ansi" and "blocks" in content:
            content["blocks"] = [{"id": b["id"] + ANSI, "en": b["en"]} for b in content["blocks"]]
        if fault in APPENDED:
            content["blocks"] = [{"id": b["id"], "en": b["en"] + APPENDED[fault]} for b in content["blocks"]]
        text = json.dumps(content, ensure_ascii=False)
        finish = {"truncated": "length", "filter": "content_filter"}.get(fault, "stop")
        if fault in ("malformed", "truncated"):
            text = text[: len(text) // 2]
        elif fault == "filter":
            text = ""
        return 200, {}, _completion(body["model"], text, finish)


def _completion(model: str, content: str, finish_reason: str) -> dict:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAI

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path != "/v1/chat/completions":
            status, headers, answer = 404, {}, {"error": {"message": "not found"}}
        else:
            status, headers, answer = self.fake.answer(body)
        data = answer if isinstance(answer, bytes) else json.dumps(answer, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            for key, value in {"Content-Type": "application/json", "Content-Length": str(len(data)), **headers}.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def log_message(self, *args):
        pass


def english(root: Path) -> dict[str, Block]:
    """Every English block of the project by PAGE:ID."""
    return {
        f"{path.stem}:{block.id}": block
        for path in edition_pages(root, "en")
        for block in parse_page(path).blocks
    }


def edition_pages(root: Path, edition: str) -> list[Path]:
    """The pages split generates from the source (not the reference pages it also creates)."""
    return [root / "content" / edition / f"{name}.md" for name in page_names(Project(root))]


def assert_intact(root: Path) -> dict[str, Block]:
    """Every page parses, every block is there, and each is either untouched or a complete, valid draft."""
    chinese = {
        f"{path.stem}:{block.id}": block
        for path in edition_pages(root, "zh")
        for block in parse_page(path).blocks
    }
    blocks = english(root)
    assert sorted(blocks) == sorted(chinese) == sorted(BLOCKS)
    glossary = load_glossary(root / "glossary.yml")
    for name, block in blocks.items():
        if block.status == "untranslated":
            assert block.text == chinese[name].text, name
        elif block.status == "draft":
            assert block.source_hash == text_hash(chinese[name].text), name
            assert not [f for f in block_findings(chinese[name], block, glossary) if f.severity == "error"], name
    assert not list(root.rglob("*.tmp")), "a temporary file was left behind"
    return blocks
