// The article list: GET /articles, newest first, "More articles" follows nextCursor.
"use strict";

(() => {
  const { call, el, httpUrl, formatDate, showStatus, articleHref } = Broadsheet;
  const list = document.getElementById("articles");
  const more = document.getElementById("more");
  let cursor = null;

  function teaser(item) {
    const image = item.heroImage && httpUrl(item.heroImage.src);
    return el("li", { class: "teaser" },
      image ? el("a", { href: articleHref(item.slug), class: "teaser-image", tabindex: "-1" },
        el("img", { src: image, alt: item.heroImage.alt || "", loading: "lazy" })) : null,
      el("div", { class: "teaser-text" },
        el("h2", {}, el("a", { href: articleHref(item.slug) }, item.headline || item.slug)),
        item.summary ? el("p", { class: "standfirst" }, item.summary) : null,
        el("p", { class: "byline" }, el("time", { datetime: item.publishedAt }, formatDate(item.publishedAt)))));
  }

  async function load() {
    more.disabled = true;
    try {
      const query = "?limit=10" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
      const { body } = await call("GET", "/articles" + query);
      body.items.forEach(item => list.append(teaser(item)));
      cursor = body.nextCursor || null;
      more.hidden = !cursor;
      showStatus(list.children.length ? "" : "No articles are published yet.");
    } catch (e) {
      showStatus("The articles could not be loaded: " + e.message, true);
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener("click", load);
  load();
})();
