// The complaints inbox: mark a complaint contacted or resolved, give a group to a team.
// Every change is a call to /api/v1 with the page's CSRF token; the page then updates
// the card and the counts in place (text only through textContent).

const csrf = document.body.dataset.csrf;
const list = document.getElementById("complaints");
const groups = document.getElementById("groups");
const OPEN = ["new", "contacted"];

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || data.message || response.statusText);
  return data;
}

function bump(cell, by) {
  if (cell) cell.textContent = String(Math.max(0, (Number(cell.textContent) || 0) + by));
}

/** Move one complaint's weight from one status to another in the head and group counts. */
function recount(card, from, to) {
  bump(document.querySelector(`[data-count="${from}"]`), -1);
  bump(document.querySelector(`[data-count="${to}"]`), +1);
  for (const key of (card.dataset.groups || "").split(" ").filter(Boolean)) {
    const row = groups && groups.querySelector(`tr[data-group="${CSS.escape(key)}"]`);
    if (!row) continue;
    bump(row.querySelector(`[data-group-count="${from}"]`), -1);
    bump(row.querySelector(`[data-group-count="${to}"]`), +1);
    bump(row.querySelector('[data-group-count="open"]'), OPEN.includes(to) - OPEN.includes(from));
  }
}

function showStatus(card, status, label, summary) {
  card.classList.remove("complaint--new", "complaint--contacted", "complaint--resolved", "is-failed");
  card.classList.add(`complaint--${status}`);
  card.dataset.status = status;
  const state = card.querySelector("[data-state]");
  state.className = `cstate cstate--${status}`;
  state.textContent = label;
  card.querySelector("[data-summary]").textContent = summary;
  for (const button of card.querySelectorAll("button[data-to]")) {
    button.hidden = !button.dataset.when.split(" ").includes(status);
  }
}

async function move(card, button) {
  const from = card.dataset.status;
  card.setAttribute("aria-busy", "true");
  try {
    const data = await call("POST", `/api/v1/complaints/${card.dataset.id}/status`, { status: button.dataset.to });
    const to = data.complaint.status;
    showStatus(card, to, data.status_label, data.complaint.summary);
    if (from !== to) recount(card, from, to);
    const week = document.getElementById("resolved-week");
    if (week) week.textContent = String(data.resolved_this_week);
  } catch (err) {
    card.classList.add("is-failed");
    card.querySelector("[data-summary]").textContent = String(err.message);
  } finally {
    card.removeAttribute("aria-busy");
  }
}

if (list) {
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-to]");
    const card = button && button.closest("li.complaint");
    if (card) move(card, button);
  });
}

if (groups) {
  groups.addEventListener("submit", async (event) => {
    const form = event.target.closest("form.owner");
    if (!form) return;
    event.preventDefault();
    const note = form.querySelector("[data-note]");
    const key = form.dataset.group;
    try {
      const { team } = await call("PUT", "/api/v1/complaints/owners", { group: key, team: form.team.value });
      form.team.value = team || "";
      note.textContent = form.dataset.saved || "✓";
      note.classList.remove("is-failed");
      for (const span of document.querySelectorAll(`[data-team-of="${CSS.escape(key)}"]`)) {
        span.textContent = team || "";
      }
    } catch (err) {
      note.textContent = String(err.message);
      note.classList.add("is-failed");
    }
  });
}
