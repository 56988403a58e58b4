"""The adoption note under a proposal's title: when, and by which meeting, the text was adopted.

Proposals adopted by a plenary session print it in brackets on the line after the title, e.g.
``（2020年10月29日中国共产党第十九届中央委员会第五次全体会议通过）``. The Chinese edition keeps the line
as it is (block ``adoption`` of the home page); ``read_adoption`` gives its date and meeting, for
``publication.yml``'s ``adopted_on`` and ``adopted_by``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import cn2an

from .errors import InputError

#: The whole line in full-width brackets (ASCII ones become full-width by the punctuation rule), ending in 通过.
NOTE = re.compile(r"^（(.+)通过）$")
NUMERAL = r"[0-9〇零一二三四五六七八九十]"
DATE = re.compile(rf"({NUMERAL}{{4}})年({NUMERAL}{{1,3}})月({NUMERAL}{{1,3}})日")


@dataclass(frozen=True)
class Adoption:
    date: datetime.date
    body: str  # the meeting that adopted the text, e.g. 中国共产党第十九届中央委员会第五次全体会议


def is_adoption_note(text: str) -> bool:
    return NOTE.match(text) is not None


def read_adoption(text: str, path: str = "", line: int | None = None) -> Adoption:
    """Date and meeting of an adoption note (the date may be in Arabic or Chinese numerals, before or after
    the meeting); InputError naming ``path:line`` if the note has no valid date or no meeting."""
    note = NOTE.match(text)
    date = DATE.search(note.group(1)) if note else None
    if date is None:
        raise InputError(path, line, f"adoption note {text!r} has no date such as 2020年10月29日")
    try:
        day = datetime.date(*(int(cn2an.cn2an(number, "smart")) for number in date.groups()))
    except (ValueError, KeyError):
        raise InputError(path, line, f"adoption note {text!r}: {date.group()} is not a date") from None
    body = (note.group(1)[: date.start()] + note.group(1)[date.end() :]).strip()
    if not body:
        raise InputError(path, line, f"adoption note {text!r} does not name the meeting that adopted the text")
    return Adoption(day, body)
