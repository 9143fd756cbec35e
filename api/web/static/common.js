// Shared helpers: the API client (API key in sessionStorage, errors in plain words), DOM building with
// textContent only (corpus text is never parsed as HTML), downloads, clipboard, the publisher list.
"use strict";

const KEY_STORE = "techsec-brief.api-key";

class ApiError extends Error {
  constructor(message, status, type) { super(message); this.status = status; this.type = type; }
}

// Element builder: el("p", {class: "x", dataset: {id: "1"}}, "text", child). Strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only http(s) links from corpus metadata become links (no javascript:, data: ...).
function safeUrl(url) {
  try {
    const u = new URL(String(url || ""));
    return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
  } catch (e) { return null; }
}

function plainMessage(status, body) {
  const err = (body && body.error) || {};
  const said = err.message ? String(err.message) : "";
  const help = err.help ? ` (${err.help})` : "";
  switch (true) {
    case status === 0: return "The server could not be reached. Is `brief serve` still running?";
    case status === 401: return "The server did not accept the API key.";
    case status === 404: return `Not found: ${said}`;
    case status === 413: return `That is larger than the server accepts. ${said}`;
    case status === 415: return `The server cannot read that file: ${said}${help}`;
    case status === 422 || status === 400: return `Some input was not accepted: ${said}${help}`;
    case status === 409: return `The index does not match the server's settings: ${said}${help}`;
    case status === 503: return `The language model is not available right now: ${said}${help}`;
    case status === 504: return `The language model took too long to answer. Try again or narrow the question. ${said}`;
    default: return `The server reported a problem (${status}): ${said || "no details"}${help}`;
  }
}

const ui = {
  showError(message) {
    const box = document.getElementById("error");
    box.textContent = message;
    box.hidden = !message;
  },
  clearError() { ui.showError(""); },
};

function storedKey() { return sessionStorage.getItem(KEY_STORE) || ""; }

let keyPrompt = null;
// Ask for the API key once (a dialog); resolves with the key, or null if the user cancels.
function askForKey(problem) {
  if (keyPrompt) return keyPrompt;
  const dialog = document.getElementById("key-dialog");
  const input = document.getElementById("key-input");
  const note = document.getElementById("key-problem");
  note.textContent = problem || "";
  note.hidden = !problem;
  keyPrompt = new Promise((resolve) => {
    const form = document.getElementById("key-form");
    const cancel = document.getElementById("key-cancel");
    const done = (value) => {
      form.removeEventListener("submit", onSubmit);
      cancel.removeEventListener("click", onCancel);
      dialog.close();
      keyPrompt = null;
      resolve(value);
    };
    const onSubmit = (ev) => {
      ev.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY_STORE, key);
      document.getElementById("key-button").hidden = false;
      done(key);
    };
    const onCancel = () => done(null);
    form.addEventListener("submit", onSubmit);
    cancel.addEventListener("click", onCancel);
    input.value = "";
    dialog.showModal();
    input.focus();
  });
  return keyPrompt;
}

// fetch() with the stored key; on 401 asks for a key and retries. Returns the Response (ok) or throws ApiError.
async function apiFetch(path, options) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const opts = Object.assign({}, options || {});
    opts.headers = Object.assign({}, opts.headers || {});
    const key = storedKey();
    if (key) opts.headers["Authorization"] = `Bearer ${key}`;
    let resp;
    try {
      resp = await fetch(path, opts);
    } catch (e) {
      throw new ApiError(plainMessage(0, null), 0, "network");
    }
    if (resp.ok) return resp;
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (resp.status === 401 && attempt < 2) {
      if (key) sessionStorage.removeItem(KEY_STORE);
      const entered = await askForKey(key ? "That key was not accepted; try again." : "");
      if (entered) continue;
    }
    throw new ApiError(plainMessage(resp.status, body), resp.status, body && body.error && body.error.type);
  }
  throw new ApiError(plainMessage(401, null), 401, "unauthorized");
}

async function apiJson(path, options) {
  const resp = await apiFetch(path, options);
  if (resp.status === 204) return null;
  return resp.json();
}

function postJson(path, body) {
  return apiJson(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

// POST that answers with server-sent events; onEvent(name, data) for each event. Resolves when the stream ends.
async function apiStream(path, body, onEvent) {
  const resp = await apiFetch(path, {
    method: "POST", headers: { "Content-Type": "application/json", "Accept": "text/event-stream" }, body: JSON.stringify(body),
  });
  const reader = resp.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const flush = (frame) => {
    let name = "message";
    const data = [];
    for (const line of frame.split(/\r?\n/)) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length) onEvent(name, JSON.parse(data.join("\n")));
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
      if (frame.trim()) flush(frame);
    }
  }
  if (buffer.trim()) flush(buffer);
}

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* fall back below */ }
  }
  const area = el("textarea", { class: "offscreen", readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  area.remove();
  return ok;
}

// Filters from a form with since/until/publishers fields, in the API's request shape. The publishers field goes as
// typed: a publisher's name may hold a comma ("Discuss Japan (No.57), translated from Chuokoron"), and the server
// reads "cnn, the week" as a list only when the whole is not one publisher's name.
function formFilters(form) {
  const data = new FormData(form);
  const out = {};
  if (data.get("since")) out.since = data.get("since");
  if (data.get("until")) out.until = data.get("until");
  const pubs = String(data.get("publishers") || "").trim();
  if (pubs) out.publishers = [pubs];
  return out;
}

// Fill <datalist id="publisher-list"> with every publisher of the corpus (best effort: no error shown).
async function loadPublishers() {
  const list = document.getElementById("publisher-list");
  if (!list) return;
  try {
    const page = await apiJson("/v1/publishers");
    list.replaceChildren(...page.items.map((p) => el("option", { value: p.name })));
  } catch (e) { /* the form still works with typed names */ }
}

document.addEventListener("DOMContentLoaded", () => {
  const keyButton = document.getElementById("key-button");
  keyButton.hidden = !storedKey();
  keyButton.addEventListener("click", () => askForKey(""));
});
