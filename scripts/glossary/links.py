"""Link glossary terms in article text: the first occurrence of each term in each article.

A Python-Markdown tree processor, so it sees running text after Markdown parsing and needs no word
boundaries in Chinese (以八八战略为总纲). Each linked term becomes a focusable element whose tooltip shows
the other language's form and the definition, with a link to the glossary entry: it opens on hover, on
keyboard focus and on a tap (touch screens focus it), not only on hover. Tooltips are excluded from the
search index.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .. import ids
from . import Glossary, Term
from .trie import trie_alternation

SKIP_TAGS = {"a", "code", "pre", "sup", "abbr", "script", "style"}
BLOCK_TAGS = {"p", "li", "td"}


@dataclass
class Labels:
    locale: str
    entry_url: Callable[[Term], str]  # the URL of a term's glossary entry, relative to the current page

    @property
    def link_text(self) -> str:
        return "术语表" if self.locale == "zh" else "Glossary"


class TermFinder:
    """Occurrences of terms in one language's text, longest first."""

    def __init__(self, glossary: Glossary, locale: str):
        self.glossary = glossary
        self.locale = locale
        if locale == "en":
            self._by_form = {t.en.lower(): t for t in glossary}
            alternation = trie_alternation(self._by_form)  # lower case; matched ignoring case
            self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?:e?s)?(?![\w-])", re.IGNORECASE) if self._by_form else None

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        if self.locale == "zh":
            return [(m.start, m.end, m.term) for m in self.glossary.find(text)]
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            term = self._by_form.get(match.group().lower()) or self._by_form.get(re.sub(r"e?s$", "", match.group().lower()))
            if term:
                found.append((match.start(), match.end(), term))
        return found


class TermLinker(Treeprocessor):
    def __init__(self, md, extension: "GlossaryLinkExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        labels = self.extension.labels
        if labels is None:
            return
        finder = self.extension.finder(labels.locale)
        linked: set[str] = set()
        for element in list(root):
            element_id = element.get("id", "")
            if element.tag in ("h1", "h2") and element_id:
                linked = set()  # a new article (or a part's lead) starts
            if element.tag in BLOCK_TAGS and ids.on_part_page(element_id):
                self._link(element, finder, linked, labels)

    def _link(self, element, finder: TermFinder, linked: set[str], labels: Labels) -> None:
        if element.tag in SKIP_TAGS or "term" in element.get("class", "").split():
            return
        element.text = self._split(element, None, element.text, finder, linked, labels)
        for child in list(element):
            self._link(child, finder, linked, labels)
            child.tail = self._split(element, child, child.tail, finder, linked, labels)

    def _split(self, parent, after, text, finder, linked, labels):
        """Wrap the first unlinked term in ``text``; return the text left before the new element."""
        if not text:
            return text
        for start, end, term in finder.find(text):
            if term.id in linked:
                continue
            linked.add(term.id)
            wrapper = self._term_element(term, text[start:end], labels)
            parent.insert(0 if after is None else list(parent).index(after) + 1, wrapper)
            wrapper.tail = self._split(parent, wrapper, text[end:], finder, linked, labels)
            return text[:start]
        return text

    def _term_element(self, term: Term, shown: str, labels: Labels) -> etree.Element:
        tip_id = f"tip-{self.extension.next_tip()}"
        wrapper = etree.Element("span", {"class": "term", "tabindex": "0", "role": "button", "aria-describedby": tip_id})
        label = etree.SubElement(wrapper, "span", {"class": "term__text"})
        label.text = shown
        tip = etree.SubElement(wrapper, "span", {"class": "term__tip", "role": "tooltip", "id": tip_id, "data-search-exclude": ""})
        # Inside the tip no <span>: Material's search parser compares elements by tag name, so closing an inner
        # span would end the tip's exclusion from the search index.
        other = etree.SubElement(tip, "b", {"class": "term__other"})
        if labels.locale == "zh":
            other.set("lang", "en")
            other.text = term.en
        else:
            other.set("lang", "zh")
            other.text = term.zh + (f" ({term.pinyin})" if term.pinyin else "")
        definition = etree.SubElement(tip, "small", {"class": "term__definition", "lang": labels.locale})
        definition.text = term.definition_zh if labels.locale == "zh" else term.definition
        link = etree.SubElement(tip, "a", {"class": "term__link", "href": labels.entry_url(term)})
        link.text = labels.link_text
        return wrapper


class GlossaryLinkExtension(Extension):
    """Set ``labels`` for the page about to be rendered (None leaves the page as it is)."""

    def __init__(self, glossary: Glossary):
        super().__init__()
        self.glossary = glossary
        self.labels: Labels | None = None
        self._finders: dict[str, TermFinder] = {}
        self._tips = 0

    def finder(self, locale: str) -> TermFinder:
        if locale not in self._finders:
            self._finders[locale] = TermFinder(self.glossary, locale)
        return self._finders[locale]

    def next_tip(self) -> int:
        self._tips += 1
        return self._tips

    def extendMarkdown(self, md) -> None:
        # Late: after inline parsing and attr_list (priority 8) have produced the final text and ids.
        md.treeprocessors.register(TermLinker(md, self), "glossary_terms", 1)
