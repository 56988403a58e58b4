"""Read the published proposal and parse it into parts and articles.

The parser follows the structure shared by Chinese plan proposals, not one document's words:
a title line, an optional adoption note in brackets (``（2020年10月29日…全体会议通过）``), a preamble,
parts headed ``一、…`` (each may open with lead paragraphs), articles numbered straight through the
document, ``1.`` or ``（1）`` (``(1)`` reads ``（1）`` after the punctuation rule), whose title is their
first sentence (up to 。) and may be the whole line, paragraphs and ``——`` items inside an article,
and an optional closing paragraph after the last article. Each non-blank line is one paragraph.
The first numbered line sets the document's numbering; a line numbered the other way is a paragraph.

Characters that cannot be seen but change what the text says or how it parses (NUL, bidirectional
controls, zero-width spaces and other format characters) are refused with their line before parsing:
a zero-width space before ``八、`` would otherwise silently merge part 8 into part 7.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import cn2an

from .adoption import is_adoption_note
from .errors import InputError
from .inputs import read_input
from .punctuation import to_full_width

PART_HEADING = re.compile(r"^([一二三四五六七八九十百]+)、(.+)$")
ITEM_MARK = "——"


@dataclass(frozen=True)
class Numbering:
    """One way of numbering articles: how an article's line starts, and its number in the Chinese heading."""

    line: re.Pattern  # an article's line: group 1 its number, group 2 the rest of the line
    marker: str  # the number as the source writes it, e.g. "{}." -> "1."
    heading: str  # the number as the Chinese heading shows it, before the title, e.g. "{}. " -> "1. 标题"

    def heading_pattern(self) -> re.Pattern:
        """A Chinese heading in this numbering: group 1 the number, group 2 the title."""
        return re.compile("^" + re.escape(self.heading).replace(re.escape("{}"), r"(\d+)") + "(.+)$")


NUMBERINGS = (
    Numbering(re.compile(r"^(\d+)\.(.*)$"), "{}.", "{}. "),  # 1.标题。 -> 1. 标题
    Numbering(re.compile(r"^（(\d+)）(.*)$"), "（{}）", "（{}）"),  # （1）标题。 -> （1）标题
)

#: The published proposal is about 56 KB; ten times that is still a plausible plan, a larger file is a wrong one.
MAX_SOURCE_BYTES = 600_000

#: Controls that reorder text on screen (the "Trojan Source" characters).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass
class Line:
    number: int  # 1-based line number in the source file
    text: str  # after the punctuation rule


@dataclass
class Article:
    number: int
    title: str  # first sentence without its 。
    heading_line: int
    paragraphs: list[Line] = field(default_factory=list)
    #: True when the first paragraph is the rest of the article's own line (the usual case).
    body_on_heading_line: bool = True

    @property
    def text(self) -> str:
        """The article as the Chinese edition has it: title sentence, then its paragraphs, one a line."""
        return "\n".join([f"{self.title}。", *(line.text for line in self.paragraphs)])


@dataclass
class Part:
    number: int
    numeral: str
    heading: Line
    leads: list[Line] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)


@dataclass
class Document:
    path: str
    title: Line
    adoption: Line | None  # the adoption note under the title (scripts/adoption.py reads it)
    preamble: list[Line]
    parts: list[Part]
    closing: list[Line]
    lines: list[Line]  # every paragraph in order, as read
    numbering: Numbering  # how its articles are numbered

    @property
    def digest(self) -> str:
        """sha256 of the paragraphs as read: BOM, line ends, blank lines and boilerplate do not count."""
        return hashlib.sha256("\n".join(line.text for line in self.lines).encode("utf-8")).hexdigest()


def articles(document: Document) -> dict[int, tuple[Part, Article]]:
    """Every article by number, with the part it belongs to."""
    return {article.number: (part, article) for part in document.parts for article in part.articles}


def read_lines(path: str | Path, boilerplate: tuple[re.Pattern, ...] = ()) -> list[Line]:
    """Decode, refuse invisible characters, normalise (BOM, CRLF, trailing spaces), drop blank lines and the
    lines that match a ``boilerplate`` pattern (publication.yml: lines of the web page, not of the text)."""
    path = Path(path)
    raw = read_input(path, MAX_SOURCE_BYTES, "source file", "MAX_SOURCE_BYTES in scripts/source.py")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, line, "not valid UTF-8") from None
    lines = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        _refuse_invisible(path, number, line)
        line = line.strip(" \t\u3000")
        if not line or any(pattern.match(line) for pattern in boilerplate):
            continue
        lines.append(Line(number, to_full_width(line)))
    if not lines:
        raise InputError(path, None, "source file is empty")
    return lines


def _refuse_invisible(path, number: int, line: str) -> None:
    for column, char in enumerate(line, 1):
        category = unicodedata.category(char)
        if category in ("Cf", "Zl", "Zp") or category == "Cc" and char != "\t":
            raise InputError(path, number, f"{_describe(char)} at column {column}; delete it (it cannot be seen but changes the text)")


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char == "\0":
        return f"NUL byte ({code})"
    if char in BIDI_CONTROLS:
        kind = "bidirectional control character"
    elif unicodedata.category(char) == "Cc":
        kind = "control character"
    else:
        kind = "invisible character"
    name = unicodedata.name(char, "")
    return f"{kind} {code}" + (f" {name}" if name else "")


def parse(path: str | Path, boilerplate: tuple[re.Pattern, ...] = ()) -> Document:
    """Parse the source, checking numbering and order; raise InputError on the first problem."""
    lines = read_lines(path, boilerplate)
    title, body = lines[0], lines[1:]
    adoption = body.pop(0) if body and is_adoption_note(body[0].text) else None
    preamble: list[Line] = []
    parts: list[Part] = []
    numbering: Numbering | None = None
    seen_articles: dict[int, int] = {}

    for line in body:
        part_match = PART_HEADING.match(line.text)
        article_match, numbering = _article_line(line.text, numbering)
        if part_match:
            number = _part_number(path, line, part_match.group(1))
            if number != len(parts) + 1:
                raise InputError(path, line.number, f"part {_numeral(len(parts) + 1)}、 expected, found {part_match.group(1)}、")
            parts.append(Part(number, part_match.group(1), line))
        elif article_match:
            number = int(article_match.group(1))
            if not parts:
                raise InputError(path, line.number, f"article {number} comes before any part heading (一、…)")
            if number in seen_articles:
                raise InputError(path, line.number, f"article {number} appears twice (first at line {seen_articles[number]})")
            if number != len(seen_articles) + 1:
                raise InputError(path, line.number, f"article {len(seen_articles) + 1} expected, found article {number}")
            seen_articles[number] = line.number
            parts[-1].articles.append(_article(path, line, number, article_match.group(2)))
        elif not parts:
            preamble.append(line)
        elif not parts[-1].articles:
            parts[-1].leads.append(line)
        else:
            parts[-1].articles[-1].paragraphs.append(line)

    if not parts:
        raise InputError(path, title.number, "no part heading (一、…) found")
    for part in parts:
        if not part.articles:
            raise InputError(path, part.heading.number, f"part {part.numeral}、 has no articles")
    closing = _split_closing(parts[-1].articles[-1])
    return Document(str(path), title, adoption, preamble, parts, closing, lines, numbering)


def _article_line(text: str, numbering: Numbering | None) -> tuple[re.Match | None, Numbering | None]:
    """The match of an article's line, and the document's numbering (set by its first numbered line)."""
    for candidate in (numbering,) if numbering else NUMBERINGS:
        if match := candidate.line.match(text):
            return match, candidate
    return None, numbering


def _article(path, line: Line, number: int, rest: str) -> Article:
    title, stop, body = rest.partition("。")
    if not stop or not title.strip():
        raise InputError(path, line.number, f"article {number} has no title sentence ending in 。 "
                         "(a title without 。 is not supported: the Chinese heading drops the title's 。 and the way back restores it)")
    if title != title.strip():
        raise InputError(path, line.number, f"article {number}: space around its title; delete it (the heading could not give the line back as it is)")
    article = Article(number, title, line.number)
    if body:
        article.paragraphs.append(Line(line.number, body))
    else:
        article.body_on_heading_line = False
    return article


def _split_closing(last_article: Article) -> list[Line]:
    """The closing exhortation is the last paragraph after the last article, unless it is an item."""
    paragraphs = last_article.paragraphs
    if len(paragraphs) > 1 and not paragraphs[-1].text.startswith(ITEM_MARK):
        return [paragraphs.pop()]
    return []


def _part_number(path, line: Line, numeral: str) -> int:
    try:
        return int(cn2an.cn2an(numeral, "strict"))
    except (ValueError, KeyError):
        raise InputError(path, line.number, f"{numeral} is not a Chinese numeral") from None


def _numeral(number: int) -> str:
    return cn2an.an2cn(number)
