/* The site's search worker (scripts/search/__init__.py). The post-build hook writes it in place of
   Material's lunr worker; Material's page script keeps the search box and the result list and talks to it
   through Material's worker messages: SETUP (0, the stub index of search/search_index.json) -> READY (1);
   QUERY (2, the typed text) -> RESULT (3, {items: groups of result documents}).

   The stub names the edition's real index (built by scripts/search/index.py); it is fetched on the first
   non-empty query, not at page load. It also names the other edition's index, fetched only when a query holds
   the other language's script: that edition's results, which share the blocks' ids, lead to this edition's
   blocks (a query typed in English finds the Chinese article whose translation it matches). One result group per article, best article first: the matching
   paragraph (its excerpt, the matched words marked), then the article itself, which Material shows as the
   group's heading and links to (#art-N). */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var MAX_RESULTS = 50;
var SYNONYM_WEIGHT = 0.7;     // a reader's word found through the plan's word counts less than the word itself
var HEADING_BONUS = 0.5;      // share of a word's weight added when the article's heading has it
var PHRASE_BONUS = 1;         // share of the query's weight added when a paragraph has the query as typed
var GLOSSARY_TERM_BONUS = 0.5;
var TF_WEIGHT = 0.2;          // a word said more often in an article counts a little more (logarithm of the count)
var EXCERPT = { zh: 110, en: 220 };   // characters of context around the first match

var HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
var HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/;
var LATIN = /[a-z0-9]+(?:\.[0-9]+)?/g;
var STOP_WORDS = new Set(("a an and are as at be by for from has have in into is it its of on or over " +
  "that the their this to under was were will with within").split(" "));

var config = null;      // the stub's config: index (address relative to this worker), lang, other {index, note}
var loading = {};       // index address -> the promise of the prepared index
var queue = Promise.resolve();   // queries answered in the order they came, whatever each one waits for

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    config = message.data.config;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var query = String(message.data || "");
    if (!query.trim()) {
      self.postMessage({ type: RESULT, data: { items: [], total: 0 } });
      return;
    }
    queue = queue.then(function () { return answer(query); }).then(function (items) {
      self.postMessage({ type: RESULT, data: { items: items, total: items.length } });
    });
  }
});

function answer(query) {
  return load(config.index).then(function (index) {
    if (!config.other || !inOtherScript(index, query)) return search(index, query);
    return load(config.other.index).then(
      function (other) { return searchAcross(index, other, query); },
      function () { return search(index, query); });   // without the other index, the edition's own results
  });
}

function load(address) {
  if (!loading[address]) {
    var url = new URL(address, self.location.href);
    loading[address] = fetch(url, { cache: "force-cache" })  // the name carries a hash of the content
      .then(function (response) {
        if (!response.ok) throw new Error("search index " + url + ": HTTP " + response.status);
        return response.json();
      })
      .then(prepare);
  }
  return loading[address];
}

/* A query the other edition can answer: Latin letters in the Chinese edition, Chinese characters in the English. */
function inOtherScript(index, query) {
  return index.lang === "zh" ? /[a-z]/i.test(query) : HAN_RUN.test(query);
}

/* ---------------------------------------------------------------------------------------------------
   The index (scripts/search/index.py): pages [location…], docs [[page, kind]], blocks [[doc, anchor, text]]
   (a document's first block is its heading), words {word: [block numbers as differences]}, terms [the
   edition's glossary terms], phrases {reader's or other-language phrase: [term number or edition word…]}.
   --------------------------------------------------------------------------------------------------- */

function prepare(raw) {
  var docs = raw.docs.map(function (doc) { return { page: raw.pages[doc[0]], kind: doc[1], anchor: null, title: null }; });
  raw.blocks.forEach(function (block) {
    var doc = docs[block[0]];
    if (doc.anchor === null) { doc.anchor = block[1]; doc.title = block[2]; }
  });
  var docByAnchor = new Map(), blockByAnchor = new Map();
  docs.forEach(function (doc, d) { if (!docByAnchor.has(doc.anchor)) docByAnchor.set(doc.anchor, d); });
  raw.blocks.forEach(function (block, b) { if (!blockByAnchor.has(block[1])) blockByAnchor.set(block[1], b); });
  var words = new Map();
  Object.keys(raw.words).forEach(function (word) {
    var at = 0;
    words.set(word, raw.words[word].map(function (step) { return (at += step); }));
  });
  var phrases = new Map();
  Object.keys(raw.phrases).forEach(function (key) {
    phrases.set(key, raw.phrases[key].map(function (target) { return typeof target === "number" ? raw.terms[target] : target; }));
  });
  raw.terms.forEach(function (term) {
    if (!phrases.has(term.toLowerCase())) phrases.set(term.toLowerCase(), []);
  });
  var index = {
    lang: raw.lang,
    docs: docs,
    docByAnchor: docByAnchor,
    blockByAnchor: blockByAnchor,
    blocks: raw.blocks,
    lowered: raw.blocks.map(function (block) { return block[2].toLowerCase(); }),
    words: words,
    phrases: phrases,
    phraseKeys: Array.from(phrases.keys()).sort(function (a, b) { return b.length - a.length; }),
    terms: new Set(raw.terms.map(function (term) { return term.toLowerCase(); })),
    stems: new Map(),       // English: stem -> {blocks, words}
    literalCache: new Map()
  };
  if (index.lang === "en") {
    index.words.forEach(function (blocks, word) {
      var key = stem(word);
      var entry = index.stems.get(key);
      if (!entry) index.stems.set(key, entry = { blocks: new Set(), words: [] });
      blocks.forEach(function (b) { entry.blocks.add(b); });
      entry.words.push(word);
    });
  }
  return index;
}

/* ---------------------------------------------------------------------------------------------------
   The query as units: each a word or phrase the reader typed, with the edition's strings that match it
   (the word itself, weight 1; a synonym or the other language's glossary term, lower weight).
   --------------------------------------------------------------------------------------------------- */

function queryUnits(index, query) {
  var text = " " + query.normalize("NFKC").toLowerCase() + " ";
  var units = [];
  index.phraseKeys.forEach(function (key) {
    var at = findPhrase(text, key);
    if (at < 0) return;
    var alternatives = [{ literal: key, weight: 1 }].concat(index.phrases.get(key).map(function (phrase) {
      return { literal: phrase.toLowerCase(), weight: SYNONYM_WEIGHT, via: phrase };
    }));
    units.push({ surface: key, alternatives: alternatives, order: at, size: wordCount(key) });
    text = text.slice(0, at) + " ".repeat(key.length) + text.slice(at + key.length);
  });
  var foreign = foreignPhrase(index, text);
  if (foreign) {
    units.push(foreign.unit);
    text = foreign.rest;
  }
  var match;
  LATIN.lastIndex = 0;
  while ((match = LATIN.exec(text))) {
    var word = match[0];
    if (index.lang === "en") {
      if (STOP_WORDS.has(word)) continue;
      units.push({ surface: word, alternatives: [{ stem: stem(word), weight: 1 }], order: match.index, size: 1 });
    } else {
      units.push({ surface: word, alternatives: [wordOrLiteral(index, word)], order: match.index, size: 1 });
    }
  }
  HAN.lastIndex = 0;
  while ((match = HAN.exec(text))) {
    segment(index, match[0]).forEach(function (word) {
      units.push({ surface: word, alternatives: [wordOrLiteral(index, word)], order: match.index + match[0].indexOf(word), size: 1 });
    });
  }
  return units.sort(function (a, b) { return a.order - b.order; });
}

/* How many of the query's words a unit stands for (electric vehicle charging: three), so that an article
   holding a phrase of three typed words ranks above one holding a single other word. */
function wordCount(phrase) {
  var words = phrase.match(LATIN) || [];
  return Math.max(1, words.filter(function (word) { return !STOP_WORDS.has(word); }).length);
}

/* Words of the other language that are no phrase of their own but part of some (river chief, of the
   glossary's river chief system): one unit that finds the edition's words of every such phrase. */
function foreignPhrase(index, text) {
  var pattern = index.lang === "zh" ? /[a-z][a-z0-9]*(?:[\s-]+[a-z][a-z0-9]*)*/ : HAN_RUN;
  var match = pattern.exec(text);
  if (!match) return null;
  var words = match[0].trim(), targets = [];
  index.phraseKeys.forEach(function (key) {
    if (key !== words && findPhrase(" " + key + " ", words) >= 0) {
      index.phrases.get(key).forEach(function (target) { if (targets.indexOf(target) < 0) targets.push(target); });
    }
  });
  if (!targets.length) return null;
  return {
    unit: { surface: words, order: match.index, size: wordCount(words), alternatives: targets.map(function (phrase) {
      return { literal: phrase.toLowerCase(), weight: SYNONYM_WEIGHT, via: phrase };
    }) },
    rest: text.slice(0, match.index) + " ".repeat(match[0].length) + text.slice(match.index + match[0].length)
  };
}

/* Where a phrase key stands in the query: Latin keys only as whole words. */
function findPhrase(text, key) {
  var from = 0;
  for (;;) {
    var at = text.indexOf(key, from);
    if (at < 0 || !/[a-z0-9]/.test(key)) return at;
    if (!/[a-z0-9]/.test(text[at - 1] || "") && !/[a-z0-9]/.test(text[at + key.length] || "")) return at;
    from = at + 1;
  }
}

function wordOrLiteral(index, word) {
  return index.words.has(word) ? { word: word, weight: 1 } : { literal: word, weight: 1 };
}

/* A run of Chinese characters as the index's words (jieba's, two characters or more), covering as many
   characters as possible with as few words as possible. Characters no word covers are searched as typed
   when two or more stand together (地铁 stays 地铁: never a one-character prefix such as 地), or when the
   run is one character. */
function segment(index, run) {
  if (index.words.has(run) || run.length === 1) return [run];
  var n = run.length;
  var best = [{ covered: 0, count: 0, from: -1, word: false }];
  for (var end = 1; end <= n; end++) {
    var choice = { covered: best[end - 1].covered, count: best[end - 1].count + 1, from: end - 1, word: false };
    for (var start = Math.max(0, end - 12); start <= end - 2; start++) {
      if (!index.words.has(run.slice(start, end))) continue;
      var covered = best[start].covered + end - start, count = best[start].count + 1;
      if (covered > choice.covered || covered === choice.covered && count < choice.count) {
        choice = { covered: covered, count: count, from: start, word: true };
      }
    }
    best.push(choice);
  }
  var pieces = [];
  for (var at = n; at > 0; at = best[at].from) pieces.unshift({ text: run.slice(best[at].from, at), word: best[at].word });
  var words = [], loose = "";
  pieces.forEach(function (piece) {
    if (!piece.word) { loose += piece.text; return; }
    if (loose.length > 1) words.push(loose);
    loose = "";
    words.push(piece.text);
  });
  if (loose.length > 1) words.push(loose);
  return words;
}

/* ---------------------------------------------------------------------------------------------------
   Matching and ranking
   --------------------------------------------------------------------------------------------------- */

/* block -> {weight, strings (the edition's words found, for marking)} for one alternative */
function alternativeBlocks(index, alternative) {
  if (alternative.word) return { blocks: index.words.get(alternative.word), strings: [alternative.word] };
  if (alternative.stem) {
    var entry = index.stems.get(alternative.stem);
    return entry ? { blocks: Array.from(entry.blocks), strings: entry.words } : { blocks: [], strings: [] };
  }
  var cached = index.literalCache.get(alternative.literal);
  if (!cached) {
    var pattern = literalPattern(alternative.literal);
    cached = { blocks: [], strings: [alternative.literal] };
    index.lowered.forEach(function (text, b) { if (pattern.test(text)) cached.blocks.push(b); });
    index.literalCache.set(alternative.literal, cached);
  }
  return cached;
}

/* How often the strings occur in a text (at least once: the block matched). */
function occurrences(text, strings) {
  var count = 0;
  strings.forEach(function (s) { if (s) count += text.split(s).length - 1; });
  return Math.max(count, 1);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* A literal: Latin words match whole (ipo not inside equipped), Chinese anywhere. */
function literalPattern(literal) {
  var edge = /[a-z0-9]/.test(literal) ? "(?![a-z0-9])" : "";
  var start = /^[a-z0-9]/.test(literal) ? "(?:^|[^a-z0-9])" : "";
  return new RegExp(start + escapeRegExp(literal) + edge);
}

function unitMatches(index, unit) {
  var byBlock = new Map();
  unit.alternatives.forEach(function (alternative) {
    var found = alternativeBlocks(index, alternative);
    found.blocks.forEach(function (b) {
      var current = byBlock.get(b);
      if (!current || current.weight < alternative.weight) {
        byBlock.set(b, { weight: alternative.weight, strings: found.strings, via: alternative.via });
      }
    });
  });
  return byBlock;
}

function search(index, query) {
  var ranking = rank(index, query);
  return ranking.docs.slice(0, MAX_RESULTS).map(function (doc) { return resultGroup(index, ranking.units, doc); });
}

/* The edition's documents that match the query, best first, with what matched in each. */
function rank(index, query) {
  var units = queryUnits(index, query);
  if (!units.length) return { units: units, docs: [] };
  var docCount = index.docs.length;
  var docs = new Map();   // doc -> {units: per query unit {value, count, heading, strings, via}, blockScores: block -> score}
  units.forEach(function (unit, u) {
    var matches = unitMatches(index, unit);
    var docsOfUnit = new Set();
    matches.forEach(function (_, b) { docsOfUnit.add(index.blocks[b][0]); });
    unit.idf = Math.log(1 + docCount / Math.max(docsOfUnit.size, 1));
    matches.forEach(function (match, b) {
      var d = index.blocks[b][0];
      var doc = docs.get(d);
      if (!doc) docs.set(d, doc = { id: d, units: [], blockScores: new Map(), score: 0, matched: 0 });
      var isTerm = match.strings.some(function (s) { return index.terms.has(s); });
      var value = unit.idf * match.weight * (isTerm ? 1 + GLOSSARY_TERM_BONUS : 1);
      var heading = index.blocks[b][1] === index.docs[d].anchor;
      var found = doc.units[u];
      if (!found) doc.units[u] = found = { value: 0, count: 0, heading: false, strings: new Set(), via: null };
      found.value = Math.max(found.value, value);
      found.count += occurrences(index.lowered[b], match.strings);
      found.heading = found.heading || heading;
      match.strings.forEach(function (s) { found.strings.add(s); });
      if (match.via && match.weight < 1) found.via = found.via || match.via;
      doc.blockScores.set(b, (doc.blockScores.get(b) || 0) + value);
    });
  });
  var typed = query.normalize("NFKC").toLowerCase().trim();
  var ranked = [];
  docs.forEach(function (doc) {
    doc.units.forEach(function (found, u) {
      if (!found) return;
      doc.matched += units[u].size;
      doc.score += found.value * (1 + TF_WEIGHT * Math.log(Math.max(found.count, 1))) + (found.heading ? units[u].idf * HEADING_BONUS : 0);
    });
    if (units.length > 1) {
      doc.blockScores.forEach(function (score, b) {
        if (index.lowered[b].indexOf(typed) >= 0) {
          doc.blockScores.set(b, score * 2);
          doc.phrase = true;
        }
      });
      if (doc.phrase) doc.score += PHRASE_BONUS * units.reduce(function (sum, unit) { return sum + unit.idf; }, 0);
    }
    ranked.push(doc);
  });
  ranked.sort(function (a, b) {
    return b.matched - a.matched
      || index.docs[a.id].kind - index.docs[b.id].kind   // articles before glossary entries
      || b.score - a.score
      || a.id - b.id;
  });
  return { units: units, docs: ranked };
}

/* A query in the other edition's script: the other edition's ranking decides, its documents led to this
   edition's by their shared ids, each shown at the block that matched there. Documents that hold every word
   of the query (in either edition) come first; this edition's own matches follow the other edition's. */
function searchAcross(index, other, query) {
  var own = rank(index, query), far = rank(other, query);
  var ownDocs = new Map(own.docs.map(function (doc) { return [doc.id, doc]; }));
  var complete = [], partial = [], seen = new Set();
  function place(doc, whole) {
    if (seen.has(doc.id)) return;
    seen.add(doc.id);
    (whole ? complete : partial).push(doc);
  }
  far.docs.forEach(function (farDoc) {
    var id = index.docByAnchor.get(other.docs[farDoc.id].anchor);
    if (id === undefined) return;
    var doc = ownDocs.get(id) || { id: id, units: [], blockScores: new Map(), score: 0, matched: 0 };
    doc.across = matchedStrings(farDoc);
    if (!doc.blockScores.size) {
      var farBlock = bestBlock(farDoc), block = index.blockByAnchor.get(other.blocks[farBlock][1]);
      doc.blockScores.set(block === undefined ? index.blockByAnchor.get(index.docs[id].anchor) : block, farDoc.score);
      doc.acrossAt = firstMatch(other.lowered[farBlock], doc.across) / other.lowered[farBlock].length;
    }
    place(doc, holdsEveryWord(farDoc, far) || holdsEveryWord(doc, own));
  });
  own.docs.forEach(function (doc) { place(doc, holdsEveryWord(doc, own)); });
  return complete.concat(partial).slice(0, MAX_RESULTS).map(function (doc) { return resultGroup(index, own.units, doc, query); });
}

function holdsEveryWord(doc, ranking) {
  var size = ranking.units.reduce(function (sum, unit) { return sum + unit.size; }, 0);
  return size > 0 && doc.matched === size;
}

function matchedStrings(doc) {
  var strings = [];
  doc.units.forEach(function (found) {
    if (found) found.strings.forEach(function (s) { if (strings.indexOf(s) < 0) strings.push(s); });
  });
  return strings;
}

/* The block of a document that scored best (the earlier one of equals). */
function bestBlock(doc) {
  var best = -1, bestScore = -1;
  doc.blockScores.forEach(function (score, b) {
    if (score > bestScore || score === bestScore && b < best) { best = b; bestScore = score; }
  });
  return best;
}

/* ---------------------------------------------------------------------------------------------------
   Result groups in Material's shape: [excerpt, article]. Material takes the last document (no location
   without '#') as the group's heading (title only), and shows the others of the same score beneath it.
   --------------------------------------------------------------------------------------------------- */

function resultGroup(index, units, doc, query) {
  var meta = index.docs[doc.id];
  var strings = [], terms = {}, notes = [];
  units.forEach(function (unit, u) {
    var found = doc.units[u];
    if (!found) {
      if (!doc.across) terms[unit.surface] = false;   // Material lists it as missing
      return;
    }
    found.strings.forEach(function (s) { if (strings.indexOf(s) < 0) strings.push(s); terms[s] = true; });
    if (found.via) notes.push(unit.surface + " → " + found.via);
  });
  if (!notes.length && doc.across && doc.across.length) {   // found only through the other edition's text
    notes.push(query.trim() + " → " + config.other.note.replace("{words}", doc.across.join(" ")));
  }
  var block = index.blocks[bestBlock(doc)];
  var score = Math.round(doc.score * 100) / 100;
  return [
    { location: meta.page + "#" + block[1], title: escapeHTML(notes.join("; ")), text: excerpt(index, block[2], strings, doc.acrossAt),
      score: score, terms: terms },
    { location: meta.page + "#" + meta.anchor, title: markAll(meta.title, strings), text: "", score: score, terms: terms }
  ];
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function markingPattern(strings) {
  if (!strings.length) return null;
  var sorted = strings.slice().sort(function (a, b) { return b.length - a.length; });
  return new RegExp(sorted.map(function (s) {
    var escaped = escapeRegExp(escapeHTML(s));
    return /^[a-z0-9]/.test(s) ? "\\b" + escaped + (/[a-z0-9]$/.test(s) ? "\\b" : "") : escaped;
  }).join("|"), "gi");
}

function markAll(text, strings) {
  var pattern = markingPattern(strings);
  var html = escapeHTML(text);
  return pattern ? html.replace(pattern, "<mark>$&</mark>").replace(/<\/mark><mark>/g, "") : html;
}

/* Where the first of the strings stands in a lowered text (-1: none of them). */
function firstMatch(lowered, strings) {
  var first = -1;
  strings.forEach(function (s) {
    var at = lowered.indexOf(s);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  });
  return first;
}

/* The paragraph around its first match, the matched words marked. A paragraph found through its translation
   has no words of the query: its excerpt is taken where the translation matched (``across``: that share of
   the translation's length), as a translation keeps the order of what it says more often than not. */
function excerpt(index, text, strings, across) {
  var first = firstMatch(text.toLowerCase(), strings);
  if (first < 0 && across > 0) first = Math.floor(across * text.length);
  var size = EXCERPT[index.lang] || EXCERPT.en;
  var start = Math.max(0, Math.min(first - Math.floor(size / 4), text.length - size));
  var end = Math.min(text.length, start + size);
  if (index.lang === "en") {
    if (start > 0) start = text.indexOf(" ", start) + 1;
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
  }
  return (start > 0 ? "…" : "") + markAll(text.slice(start, end), strings) + (end < text.length ? "…" : "");
}

/* ---------------------------------------------------------------------------------------------------
   Porter's stemmer (M. F. Porter, 1980, "An algorithm for suffix stripping"), for English words: the
   index keeps the words as written, and both the index's words and the query's are stemmed here, so one
   implementation decides what matches (economy, economic and economies -> econom).
   --------------------------------------------------------------------------------------------------- */

var C = "[^aeiou]", V = "[aeiouy]", CS = C + "[^aeiouy]*", VS = V + "[aeiou]*";
var MGR0 = new RegExp("^(" + CS + ")?" + VS + CS);
var MEQ1 = new RegExp("^(" + CS + ")?" + VS + CS + "(" + VS + ")?$");
var MGR1 = new RegExp("^(" + CS + ")?" + VS + CS + VS + CS);
var HAS_VOWEL = new RegExp("^(" + CS + ")?" + V);
var STEP2 = { ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al",
  entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al", iveness: "ive",
  fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log" };
var STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
var STEP2_RE = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
var STEP3_RE = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
var STEP4_RE = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;

/* Porter's stem, without a final i (economy -> economi -> econom, as economic -> econom). */
function stem(word) {
  var stemmed = porterStem(word);
  return stemmed.length > 3 && stemmed.endsWith("i") ? stemmed.slice(0, -1) : stemmed;
}

function porterStem(word) {
  if (word.length < 3) return word;
  var first = word[0], match;
  if (first === "y") word = "Y" + word.slice(1);
  // Step 1a
  if (/^(.+?)(ss|i)es$/.test(word)) word = word.replace(/^(.+?)(ss|i)es$/, "$1$2");
  else if (/^(.+?)([^s])s$/.test(word)) word = word.replace(/^(.+?)([^s])s$/, "$1$2");
  // Step 1b
  if ((match = /^(.+?)eed$/.exec(word))) {
    if (MGR0.test(match[1])) word = word.slice(0, -1);
  } else if ((match = /^(.+?)(ed|ing)$/.exec(word)) && HAS_VOWEL.test(match[1])) {
    word = match[1];
    if (/(at|bl|iz)$/.test(word)) word += "e";
    else if (/([^aeiouylsz])\1$/.test(word)) word = word.slice(0, -1);
    else if (new RegExp("^" + CS + V + "[^aeiouwxy]$").test(word)) word += "e";
  }
  // Step 1c
  if ((match = /^(.+?)y$/.exec(word)) && HAS_VOWEL.test(match[1])) word = match[1] + "i";
  // Step 2
  if ((match = STEP2_RE.exec(word)) && MGR0.test(match[1])) word = match[1] + STEP2[match[2]];
  // Step 3
  if ((match = STEP3_RE.exec(word)) && MGR0.test(match[1])) word = match[1] + STEP3[match[2]];
  // Step 4
  if ((match = STEP4_RE.exec(word))) {
    if (MGR1.test(match[1])) word = match[1];
  } else if ((match = /^(.+?)(s|t)(ion)$/.exec(word)) && MGR1.test(match[1] + match[2])) {
    word = match[1] + match[2];
  }
  // Step 5
  if ((match = /^(.+?)e$/.exec(word))) {
    var stem = match[1];
    if (MGR1.test(stem) || MEQ1.test(stem) && !new RegExp("^" + CS + V + "[^aeiouwxy]$").test(stem)) word = stem;
  }
  if (/ll$/.test(word) && MGR1.test(word)) word = word.slice(0, -1);
  if (first === "y") word = "y" + word.slice(1);
  return word;
}
