// The article page: the article, its approved comments (threaded), and the comment form with its
// password challenge. Calls, in order: GET /articles/{slug}; GET /articles/{slug}/comments;
// POST /articles/{slug}/challenges; on submit POST /articles/{slug}/comments (JSON).
"use strict";

(() => {
  const { apiUrl, call, el, httpUrl, formatDate, setText, showStatus, ApiError } = Broadsheet;
  // The page's URL is /articles/{slug}: the site's rewrite, and the API's ArticleUrlPattern.
  const slug = decodeURIComponent((location.pathname.match(/^\/articles\/([^/]+)$/) || [])[1] || "");
  const articlePath = "/articles/" + encodeURIComponent(slug || "");
  const form = document.getElementById("comment-form");
  const respond = document.getElementById("respond");
  const commentList = document.getElementById("comment-list");
  const comments = [];          // approved comments loaded so far, flat
  let commentsCursor = null;

  // ---- the article -------------------------------------------------------------------------

  function renderArticle(article) {
    document.title = article.headline + " — Broadsheet";
    setText("headline", article.headline);
    setText("summary", article.summary);
    setText("tags", (article.tags || []).slice(0, 1).join(""));
    const published = document.getElementById("published");
    published.setAttribute("datetime", article.publishedAt || "");
    published.textContent = formatDate(article.publishedAt);

    const hero = article.heroImage;
    const heroSrc = hero && httpUrl(hero.src);
    if (heroSrc) {
      const image = document.getElementById("hero-image");
      if (hero.width && hero.height) {
        image.width = hero.width;
        image.height = hero.height;
      }
      image.alt = hero.alt || "";
      // The API's stable /images/{key} URL: it answers 302 to a short-lived signed URL.
      image.src = heroSrc;
      setText("caption", hero.caption);
      setText("credit", hero.credit);
      document.getElementById("hero").hidden = false;
    }

    const body = document.getElementById("body");
    for (const block of article.body || []) {
      body.append(BroadsheetBody.block(block));
    }

    const pin = article.share && httpUrl(article.share.pinterest);
    if (pin) {
      const link = document.getElementById("pin-it");
      link.href = pin;
      link.hidden = false;
    }
    document.getElementById("article").hidden = false;
  }

  // ---- comments ----------------------------------------------------------------------------

  /** One comment as the page needs it; the API's field names live here only. */
  function commentView(comment) {
    return {
      id: comment.id,
      parentId: comment.parentId || null,
      name: comment.author && comment.author.name,
      website: httpUrl(comment.author && comment.author.url),
      html: comment.contentHtml || "",
      createdAt: comment.createdAt,
      status: comment.status,
      removed: comment.removed === true,
    };
  }

  /**
   * A comment taken down while replies hang under it: the API lists it as {id, parentId,
   * removed: true} so the replies keep their thread. Shown as a placeholder, with no reply link.
   */
  function renderRemoved(view) {
    return el("li", { class: "comment removed", id: "comment-" + view.id },
      el("article", { class: "comment-body" }, el("p", { class: "comment-removed" }, "This comment was removed.")));
  }

  function renderComment(view) {
    if (view.removed) {
      return renderRemoved(view);
    }
    const author = view.website
      ? el("a", { href: view.website, rel: "nofollow ugc noopener noreferrer", class: "url" }, view.name || "Anonymous")
      : el("span", {}, view.name || "Anonymous");
    const content = el("div", { class: "comment-content" });
    // Sanitized by the API on write (the allowed tags only, http/https/mailto links): inserted as HTML.
    content.innerHTML = view.html;
    const item = el("li", { class: "comment", id: "comment-" + view.id },
      el("article", { class: "comment-body" },
        el("header", { class: "comment-meta" },
          el("strong", { class: "comment-author" }, author), " ",
          el("time", { datetime: view.createdAt }, formatDate(view.createdAt))),
        content));
    if (view.status === "pending") {
      item.querySelector(".comment-body").append(el("p", { class: "moderation" }, "Your comment is awaiting moderation."));
    } else {
      const reply = el("a", { href: "#respond", class: "reply-link", "data-parent": view.id }, "Reply");
      reply.addEventListener("click", event => {
        event.preventDefault();
        replyTo(view.id, item);
      });
      item.querySelector(".comment-body").append(el("p", { class: "reply" }, reply));
    }
    return item;
  }

  /** Nests the flat list by parentId; a reply whose parent is not loaded is shown at the top level. */
  function renderThreads() {
    const byParent = new Map();
    const ids = new Set(comments.map(c => c.id));
    for (const c of comments) {
      const key = c.parentId && ids.has(c.parentId) ? c.parentId : null;
      if (!byParent.has(key)) {
        byParent.set(key, []);
      }
      byParent.get(key).push(c);
    }
    const build = parentId => (byParent.get(parentId) || []).map(c => {
      const item = renderComment(c);
      const children = build(c.id);
      if (children.length) {
        item.append(el("ol", { class: "children" }, ...children));
      }
      return item;
    });
    commentList.replaceChildren(...build(null));
    // Placeholders are no comments: the count is of what readers wrote and can read.
    const count = comments.filter(c => !c.removed).length;
    setText("comments-title", count === 1 ? "1 Comment" : count + " Comments");
    document.getElementById("comments").hidden = count === 0;
  }

  async function loadComments() {
    const more = document.getElementById("more-comments");
    more.disabled = true;
    try {
      const query = commentsCursor ? "?cursor=" + encodeURIComponent(commentsCursor) : "";
      const { body } = await call("GET", articlePath + "/comments" + query);
      const flatten = list => list.flatMap(c => [c, ...flatten(c.replies || [])]);
      // A placeholder can come again on a later page (its replies span pages): keep one.
      flatten(body.items || []).filter(c => !comments.some(known => known.id === c.id))
        .forEach(c => comments.push(commentView(c)));
      commentsCursor = body.nextCursor || null;
      more.hidden = !commentsCursor;
      renderThreads();
    } finally {
      more.disabled = false;
    }
  }

  function replyTo(parentId, item) {
    form.elements.parentId.value = parentId;
    item.append(respond);
    document.getElementById("cancel-reply").hidden = false;
    form.elements.content.focus();
  }

  document.getElementById("cancel-reply").addEventListener("click", event => {
    event.preventDefault();
    form.elements.parentId.value = "";
    document.getElementById("cancel-reply").hidden = true;
    document.querySelector("main").append(respond);
  });

  // ---- the comment form --------------------------------------------------------------------

  /** "You may use these HTML tags and attributes: <a href="" title=""> …", from the challenge. */
  function allowedTagsSentence(allowedTags) {
    const tags = (allowedTags || []).filter(tag => typeof tag === "string");
    return tags.length ? "You may use these HTML tags and attributes: " + tags.join(" ") : "";
  }

  async function newChallenge() {
    const { body } = await call("POST", articlePath + "/challenges");
    setText("challenge-password", body.password);
    form.elements.challengeToken.value = body.token;
    form.elements.challengePassword.value = "";
    // Text, not HTML: the sentence shows the tags themselves.
    setText("allowed-tags", allowedTagsSentence(body.allowedTags));
    await proofOfWork.challenge(body.altcha);
  }

  /**
   * The optional proof of work: when the challenge carries "altcha", the ALTCHA widget (served by
   * this site from /vendor/altcha.js, loaded only then) solves it in the background as soon as the
   * form is shown; its solution goes with the comment as the "altcha" field.
   */
  const proofOfWork = (() => {
    const container = document.getElementById("proof-of-work");
    let solution = null;        // the widget's base64 payload once verified
    let solved = Promise.resolve();
    let widgetLoaded = null;

    async function challenge(altcha) {
      solution = null;
      if (!altcha || typeof altcha !== "object") {
        container.replaceChildren();
        container.hidden = true;
        solved = Promise.resolve();
        return;
      }
      widgetLoaded = widgetLoaded || import("/vendor/altcha.js");
      await widgetLoaded;
      const widget = document.createElement("altcha-widget");
      widget.setAttribute("challengejson", JSON.stringify(altcha));
      widget.setAttribute("auto", "onload");
      widget.setAttribute("hidefooter", "");
      widget.setAttribute("name", "altcha");
      solved = new Promise(resolve => {
        widget.addEventListener("statechange", event => {
          const { state, payload } = event.detail || {};
          if (state === "verified") {
            solution = payload;
            resolve();
          }
        });
      });
      container.replaceChildren(widget);
      container.hidden = false;
    }

    /** The solution to send; waits for the widget when it is still working. */
    async function field() {
      if (container.hidden) {
        return null;
      }
      await solved;
      return solution;
    }

    return { challenge, field };
  })();

  function clearErrors() {
    form.querySelectorAll(".field-error").forEach(node => node.remove());
    form.querySelectorAll("[aria-invalid]").forEach(node => node.removeAttribute("aria-invalid"));
    const formError = document.getElementById("form-error");
    formError.hidden = true;
    formError.textContent = "";
  }

  /** The last segment of a problem type: "challenge-wrong-password", "invalid-request", … */
  function problemKind(type) {
    return String(type || "").split("/").pop();
  }

  /**
   * Each errors[] entry next to the input it names; a failed challenge (403, no errors[]) next to
   * the password; the rest, and the detail, above the form.
   */
  function showProblem(error) {
    const unplaced = [];
    const fieldErrors = (error.problem.errors || []).slice();
    if (!fieldErrors.length && problemKind(error.problem.type).startsWith("challenge-")) {
      fieldErrors.push({ field: "challengePassword", message: error.message });
    }
    for (const fieldError of fieldErrors) {
      const input = typeof fieldError.field === "string" ? form.elements.namedItem(fieldError.field) : null;
      if (input && input.type !== "hidden" && input.name !== "phone") {
        const id = "error-" + input.id;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", id);
        input.insertAdjacentElement("afterend", el("span", { class: "field-error", id, "data-field": input.name },
          fieldError.message || "This field is not valid."));
      } else {
        unplaced.push(fieldError.message);
      }
    }
    const messages = unplaced.length ? unplaced : fieldErrors.length ? [] : [error.message];
    if (error.status === 429) {
      messages.push("Please wait a moment before posting again.");
    }
    if (messages.length) {
      const formError = document.getElementById("form-error");
      formError.textContent = messages.join(" ");
      formError.hidden = false;
    }
  }

  function fields() {
    const data = {};
    for (const [name, value] of new FormData(form)) {
      if (value !== "" || name === "phone") {
        // The checkbox sends "on" in a plain form post; in JSON the API takes a boolean.
        data[name] = name === "notify" ? true : value;
      }
    }
    return data;
  }

  form.addEventListener("submit", async event => {
    event.preventDefault();
    clearErrors();
    const submit = document.getElementById("submit");
    submit.disabled = true;
    try {
      const data = fields();
      const altcha = await proofOfWork.field();
      if (altcha) {
        data.altcha = altcha;
      }
      const { body } = await call("POST", articlePath + "/comments", data);
      const view = commentView(body || {});
      const pending = document.getElementById("pending");
      if (view.status === "approved") {
        comments.push(view);
        renderThreads();
        pending.hidden = true;
      } else {
        pending.replaceChildren(el("strong", {}, "Thank you. Your comment is awaiting moderation."),
          " It will appear here once an editor approves it.");
        pending.hidden = false;
        if (view.id !== undefined) {
          commentList.append(renderComment({ ...view, status: "pending" }));
          document.getElementById("comments").hidden = false;
        }
      }
      form.elements.content.value = "";
      form.elements.parentId.value = "";
      await newChallenge();   // a password is good for one comment
    } catch (e) {
      if (!(e instanceof ApiError)) {
        showProblem(new ApiError(0, { detail: "The comment could not be sent: " + e.message }));
        return;
      }
      showProblem(e);
      const kind = problemKind(e.problem.type);
      if (kind.startsWith("challenge-") || kind.startsWith("proof-of-work-")) {
        // Wrong, expired or used: the next try needs a fresh password (and proof of work).
        newChallenge().catch(() => {});
      }
    } finally {
      submit.disabled = false;
    }
  });

  // ---- back from a form post without JavaScript --------------------------------------------

  /** What the API's 303 says in the URL it sends the reader back to. */
  const FORM_OUTCOMES = {
    "challenge-wrong-password": "The password did not match the one shown. Copy the new password below.",
    "challenge-expired": "The password had expired. Copy the new password below.",
    "challenge-used": "That password was already used. Copy the new password below.",
    "challenge-invalid": "The password could not be checked. Copy the new password below.",
    "challenge-wrong-article": "That password was for another article. Copy the new password below.",
    "invalid-request": "Please fill in the required fields: name, email, comment and password.",
    "comment-flood": "You are posting comments too quickly; wait a few seconds and try again.",
    "too-many-comments": "You have posted many comments this hour; try again later.",
    "too-many-challenges": "Too many requests from your address; try again in a minute.",
    "proof-of-work-missing": "Commenting here needs JavaScript (a small proof of work that your browser computes). Turn it on and try again.",
    "proof-of-work-expired": "The proof of work had expired; try again.",
    "proof-of-work-used": "That proof of work was already used; try again.",
    "proof-of-work-wrong": "The proof of work could not be checked; try again.",
    "proof-of-work-invalid": "The proof of work could not be checked; try again.",
    "duplicate-comment": "You have already said that.",
    "comments-closed": "Comments are closed for this article.",
  };

  function showFormOutcome() {
    const params = new URLSearchParams(location.search);
    if (params.get("comment") === "pending") {
      const pending = document.getElementById("pending");
      pending.replaceChildren(el("strong", {}, "Thank you. Your comment is awaiting moderation."),
        " It will appear here once an editor approves it.");
      pending.hidden = false;
    }
    const kind = params.get("comment-error");
    if (kind) {
      const formError = document.getElementById("form-error");
      formError.textContent = FORM_OUTCOMES[kind] || "Your comment could not be posted.";
      formError.hidden = false;
    }
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) {
      target.scrollIntoView();
    }
  }

  // ---- start -------------------------------------------------------------------------------

  async function start() {
    if (!slug) {
      showStatus("No article given: article pages are /articles/{slug}.", true);
      return;
    }
    let article;
    try {
      article = (await call("GET", articlePath)).body;
    } catch (e) {
      showStatus(e.status === 404 ? "This article does not exist, or is not published." : "The article could not be loaded: " + e.message, true);
      return;
    }
    showStatus("");
    renderArticle(article);
    document.getElementById("more-comments").addEventListener("click", () => loadComments().catch(() => {}));
    // The comments routes may be absent (an API without comments): the article stands alone then.
    await loadComments().catch(() => {});
    if (article.comments && article.comments.open === false) {
      return;
    }
    form.action = apiUrl + articlePath + "/comments";
    try {
      await newChallenge();
      respond.hidden = false;
    } catch (e) {
      // No challenge, no form: a reader could not post anyway.
    }
    showFormOutcome();
  }

  start();
})();
