/* Language switch keeps the block: both editions (and the parallel text) share block ids, so the other
   edition's page is opened at the same #anchor: the block (heading, paragraph, or parallel row) the reader
   has scrolled to, else the URL's hash. Applies to the header's language menu, the English pages'
   "中文原文" link, the part pages' link to the parallel text and the parallel text's links to the editions. */
(function () {
  "use strict";

  var SWITCHES = ".md-select, .translation-notice, .parallel-intro, .parallel-link";
  var BLOCKS = "article .parallel-row[id], article h1[id], article h2[id], article p[id]";

  function isHeading(block) {
    return /^H[12]$/.test(block.tagName) || (block.classList.contains("parallel-row") && !!block.querySelector("h1, h2"));
  }

  /* The block the reader is at: the paragraph whose first line has gone under the sticky header (the
     reader is inside it), else the heading last scrolled to the top of the window. At the top of the page,
     the block the reader came for by its link (the URL's hash), if any. */
  function currentAnchor() {
    if (window.scrollY < 50 && location.hash) return location.hash;
    var header = document.querySelector(".md-header");
    var line = (header ? header.getBoundingClientRect().bottom : 0) - 16;
    var heading = "", paragraph = "";
    var blocks = document.querySelectorAll(BLOCKS);
    for (var i = 0; i < blocks.length; i++) {
      var top = blocks[i].getBoundingClientRect().top;
      if (isHeading(blocks[i])) {
        if (top <= 120) { heading = blocks[i].id; paragraph = ""; }
      } else if (top <= line) {
        paragraph = blocks[i].id;
      }
    }
    var id = paragraph || heading;
    return id ? "#" + id : location.hash;
  }

  /* In the capture phase, before the theme's own handler of language links (on the body), which would start
     a second navigation to the same page without the block: two navigations race, one is aborted. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang], .parallel-link a");
    if (!link || !link.closest(SWITCHES)) return;
    var anchor = currentAnchor();
    if (!anchor) return;
    event.preventDefault();
    event.stopPropagation();
    location.href = link.href.split("#")[0] + anchor;
  }, true);
})();

/* Glossary terms (scripts/glossary/links.py, scripts/assets/glossary.css): a tap on the open term or outside
   it closes its explanation, Escape closes it, a wide screen's tooltip is moved back inside the window, and
   the reader can turn the marking off (remembered in localStorage). */
(function () {
  "use strict";

  var STORAGE_KEY = "proposal.terms";
  var TOGGLE_LABEL = { zh: "标出术语（点按可看解释）", en: "Mark glossary terms (tap one for its explanation)" };

  function termOf(node) {
    return node && node.closest ? node.closest(".term") : null;
  }

  function openTerm() {
    return termOf(document.activeElement);
  }

  function closeTerm(term, keepFocus) {
    term.classList.add("term--dismissed");
    term.setAttribute("aria-expanded", "false");
    if (!keepFocus && term.contains(document.activeElement)) document.activeElement.blur();
  }

  /* A tooltip under a term near the right edge would widen the page: shift it left by the overflow. The
     phone's bottom sheet (position: fixed) needs nothing. */
  function keepInside(term) {
    var tip = term.querySelector(".term__tip");
    if (!tip) return;
    tip.style.marginLeft = "";
    if (getComputedStyle(tip).position !== "absolute") return;
    var box = tip.getBoundingClientRect();
    var overflow = box.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.marginLeft = -Math.min(overflow, Math.max(box.left - 8, 0)) + "px";
  }

  function opened(term) {
    if (document.documentElement.classList.contains("terms-off")) return;
    term.classList.remove("term--dismissed");
    term.setAttribute("aria-expanded", "true");
    keepInside(term);
  }

  var tappedOpen = null;  // the term that was already open when the pointer went down on it

  document.addEventListener("pointerdown", function (event) {
    var term = termOf(event.target);
    tappedOpen = term && term === openTerm() ? term : null;
    var current = openTerm();
    if (current && current !== term) closeTerm(current);  // iOS does not blur on a tap on plain text
  });
  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (term && term === tappedOpen && !event.target.closest(".term__tip")) closeTerm(term);
    tappedOpen = null;
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term && event.target === term) opened(term);
  });
  document.addEventListener("focusout", function (event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget)) term.setAttribute("aria-expanded", "false");
  });
  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget)) opened(term);
  });
  document.addEventListener("keydown", function (event) {
    var term = openTerm();
    if (event.key !== "Escape" || !term) return;
    term.focus();  // from the link inside the tip back to the term, so keyboard users keep their place
    closeTerm(term, true);
  });

  function storedOff() {
    try { return localStorage.getItem(STORAGE_KEY) === "off"; } catch (error) { return false; }
  }

  function store(on) {
    try { localStorage.setItem(STORAGE_KEY, on ? "on" : "off"); } catch (error) { /* private mode: not kept */ }
  }

  function applyMarking(on) {
    document.documentElement.classList.toggle("terms-off", !on);
    var terms = document.querySelectorAll(".term");
    for (var i = 0; i < terms.length; i++) terms[i].setAttribute("tabindex", on ? "0" : "-1");
  }

  /* A checkbox above the article text, on pages that mark terms (on the parallel text, above both columns). */
  function addToggle() {
    var first = document.querySelector("article .term");
    var heading = document.querySelector("article .parallel-intro") || document.querySelector("article h1");
    if (!first || !heading) return;
    var lang = document.documentElement.lang === "en" ? "en" : "zh";
    var label = document.createElement("label");
    label.className = "term-toggle";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = !storedOff();
    label.appendChild(box);
    label.appendChild(document.createTextNode(TOGGLE_LABEL[lang]));
    heading.insertAdjacentElement("afterend", label);
    box.addEventListener("change", function () {
      store(box.checked);
      applyMarking(box.checked);
    });
    applyMarking(box.checked);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addToggle);
  else addToggle();
})();

/* Search (scripts/search/): Material's search box reads the query on keyup only, which Chinese input
   methods and pasting do not send: pass each input (once composition ends) on as a keyup. And the search
   index is not loaded with the page: when the reader opens search, fetch it, so the worker's first query
   finds it in the browser's cache (the stub Material loaded names it, relative to the worker). */
(function () {
  "use strict";

  var prefetched = false;

  function config() {
    var element = document.getElementById("__config");
    return element ? JSON.parse(element.textContent) : null;
  }

  function prefetchIndex() {
    if (prefetched) return;
    prefetched = true;
    var settings = config();
    if (!settings || !settings.search) return;
    var base = new URL(settings.base, location.href);
    var worker = new URL(settings.search, location.href);
    fetch(new URL("search/search_index.json", base))
      .then(function (response) { return response.json(); })
      .then(function (stub) { if (stub.config && stub.config.index) fetch(new URL(stub.config.index, worker), { cache: "force-cache" }); })
      .catch(function () { prefetched = false; });
  }

  function passOnAsKeyup(event) {
    if (event.isComposing) return;  // still composing: the compositionend event follows
    event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function setUp() {
    var box = document.querySelector("input.md-search__input");
    var toggle = document.getElementById("__search");
    if (!box) return;
    box.addEventListener("input", passOnAsKeyup);
    box.addEventListener("compositionend", passOnAsKeyup);
    box.addEventListener("focus", prefetchIndex);
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) prefetchIndex(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
