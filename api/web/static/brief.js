// Brief builder: queue a brief (async job), poll, render; download Markdown / JSON; print.
"use strict";

const POLL_MS = 700;

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

async function writeBrief(body, status) {
  const job = await postJson("/v1/briefs", Object.assign({}, body, { async: true }));
  for (;;) {
    const state = await apiJson(`/v1/jobs/${encodeURIComponent(job.job_id)}`);
    if (state.status === "done") return apiJson(`/v1/briefs/${encodeURIComponent(state.brief_id)}`);
    if (state.status === "failed") {
      const err = state.error || {};
      throw new ApiError(`The brief could not be written: ${err.message || "unknown error"}${err.help ? ` (${err.help})` : ""}`, 500, err.type);
    }
    status.textContent = state.status === "running" ? "Writing and checking citations…" : "Queued…";
    await sleep(POLL_MS);
  }
}

function toolbar(brief) {
  const md = el("button", { type: "button" }, "Download Markdown");
  md.addEventListener("click", async () => {
    try {
      const resp = await apiFetch(`/v1/briefs/${encodeURIComponent(brief.id)}?format=markdown`);
      download(`brief-${brief.id}.md`, await resp.text(), "text/markdown");
    } catch (e) { ui.showError(e.message); }
  });
  const js = el("button", { type: "button" }, "Download JSON");
  js.addEventListener("click", () => download(`brief-${brief.id}.json`, JSON.stringify(brief, null, 2), "application/json"));
  const pr = el("button", { type: "button" }, "Print / PDF");
  pr.addEventListener("click", () => window.print());
  const changes = el("button", { type: "button", "aria-pressed": "false" }, "Show checker changes");
  changes.addEventListener("click", () => {
    const on = changes.getAttribute("aria-pressed") !== "true";
    changes.setAttribute("aria-pressed", String(on));
    document.querySelectorAll(".brief").forEach((b) => b.classList.toggle("show-repairs", on));
    const details = document.querySelector(".brief .repairs");
    if (details) details.open = on;
  });
  return el("div", { class: "toolbar row no-print" }, md, js, pr, changes);
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("brief-form");
  const button = document.getElementById("brief-button");
  const status = document.getElementById("brief-status");
  const out = document.getElementById("brief-out");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const body = Object.assign({ topic: String(data.get("topic") || "").trim(), template: data.get("template") }, formFilters(form));
    if (!body.topic) return;
    ui.clearError();
    button.disabled = true;
    status.textContent = "Queued…";
    out.setAttribute("aria-busy", "true");
    try {
      const brief = await writeBrief(body, status);
      out.replaceChildren(toolbar(brief), renderBrief(brief));
      status.textContent = brief.abstained ? "No evidence in the corpus for this topic." : "Done.";
      out.querySelector(".headline").focus({ preventScroll: false });
    } catch (e) {
      status.textContent = "";
      ui.showError(e.message);
    } finally {
      button.disabled = false;
      out.removeAttribute("aria-busy");
    }
  });
  loadPublishers();
});
