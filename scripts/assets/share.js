/* Share a paragraph: a button after each article heading and paragraph (visible, for touch screens too)
   copies a link to that block and opens the system share sheet where the browser has one. Both
   editions share block ids (art-6-p2), so a link names the same paragraph in either language. */
(function () {
  "use strict";

  var WORDS = {
    zh: { article: "第{a}条", paragraph: "第{a}条第{p}段", shareArticle: "分享本条链接",
          shareParagraph: "分享本段链接", copied: "链接已复制", failed: "无法复制，请长按地址栏复制链接" },
    en: { article: "Art. {a}", paragraph: "Art. {a}, para. {p}", shareArticle: "Share a link to this article",
          shareParagraph: "Share a link to this paragraph", copied: "Link copied",
          failed: "Could not copy: copy the address from the address bar" }
  };
  var ICON = "M18,16.08C17.24,16.08 16.56,16.38 16.04,16.85L8.91,12.7C8.96,12.47 9,12.24 9,12C9,11.76 8.96,11.53 " +
    "8.91,11.3L15.96,7.19C16.5,7.69 17.21,8 18,8A3,3 0 0,0 21,5A3,3 0 0,0 18,2A3,3 0 0,0 15,5C15,5.24 15.04,5.47 " +
    "15.09,5.7L8.04,9.81C7.5,9.31 6.79,9 6,9A3,3 0 0,0 3,12A3,3 0 0,0 6,15C6.79,15 7.5,14.69 8.04,14.19L15.16,18.34" +
    "C15.11,18.55 15.08,18.77 15.08,19C15.08,20.61 16.39,21.91 18,21.91C19.61,21.91 20.92,20.61 20.92,19" +
    "A2.92,2.92 0 0,0 18,16.08Z";
  var BLOCK_ID = /^art-(\d+)(?:-p(\d+))?$/;

  function words() {
    return WORDS[document.documentElement.lang === "en" ? "en" : "zh"];
  }

  /* "第6条第2段" / "Art. 6, para. 2" for art-6-p2; "" for an id that is not an article's block. */
  function blockLabel(id) {
    var match = BLOCK_ID.exec(id);
    if (!match) return "";
    var pattern = match[2] ? words().paragraph : words().article;
    return pattern.replace("{a}", match[1]).replace("{p}", match[2] || "");
  }

  /* The site's name as the page's header shows it (from publication.yml, via the theme). */
  function siteName() {
    var topic = document.querySelector(".md-header__topic .md-ellipsis");
    return topic ? topic.textContent.trim() : document.title;
  }

  function blockUrl(id) {
    return location.origin + location.pathname + "#" + id;
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

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error("no clipboard"));
  }

  function shareBlock(id) {
    var title = blockLabel(id) + " · " + siteName();
    var url = blockUrl(id);
    copyText(title + "\n" + url).then(
      function () { notify(words().copied); },
      function () { notify(words().failed); }
    );
    if (navigator.share) navigator.share({ title: title, text: title, url: url }).catch(function () {});
  }

  function shareButton(id, isHeading) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "share-block";
    button.setAttribute("data-share", id);
    button.setAttribute("aria-label", (isHeading ? words().shareArticle : words().shareParagraph) + " · " + blockLabel(id));
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

  function addShareButtons() {
    var blocks = document.querySelectorAll("article h2[id^='art-'], article p[id^='art-']");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (!BLOCK_ID.test(block.id)) continue;
      var isHeading = block.tagName === "H2";
      var button = shareButton(block.id, isHeading);
      var permalink = isHeading && block.querySelector(".headerlink");
      block.insertBefore(button, permalink || null);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.share-block");
    if (!button) return;
    event.preventDefault();
    shareBlock(button.getAttribute("data-share"));
  });

  addShareButtons();
})();
