/* Share and cite a paragraph: a button after each article heading and paragraph (visible, for touch screens
   too) opens a small menu: copy a link to the block, share it (where the browser has a share sheet), cite
   it (a dialog with the citation, ready to copy), or read it in the parallel text. Both editions share
   block ids (art-6-p2), so a link names the same paragraph in either language. Every word, and the
   citation's pattern, comes from the page (#cite-strings: scripts/citation.py, scripts/templates/). */
(function () {
  "use strict";

  var ICON = "M18,16.08C17.24,16.08 16.56,16.38 16.04,16.85L8.91,12.7C8.96,12.47 9,12.24 9,12C9,11.76 8.96,11.53 " +
    "8.91,11.3L15.96,7.19C16.5,7.69 17.21,8 18,8A3,3 0 0,0 21,5A3,3 0 0,0 18,2A3,3 0 0,0 15,5C15,5.24 15.04,5.47 " +
    "15.09,5.7L8.04,9.81C7.5,9.31 6.79,9 6,9A3,3 0 0,0 3,12A3,3 0 0,0 6,15C6.79,15 7.5,14.69 8.04,14.19L15.16,18.34" +
    "C15.11,18.55 15.08,18.77 15.08,19C15.08,20.61 16.39,21.91 18,21.91C19.61,21.91 20.92,20.61 20.92,19" +
    "A2.92,2.92 0 0,0 18,16.08Z";
  var BLOCK_ID = /^art-(\d+)(?:-p(\d+))?$/;
  var STATES = ["stale", "edited", "draft", "untranslated"];  // the classes scripts/annotate.py sets

  var stringsNode = document.getElementById("cite-strings");
  if (!stringsNode) return;
  var WORDS = JSON.parse(stringsNode.textContent);

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  /* "Art. 6, para. 2" (short) or "Article 6, paragraph 2" for art-6-p2; "" for an id that is not an article's block. */
  function blockLabel(id, short) {
    var match = BLOCK_ID.exec(id);
    if (!match) return "";
    var key = (short ? "short_" : "") + (match[2] ? "paragraph" : "article");
    return fill(WORDS[key], { a: match[1], p: match[2] || "" });
  }

  /* The site's name as the page's header shows it (from publication.yml, via the theme). */
  function siteName() {
    var topic = document.querySelector(".md-header__topic .md-ellipsis");
    return topic ? topic.textContent.trim() : document.title;
  }

  function viewedUrl(id) {
    return location.origin + location.pathname + "#" + id;
  }

  /* The block's permanent address, or the address as viewed, said to be so, where the site has none. */
  function citedUrl(id) {
    return WORDS.permanent ? WORDS.permanent + "#" + id : fill(WORDS.viewed_url, { url: viewedUrl(id) });
  }

  /* The edition and review status of the block as this page shows it. */
  function edition(block) {
    if (document.documentElement.lang !== "en") return WORDS.editions.original;
    for (var i = 0; i < STATES.length; i++) {
      if (block.classList.contains("status-" + STATES[i])) return WORDS.editions[STATES[i]];
    }
    return WORDS.editions[block.getAttribute("data-status") || "reviewed"] || WORDS.editions.reviewed;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function citation(id) {
    var block = document.getElementById(id);
    return fill(WORDS.citation, { where: blockLabel(id, false), edition: edition(block), url: citedUrl(id), accessed: today() });
  }

  /* Material's own notice (the one its copy-code button uses), shown for two seconds. */
  function notify(message) {
    var dialog = document.querySelector("[data-md-component=dialog]");
    if (!dialog) return;
    dialog.querySelector(".md-dialog__inner").textContent = message;
    dialog.classList.add("md-dialog--active");
    clearTimeout(notify.timer);
    notify.timer = setTimeout(function () { dialog.classList.remove("md-dialog--active"); }, 2000);
  }

  function copyText(text, done) {
    var copying = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard"));
    copying.then(function () { notify(done); }, function () { notify(WORDS.failed); });
  }

  function shareTitle(id) {
    return blockLabel(id, true) + " · " + siteName();
  }

  /* The part's parallel text at this block, if the page links to it (scripts/overrides/partials/parallel-link.html). */
  function parallelUrl(id) {
    var link = document.querySelector(".parallel-link a");
    return link ? link.href.split("#")[0] + "#" + id : "";
  }

  /* ---- the menu ---- */

  var menu = null;  // {element, button}

  function item(tag, label, action) {
    var node = document.createElement(tag);
    node.className = "share-menu__item";
    node.setAttribute("role", "menuitem");
    node.setAttribute("tabindex", "-1");
    node.textContent = label;
    if (tag === "button") node.type = "button";
    node.setAttribute("data-action", action);
    return node;
  }

  function openMenu(button) {
    closeMenu(false);
    var id = button.getAttribute("data-share");
    var element = document.createElement("div");
    element.className = "share-menu";
    element.setAttribute("role", "menu");
    element.setAttribute("aria-label", button.getAttribute("aria-label"));
    element.appendChild(item("button", WORDS.copy_link, "copy"));
    if (navigator.share) element.appendChild(item("button", WORDS.share, "share"));
    element.appendChild(item("button", WORDS.cite, "cite"));
    var parallel = parallelUrl(id);
    if (parallel) {
      var link = item("a", WORDS.parallel, "parallel");
      link.href = parallel;
      element.appendChild(link);
    }
    document.body.appendChild(element);
    place(element, button);
    button.setAttribute("aria-expanded", "true");
    menu = { element: element, button: button, id: id };
    element.querySelector(".share-menu__item").focus();
  }

  /* Below the button, right-aligned with it, inside the window. */
  function place(element, button) {
    var box = button.getBoundingClientRect();
    var width = element.offsetWidth;
    var left = Math.max(8, Math.min(box.right - width, document.documentElement.clientWidth - width - 8));
    element.style.left = left + window.scrollX + "px";
    element.style.top = box.bottom + window.scrollY + "px";
  }

  function closeMenu(refocus) {
    if (!menu) return;
    menu.button.setAttribute("aria-expanded", "false");
    menu.element.remove();
    if (refocus) menu.button.focus();
    menu = null;
  }

  function run(action, id, button) {
    if (action === "copy") copyText(shareTitle(id) + "\n" + viewedUrl(id), WORDS.copied);
    else if (action === "share") navigator.share({ title: shareTitle(id), text: shareTitle(id), url: viewedUrl(id) }).catch(function () {});
    else if (action === "cite") openCitation(id, button);
  }

  /* ---- the citation dialog ---- */

  function openCitation(id, button) {
    var dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-labelledby", "cite-dialog-title");
    var title = document.createElement("h2");
    title.id = "cite-dialog-title";
    title.textContent = fill(WORDS.cite_title, { where: blockLabel(id, false) });
    var text = document.createElement("textarea");
    text.className = "cite-dialog__text";
    text.readOnly = true;
    text.rows = 8;
    text.value = citation(id);
    text.setAttribute("aria-label", title.textContent);
    var actions = document.createElement("div");
    actions.className = "cite-dialog__actions";
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "cite-dialog__copy";
    copy.textContent = WORDS.copy_citation;
    copy.addEventListener("click", function () {
      text.value = citation(id);  // the date accessed is the day it is copied
      copyText(text.value, WORDS.citation_copied);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = WORDS.close;
    close.addEventListener("click", function () { dialog.close(); });
    actions.appendChild(copy);
    actions.appendChild(close);
    dialog.appendChild(title);
    dialog.appendChild(text);
    dialog.appendChild(actions);
    dialog.addEventListener("close", function () {
      dialog.remove();
      button.focus();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    text.scrollTop = 0;
    copy.focus();
  }

  /* ---- the buttons ---- */

  function shareButton(id, isHeading) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "share-block";
    button.setAttribute("data-share", id);
    button.setAttribute("aria-haspopup", "menu");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", fill(WORDS.menu, { where: blockLabel(id, true) }));
    button.title = button.getAttribute("aria-label");
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICON);
    svg.appendChild(path);
    button.appendChild(svg);
    return button;
  }

  /* At each article heading: the article in the parallel text, a small touch-sized link. */
  function parallelLink(id) {
    var href = parallelUrl(id);
    if (!href) return null;
    var link = document.createElement("a");
    link.className = "parallel-block";
    link.href = href;
    link.textContent = WORDS.parallel_mark;
    /* The accessible name starts with the visible text, so voice control ("click 中/EN") finds it. */
    link.setAttribute("aria-label", WORDS.parallel_mark + " " + WORDS.parallel + " · " + blockLabel(id, true));
    link.title = link.getAttribute("aria-label");
    return link;
  }

  function addShareButtons() {
    var blocks = document.querySelectorAll("article h2[id^='art-'], article p[id^='art-']");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (!BLOCK_ID.test(block.id)) continue;
      var isHeading = block.tagName === "H2";
      var permalink = isHeading && block.querySelector(".headerlink");
      var parallel = isHeading && parallelLink(block.id);
      if (parallel) block.insertBefore(parallel, permalink || null);
      block.insertBefore(shareButton(block.id, isHeading), permalink || null);
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) return;
    var button = target.closest("button.share-block");
    if (button) {
      event.preventDefault();
      if (menu && menu.button === button) closeMenu(true);
      else openMenu(button);
      return;
    }
    var chosen = menu && target.closest(".share-menu__item");
    if (chosen && chosen.getAttribute("data-action") !== "parallel") {
      var current = menu;
      closeMenu(false);
      run(chosen.getAttribute("data-action"), current.id, current.button);
    } else if (menu && !target.closest(".share-menu")) {
      closeMenu(false);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!menu) return;
    var items = Array.prototype.slice.call(menu.element.querySelectorAll(".share-menu__item"));
    var at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      closeMenu(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      items[(at + step + items.length) % items.length].focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      items[event.key === "Home" ? 0 : items.length - 1].focus();
    } else if (event.key === "Tab") {
      closeMenu(true);
    }
  });

  window.addEventListener("resize", function () { closeMenu(false); });

  addShareButtons();
})();
