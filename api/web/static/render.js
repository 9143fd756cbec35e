// Rendering briefs, answers, sources and the cited-passage panel from the API's JSON (textContent only).
"use strict";

function fmtScore(x) { return (typeof x === "number") ? x.toFixed(2) : "–"; }

function sourceMeta(src) {
  const bits = [src.publisher, src.published].filter(Boolean).join(" · ");
  return bits;
}

// Numbered source list (<ol> with the brief's own numbers).
function renderSources(sources, heading) {
  const wrap = el("section", { class: "sources" }, el("h3", {}, heading || "Sources"));
  const list = el("ol", { class: "source-list" });
  for (const src of sources || []) {
    const url = safeUrl(src.url);
    const title = url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, src.title || src.doc_id)
                      : el("span", { class: "title" }, src.title || src.doc_id);
    list.append(el("li", { value: src.index || null, dataset: { docId: src.doc_id } },
      title, " ", el("span", { class: "meta" }, sourceMeta(src)),
      !url && src.source_path ? el("span", { class: "path" }, src.source_path) : null));
  }
  wrap.append(list);
  return wrap;
}

// Repairs the checker made to this claim (matched on the claim's text).
function repairsFor(brief, claim) {
  const repairs = (brief.provenance && brief.provenance.repairs) || [];
  return repairs.filter((r) => r.claim === claim.text);
}

function citeButtons(brief, claim) {
  return (claim.citations || []).map((c) => {
    const b = el("button", { type: "button", class: "cite", "aria-label": `Open source ${c.source}`, dataset: { chunk: c.chunk_id } }, `[${c.source}]`);
    b.addEventListener("click", () => openPassage(brief, claim, c, b));
    return b;
  });
}

function renderClaim(brief, claim, tag) {
  const repaired = repairsFor(brief, claim).length > 0;
  const node = el(tag || "li", { class: "claim" + (claim.verified ? "" : " unverified") + (repaired ? " repaired" : "") },
    el("span", { class: "claim-text" }, claim.date ? `${claim.date} — ${claim.text}` : claim.text), " ", ...citeButtons(brief, claim));
  if (!claim.verified) node.append(" ", el("span", { class: "badge warn" }, "unverified"));
  return node;
}

function renderSection(brief, section) {
  const box = el("section", { class: `brief-section kind-${section.kind}`, dataset: { section: section.name } }, el("h3", {}, section.title || section.name));
  if (section.kind === "terms") {
    box.append(el("ul", { class: "terms" }, (section.terms || []).map((t) => el("li", {}, t))));
  } else if (section.kind === "stat" || section.kind === "note") {
    box.append(el("p", { class: "stat" }, section.text || "–"));
  } else if (!section.claims || !section.claims.length) {
    box.append(el("p", { class: "empty" }, section.text || "Nothing in the evidence for this section."));
  } else {
    box.append(el("ul", { class: "claims" }, section.claims.map((c) => renderClaim(brief, c))));
  }
  return box;
}

function renderRepairs(brief) {
  const repairs = (brief.provenance && brief.provenance.repairs) || [];
  const box = el("details", { class: "repairs" }, el("summary", {}, `Checker changes (${repairs.length})`));
  if (!repairs.length) box.append(el("p", {}, "The checker changed nothing: every claim was supported as written."));
  else box.append(el("ul", {}, repairs.map((r) => el("li", { class: `repair ${r.action}` },
    el("strong", {}, r.action.replace("_", " ")), ` in ${r.section}: `, el("q", {}, r.claim), el("div", { class: "reason" }, r.reason)))));
  return box;
}

function renderProvenance(brief) {
  const p = brief.provenance || {};
  const rows = [
    ["Created", p.created_at], ["Template", `${p.template} v${p.template_version}`], ["Backend", `${p.backend} (${p.model})`],
    ["Corpus snapshot", p.corpus_snapshot], ["Query", p.query], ["Filters", JSON.stringify(p.filters || {})],
    ["Evidence passages", String((p.evidence || []).length)], ["Retrieval", JSON.stringify(p.retrieval || {})],
    ["Notes", (p.notes || []).join("; ") || "–"],
  ];
  const dl = el("dl", { class: "provenance" });
  for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", {}, v || "–"));
  return el("details", { class: "provenance-box" }, el("summary", {}, "Provenance"), dl);
}

// A whole brief: headline, sections, timeline, confidence (a stat section), sources, checker changes.
function renderBrief(brief) {
  const out = el("article", { class: "brief", dataset: { briefId: brief.id } });
  out.append(el("h2", { class: "headline", tabindex: "-1" }, brief.headline || brief.topic));
  out.append(el("p", { class: "meta" }, [brief.template, brief.as_of ? `as of ${brief.as_of}` : null,
    `${brief.claims_verified} of ${brief.claims_total} claims verified`, brief.label].filter(Boolean).join(" · ")));
  if (brief.abstained) {
    out.append(renderNoEvidence(brief));
    return out;
  }
  for (const s of brief.sections || []) out.append(renderSection(brief, s));
  if ((brief.timeline || []).length) {
    out.append(el("section", { class: "brief-section timeline", dataset: { section: "timeline" } }, el("h3", {}, "Timeline"),
      el("ol", { class: "claims" }, brief.timeline.map((c) => renderClaim(brief, c)))));
  }
  out.append(renderSources(brief.sources));
  out.append(renderRepairs(brief));
  out.append(renderProvenance(brief));
  return out;
}

function renderNoEvidence(brief) {
  return el("div", { class: "no-evidence", role: "status" },
    el("p", { class: "no-evidence-title" }, "No evidence in the corpus"),
    el("p", {}, brief.message || ""),
    (brief.closest_sources || []).length ? renderSources(brief.closest_sources, "Closest sources") : el("p", {}, "Nothing came close."));
}

// An answer: its claims as one paragraph with [n] buttons, then the sources.
function renderAnswerBody(brief) {
  if (brief.abstained) return renderNoEvidence(brief);
  const box = el("div", { class: "answer-body" });
  // said with the answer: a part of a compound question the sources do not answer, what a filter left out
  if (brief.message) box.append(el("p", { class: "answer-note", role: "note" }, brief.message));
  const para = el("p", { class: "answer-text" });
  for (const s of brief.sections || []) {
    // a later part of a compound question the sources do not answer: said in its place
    if (s.kind === "note" && s.text) para.append(el("span", { class: "answer-part-note", role: "note" }, s.text), " ");
    for (const c of s.claims || []) para.append(renderClaim(brief, c, "span"), " ");
  }
  box.append(para, renderSources(brief.sources));
  const repairs = (brief.provenance && brief.provenance.repairs) || [];
  if (repairs.length) box.append(renderRepairs(brief));
  return box;
}

// Highlight [start, end) of text (offsets in the document); returns nodes. Falls back to finding the quote.
function highlighted(passage, citation) {
  const text = passage.text || "";
  let a = citation.start - passage.start;
  let b = citation.end - passage.start;
  if (!(a >= 0 && b <= text.length && a < b && text.slice(a, b) === citation.quote)) {
    a = citation.quote ? text.indexOf(citation.quote) : -1;
    b = a + (citation.quote || "").length;
  }
  if (a < 0) return [el("p", { class: "quote-missing" }, "Cited span:"), el("mark", {}, citation.quote || ""), el("p", {}, text)];
  return [text.slice(0, a), el("mark", { id: "cited-span" }, text.slice(a, b)), text.slice(b)];
}

let lastCiteButton = null;

async function openPassage(brief, claim, citation, button) {
  const panel = document.getElementById("passage");
  const body = document.getElementById("passage-body");
  lastCiteButton = button || null;
  document.querySelectorAll(".cite.active").forEach((b) => b.classList.remove("active"));
  if (button) button.classList.add("active");
  body.replaceChildren(el("p", { class: "hint" }, "Loading the passage…"));
  panel.hidden = false;
  document.body.classList.add("with-passage");
  try {
    const p = await apiJson(`/v1/passages/${encodeURIComponent(citation.chunk_id)}`);
    const url = safeUrl(p.url);
    const dl = el("dl", { class: "passage-meta" });
    const add = (k, v) => { if (v) dl.append(el("dt", {}, k), el("dd", {}, v)); };
    add("Publisher", p.publisher);
    add("Date", p.published);
    add("Source type", p.kind);
    if (url) dl.append(el("dt", {}, "URL"), el("dd", {}, el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url)));
    add("File", p.source_path);
    add("Support score", fmtScore(citation.support));
    add("Verified", claim.verified ? "yes" : "no");
    const repairs = repairsFor(brief, claim);
    for (const r of repairs) add("Checker", `${r.action.replace("_", " ")}: ${r.reason}`);
    body.replaceChildren(
      el("h3", { class: "passage-title" }, `[${citation.source}] `, p.title || p.doc_id),
      dl,
      el("p", { class: "claim-quoted" }, el("span", { class: "label" }, "Claim: "), claim.text),
      el("blockquote", { class: "passage-text" }, ...highlighted(p, citation)),
    );
    const mark = document.getElementById("cited-span");
    if (mark) mark.scrollIntoView({ block: "nearest" });
  } catch (e) {
    body.replaceChildren(el("p", { class: "problem" }, e.message));
  }
  panel.focus();
}

function closePassage() {
  document.getElementById("passage").hidden = true;
  document.body.classList.remove("with-passage");
  if (lastCiteButton) lastCiteButton.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("passage-close").addEventListener("click", closePassage);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !document.getElementById("passage").hidden && !document.querySelector("dialog[open]")) closePassage();
  });
});
