// Ask: streamed answers (draft marked unverified, replaced by the checked answer), follow-ups, copy as Markdown.
"use strict";

const MAX_TURNS = 20;
const MAX_TURN_CHARS = 4000;
let history = [];
let busy = false;

function newTurn(question) {
  const draft = el("div", { class: "draft", "aria-busy": "true" },
    el("p", { class: "draft-label" }, "Draft — not yet checked against the sources"),
    el("p", { class: "draft-text" }));
  const status = el("p", { class: "turn-status hint", role: "status" }, "Retrieving evidence…");
  const answer = el("div", { class: "answer" }, draft);
  const turn = el("article", { class: "turn" }, el("p", { class: "question" }, el("span", { class: "label" }, "You: "), question), answer, status);
  document.getElementById("conversation").append(turn);
  turn.scrollIntoView({ block: "end" });
  return { turn, answer, draft, status, text: draft.querySelector(".draft-text") };
}

function finish(parts, resp) {
  const body = renderAnswerBody(resp.brief);
  const copy = el("button", { type: "button", class: "copy" }, "Copy as Markdown");
  copy.addEventListener("click", async () => {
    const ok = await copyText(resp.answer);
    copy.textContent = ok ? "Copied" : "Copy failed — select the text instead";
    setTimeout(() => { copy.textContent = "Copy as Markdown"; }, 2000);
  });
  parts.answer.replaceChildren(body);
  parts.answer.dataset.answerId = resp.id;
  parts.status.replaceChildren(el("span", {}, resp.brief.abstained ? ((resp.brief.message || "").startsWith("The model's claims") ? "The model's claims were not supported. " : "No evidence found. ") : `Checked: ${resp.brief.claims_verified} of ${resp.brief.claims_total} sentences supported. `), copy);
}

async function ask(question, filters) {
  const parts = newTurn(question);
  let final = null;
  let failed = null;
  try {
    await apiStream("/v1/ask", Object.assign({ question, history, stream: true }, filters), (name, data) => {
      if (name === "delta") {
        parts.status.textContent = "Writing a draft…";
        parts.text.append(document.createTextNode(data.text));
      } else if (name === "discard") {  // the LLM failed mid-draft: its draft is void
        parts.status.textContent = "Draft discarded: " + data.reason;
        parts.text.replaceChildren();
      } else if (name === "final") {
        parts.status.textContent = "Checking citations…";
        final = data;
      } else if (name === "error") {
        failed = plainMessage((data.error && data.error.status) || 500, data);
      }
    });
  } catch (e) {
    failed = e.message;
  }
  parts.draft.removeAttribute("aria-busy");
  parts.answer.dataset.draftChars = String(parts.text.textContent.length);
  if (final) {
    finish(parts, final);
    history.push({ role: "user", content: question.slice(0, MAX_TURN_CHARS) });
    history.push({ role: "assistant", content: final.answer.slice(0, MAX_TURN_CHARS) });
    history = history.slice(-MAX_TURNS);
  } else {
    parts.answer.replaceChildren(el("p", { class: "problem" }, failed || "The answer stream ended without an answer."));
    parts.status.textContent = "";
    ui.showError(failed || "The answer stream ended without an answer.");
  }
  return Boolean(final);
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("ask-form");
  const box = document.getElementById("question");
  const button = document.getElementById("ask-button");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const question = box.value.trim();
    if (!question || busy) return;
    busy = true;
    button.disabled = true;
    ui.clearError();
    box.value = "";
    let answered = false;
    try { answered = await ask(question, formFilters(form)); } finally {
      if (!answered && !box.value) box.value = question;  // a refused question is given back to fix, not lost
      busy = false;
      button.disabled = false;
      box.focus();
    }
  });
  box.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); form.requestSubmit(); }
  });
  document.getElementById("new-conversation").addEventListener("click", () => {
    history = [];
    document.getElementById("conversation").replaceChildren();
    closePassage();
    box.focus();
  });
  loadPublishers();
  box.focus();
});
