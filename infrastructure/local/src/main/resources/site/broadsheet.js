// Shared by the demo pages: calls to the Broadsheet API and safe DOM building.
// Rule of the demo: API strings become text nodes (never innerHTML); the one exception is a
// comment's contentHtml, which the API sanitized on write. Links take only http(s) URLs.
"use strict";

const Broadsheet = (() => {
  const apiUrl = String((window.BROADSHEET_CONFIG || {}).apiUrl || "http://localhost:3000").replace(/\/+$/, "");

  /** An API error: the HTTP status and the problem details (RFC 9457), when the API sent them. */
  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || "The server answered " + status + ".");
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** Calls the API; resolves with {status, body, location}; rejects with ApiError on 4xx/5xx. */
  async function call(method, path, body) {
    const options = { method, headers: { Accept: "application/json" } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(apiUrl + path, options);
    const type = response.headers.get("Content-Type") || "";
    const parsed = /json/.test(type) ? await response.json().catch(() => null) : null;
    if (!response.ok) {
      throw new ApiError(response.status, parsed);
    }
    return { status: response.status, body: parsed, location: response.headers.get("Location") };
  }

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false) {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (const child of children) {
      if (child !== undefined && child !== null && child !== false) {
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  /** The URL when it is absolute http or https, else null: no javascript:, data: or relative tricks. */
  function httpUrl(value) {
    if (typeof value !== "string") {
      return null;
    }
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (notAUrl) {
      return null;
    }
  }

  function formatDate(iso) {
    const date = new Date(iso);
    return isNaN(date) ? "" : date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function setText(id, value) {
    document.getElementById(id).textContent = value == null ? "" : String(value);
  }

  function showStatus(message, isError) {
    const status = document.getElementById("status");
    status.hidden = !message;
    status.textContent = message || "";
    status.classList.toggle("error", Boolean(isError));
  }

  function articleHref(slug) {
    return "/articles/" + encodeURIComponent(slug);
  }

  return { apiUrl, ApiError, call, el, httpUrl, formatDate, setText, showStatus, articleHref };
})();
