/* Language switch keeps the article: both editions share block ids, so the other edition's page
   is opened at the same #anchor (the URL's hash, or the article heading the reader has scrolled to). */
(function () {
  "use strict";

  /* The article whose heading was last scrolled past the top of the window (below the sticky header). */
  function currentAnchor() {
    var headings = document.querySelectorAll("article h2[id], article h1[id]");
    var current = "";
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= 120) current = "#" + headings[i].id;
    }
    return current || location.hash;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !link.closest(".md-select")) return;
    var anchor = currentAnchor();
    if (!anchor) return;
    event.preventDefault();
    location.href = link.href.split("#")[0] + anchor;
  });
})();
