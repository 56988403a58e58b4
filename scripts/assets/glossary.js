/* Addresses of glossary entries from when every entry was on the one glossary page (/glossary/#term-x, in
   bookmarks and shared links) open the entry on its category page (scripts/glossary/pages.py). The overview
   links every term, so its own link is the new address; a page that has the entry itself is left alone. */
(function () {
  "use strict";

  var id = location.hash.slice(1);
  if (!/^term-[a-z0-9-]+$/.test(id) || document.getElementById(id)) return;
  var link = document.querySelector('article a[href$="#' + id + '"]');
  if (link) location.replace(link.href);
})();
