// The article body (README, "The body model"): blocks whose text is spans of plain text with marks
// and links. Rendered with DOM APIs only — createElement and text nodes, never innerHTML — so no
// string of the API can become markup; links are used only when they parse as http:, https: or
// mailto: URLs, whatever the API says.
"use strict";

const BroadsheetBody = (() => {
  const { el, httpUrl } = Broadsheet;
  /** The marks in the API's canonical order, outermost first; each is rendered by the element of its name. */
  const MARKS = ["strong", "em", "code", "sub", "sup"];
  /** The names to show for the embed providers the API knows; another is shown by its id. */
  const PROVIDERS = {
    youtube: "YouTube", vimeo: "Vimeo", x: "X", instagram: "Instagram", facebook: "Facebook", tiktok: "TikTok",
    soundcloud: "SoundCloud", spotify: "Spotify", bluesky: "Bluesky", flickr: "Flickr",
  };

  /** A span's link when it is an absolute http, https or mailto URL, else null. */
  function linkUrl(value) {
    if (typeof value !== "string") {
      return null;
    }
    try {
      const url = new URL(value);
      return url.protocol === "mailto:" ? url.href : httpUrl(value);
    } catch (notAUrl) {
      return null;
    }
  }

  /** Inline content: a text node per span, in an element per mark, in a link when it has one. */
  function inline(owner) {
    const fragment = document.createDocumentFragment();
    if (!Array.isArray(owner.content)) {
      // An API from before spans: the plain text.
      fragment.append(document.createTextNode(typeof owner.text === "string" ? owner.text : ""));
      return fragment;
    }
    for (const span of owner.content) {
      if (span && span.break === true) {
        fragment.append(el("br"));
      } else if (span && typeof span.text === "string") {
        const marks = Array.isArray(span.marks) ? span.marks : [];
        let node = document.createTextNode(span.text);
        for (const mark of MARKS.slice().reverse()) {
          if (marks.includes(mark)) {
            node = el(mark, {}, node);
          }
        }
        const href = linkUrl(span.href);
        fragment.append(href ? el("a", { href }, node) : node);
      }
    }
    return fragment;
  }

  function list(block) {
    return el(block.ordered ? "ol" : "ul", {}, ...(block.items || []).map(item =>
      el("li", {}, inline(item), item.list ? list(item.list) : null)));
  }

  function table(block) {
    const cells = (row, tag) => el("tr", {}, ...(row || []).map(cell => el(tag, tag === "th" ? { scope: "col" } : {}, inline(cell))));
    const header = Array.isArray(block.header) && block.header.length ? el("thead", {}, cells(block.header, "th")) : null;
    return el("div", { class: "table-wrap" }, el("table", {},
      block.caption ? el("caption", {}, block.caption) : null,
      header,
      el("tbody", {}, ...(block.rows || []).map(row => cells(row, "td")))));
  }

  /** An image as a figure; nothing when its URL is not http(s). */
  function figure(image, className) {
    const src = image && httpUrl(image.src);
    if (!src) {
      return null;
    }
    return el("figure", { class: className },
      el("img", { src, alt: image.alt || "", width: image.width, height: image.height, loading: "lazy" }),
      image.caption ? el("figcaption", {}, image.caption) : null);
  }

  /** An embed as a link card: the provider and the URL. The page loads nothing of the provider's. */
  function embed(block) {
    const url = httpUrl(block.url);
    if (!url || !url.startsWith("https:")) {
      return block.text ? el("p", {}, block.text) : null;
    }
    const provider = PROVIDERS[block.provider] || String(block.provider || "");
    return el("figure", { class: "embed" },
      el("a", { class: "embed-card", href: url, rel: "noopener noreferrer" },
        el("span", { class: "embed-provider" }, provider),
        el("span", { class: "embed-url" }, url)),
      block.caption ? el("figcaption", {}, block.caption) : null);
  }

  /** One block as an element (a fragment when there is nothing to show). */
  function block(block) {
    const node = render(block);
    return node || document.createDocumentFragment();
  }

  function render(block) {
    switch (block.type) {
      case "paragraph":
        return el("p", {}, inline(block));
      case "heading":
        return el("h" + ([2, 3, 4].includes(block.level) ? block.level : 2), {}, inline(block));
      case "quote": {
        const cite = httpUrl(block.cite);
        const footer = block.attribution || cite ? el("footer", {},
          block.attribution ? el("cite", {}, block.attribution) : null,
          cite ? el("a", { class: "quote-source", href: cite }, block.attribution ? "source" : cite) : null) : null;
        return el("blockquote", cite ? { cite } : {}, el("p", {}, inline(block)), footer);
      }
      case "list":
        return list(block);
      case "code":
        return el("pre", { class: "code" }, el("code", block.language ? { "data-language": block.language } : {}, block.text || ""));
      case "table":
        return table(block);
      case "image":
        return figure(block.image, "inline-image");
      case "gallery":
        return el("figure", { class: "gallery" },
          el("div", { class: "gallery-images" }, ...(block.images || []).map(image => figure(image, "gallery-image"))),
          block.caption ? el("figcaption", {}, block.caption) : null);
      case "embed":
        return embed(block);
      case "separator":
        return el("hr");
      default:
        // A type this page does not know yet: its plain-text form, which every block has.
        return block.text ? el("p", {}, block.text) : null;
    }
  }

  return { block };
})();
