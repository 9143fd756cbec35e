// Library: documents (paged, delete with confirmation), search with filters, upload, past briefs and diffs.
"use strict";

const PAGE = 20;
const state = { docsOffset: 0, docsTotal: 0, briefsOffset: 0, briefsTotal: 0 };

function storyCell(doc) {
  if (!doc.story_id) return "–";
  return doc.story_id === doc.doc_id ? "lead" : el("span", { title: `near-duplicate of ${doc.story_id}` }, `same story as ${doc.story_id.slice(0, 8)}`);
}

async function loadDocuments() {
  const page = await apiJson(`/v1/documents?offset=${state.docsOffset}&limit=${PAGE}`);
  state.docsTotal = page.total;
  document.getElementById("docs-total").textContent = `(${page.total})`;
  const rows = page.items.map((d) => {
    const del = el("button", { type: "button", class: "danger", "aria-label": `Delete ${d.title || d.doc_id}` }, "Delete");
    del.addEventListener("click", () => confirmDelete(d));
    const url = safeUrl(d.url);
    const title = url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, d.title || d.doc_id) : (d.title || d.doc_id);
    return el("tr", { dataset: { docId: d.doc_id } },
      el("td", { class: "doc-title" }, title), el("td", {}, d.publisher || "–"), el("td", {}, d.published || "–"),
      el("td", {}, d.kind || "–"), el("td", { class: "num" }, String(d.n_chunks)), el("td", {}, storyCell(d)), el("td", {}, del));
  });
  document.querySelector("#docs-table tbody").replaceChildren(...rows);
  document.getElementById("docs-prev").disabled = state.docsOffset === 0;
  document.getElementById("docs-next").disabled = state.docsOffset + PAGE >= page.total;
}

function confirmDelete(doc) {
  const dialog = document.getElementById("delete-dialog");
  document.getElementById("delete-what").textContent = `${doc.title || doc.doc_id} (${doc.publisher || "unknown publisher"})`;
  dialog.returnValue = "";
  dialog.addEventListener("close", async function onClose() {
    dialog.removeEventListener("close", onClose);
    if (dialog.returnValue !== "delete") return;
    try {
      await apiFetch(`/v1/documents/${encodeURIComponent(doc.doc_id)}`, { method: "DELETE" });
      await loadDocuments();
    } catch (e) { ui.showError(e.message); }
  });
  dialog.showModal();
}

// Long passages show four lines until the reader asks for the rest.
function clampable(text) {
  const p = el("p", { class: "hit-text clamped" }, text);
  const more = el("button", { type: "button", class: "link", "aria-expanded": "false" }, "Show the whole passage");
  more.addEventListener("click", () => {
    const open = p.classList.toggle("clamped") === false;
    more.setAttribute("aria-expanded", String(open));
    more.textContent = open ? "Show less" : "Show the whole passage";
  });
  return el("div", {}, p, more);
}

async function search(form) {
  const data = new FormData(form);
  const params = new URLSearchParams({ q: String(data.get("q") || "").trim(), k: String(data.get("k") || 8) });
  if (data.get("since")) params.set("since", data.get("since"));
  if (data.get("until")) params.set("until", data.get("until"));
  if (String(data.get("publisher") || "").trim()) params.set("publisher", String(data.get("publisher")).trim());
  const list = document.getElementById("search-results");
  list.setAttribute("aria-busy", "true");
  try {
    const res = await apiJson(`/v1/search?${params}`);
    list.replaceChildren(...(res.hits.length ? res.hits.map((h) => el("li", { class: "hit", dataset: { docId: h.doc_id, chunk: h.chunk_id } },
      el("p", { class: "hit-title" }, h.name || h.title || h.doc_id),
      el("p", { class: "meta" }, [h.publisher, h.published, `score ${h.score.toFixed(3)}`].filter(Boolean).join(" · ")),
      clampable(h.text))) : [el("li", { class: "empty" }, "No passages match.")]));
  } catch (e) {
    list.replaceChildren();  // the last search's results are not this search's
    throw e;
  } finally { list.removeAttribute("aria-busy"); }
}

async function upload(form) {
  const status = document.getElementById("upload-status");
  const file = document.getElementById("upload-file").files[0];
  if (!file) return;
  const body = new FormData();
  body.append("file", file, file.name);
  status.textContent = `Uploading ${file.name}…`;
  const res = await apiJson("/v1/documents", { method: "POST", body });
  const outcome = res.documents.map((d) => d.status.replace("_", " ")).join(", ") || "nothing added";
  status.textContent = `${file.name}: ${outcome}; ${res.chunks_added} passages indexed.`;
  form.reset();
  state.docsOffset = 0;
  await loadDocuments();
  await loadPublishers();
}

function briefLabel(b) { return `${b.created_at.replace("T", " ").slice(0, 16)} · ${b.template} · ${b.topic.slice(0, 60)}`; }

async function loadBriefs() {
  const page = await apiJson(`/v1/briefs?offset=${state.briefsOffset}&limit=${PAGE}`);
  state.briefsTotal = page.total;
  document.getElementById("briefs-total").textContent = `(${page.total})`;
  const rows = page.items.map((b) => {
    const open = el("button", { type: "button", class: "link" }, b.headline || b.topic);
    open.addEventListener("click", () => showBrief(b.id));
    return el("tr", { dataset: { briefId: b.id } }, el("td", {}, b.created_at.replace("T", " ").slice(0, 16)), el("td", {}, b.kind + (b.abstained ? " (no evidence)" : "")),
      el("td", {}, b.template), el("td", {}, open), el("td", {}, b.backend || "–"), el("td", {}, (b.corpus_snapshot || "–").slice(0, 12)));
  });
  document.querySelector("#briefs-table tbody").replaceChildren(...rows);
  for (const id of ["diff-base", "diff-other"]) {
    const sel = document.getElementById(id);
    sel.replaceChildren(...page.items.map((b) => el("option", { value: b.id }, briefLabel(b))));
  }
  if (page.items.length > 1) document.getElementById("diff-base").selectedIndex = 1;
  document.getElementById("briefs-prev").disabled = state.briefsOffset === 0;
  document.getElementById("briefs-next").disabled = state.briefsOffset + PAGE >= page.total;
}

async function showBrief(id) {
  const brief = await apiJson(`/v1/briefs/${encodeURIComponent(id)}`);
  const view = document.getElementById("brief-view");
  const node = renderBrief(brief);
  const prov = node.querySelector(".provenance-box");
  if (prov) prov.open = true;
  view.replaceChildren(node);
  node.querySelector(".headline").focus();
}

function claimItem(ref) { return el("li", {}, el("span", { class: "hint" }, `${ref.section}: `), ref.text); }

async function showDiff(form) {
  const data = new FormData(form);
  const d = await apiJson(`/v1/briefs/${encodeURIComponent(data.get("base"))}/diff/${encodeURIComponent(data.get("other"))}`);
  const block = (title, cls, items) => el("section", { class: `diff ${cls}` }, el("h3", {}, `${title} (${items.length})`),
    items.length ? el("ul", {}, items) : el("p", { class: "hint" }, "none"));
  document.getElementById("diff-out").replaceChildren(
    block("Added", "added", d.added.map(claimItem)),
    block("Dropped", "dropped", d.dropped.map(claimItem)),
    block("Changed", "changed", d.changed.map((c) => el("li", {}, el("del", {}, c.before.text), el("ins", {}, c.after.text),
      el("span", { class: "hint" }, ` similarity ${c.ratio.toFixed(2)}`)))),
    el("p", { class: "hint" }, `${d.unchanged} claims unchanged.`));
}

function guard(fn) {
  return async (ev) => {
    if (ev) ev.preventDefault();
    ui.clearError();
    try { await fn(ev && ev.currentTarget); } catch (e) { ui.showError(e.message); }
  };
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search-form").addEventListener("submit", guard(search));
  document.getElementById("upload-form").addEventListener("submit", guard(upload));
  document.getElementById("diff-form").addEventListener("submit", guard(showDiff));
  document.getElementById("docs-prev").addEventListener("click", guard(() => { state.docsOffset = Math.max(0, state.docsOffset - PAGE); return loadDocuments(); }));
  document.getElementById("docs-next").addEventListener("click", guard(() => { state.docsOffset += PAGE; return loadDocuments(); }));
  document.getElementById("briefs-prev").addEventListener("click", guard(() => { state.briefsOffset = Math.max(0, state.briefsOffset - PAGE); return loadBriefs(); }));
  document.getElementById("briefs-next").addEventListener("click", guard(() => { state.briefsOffset += PAGE; return loadBriefs(); }));
  guard(async () => { await loadDocuments(); await loadBriefs(); await loadPublishers(); })();
});
