"""The site's search: one index per edition, built after the build from the pages' own blocks, and the
site's own search worker in place of Material's.

Material's page script keeps the search box and the result list; its worker (lunr, 9.8.1) is replaced by
``worker.js`` here, which speaks the same messages (see docs/decisions/search.md for why). After the build:

- ``index.py`` reads each edition's pages and indexes their blocks (``art-N`` headings, ``art-N-pK``
  paragraphs, part leads, the preamble and closing, the glossary's entries): Chinese words from jieba's
  search mode (two characters or more), English words as written (the worker stems them and the query with
  one Porter stemmer), plus readers' words (``search-synonyms.yml``, optional, see ``synonyms.py``) and the
  glossary's other-language names, alternatives and deprecated renderings, each mapped to the edition's words;
- each edition's ``search/search_index.json``, which Material fetches on every page load, becomes a stub
  naming the real index (``search/index.<hash>.json``), which the worker fetches on the first query.
"""
