// The sources page: upload a CSV or JSON lines file with a progress bar.
// The file goes up with XMLHttpRequest (its upload events move the bar while sending); the
// server then answers with one JSON line per stored batch, read as it arrives, which moves
// the bar through the import. Words come from the page (translated there); customer text
// and file names only ever go in through textContent.

const form = document.getElementById("upload");
const bar = document.getElementById("upload-bar");
const percent = document.getElementById("upload-percent");
const progress = document.getElementById("upload-progress");
const statusLine = document.getElementById("upload-status");
const summary = document.getElementById("upload-summary");
const bad = document.getElementById("upload-bad");
const errorRows = document.getElementById("upload-errors");
const more = document.getElementById("upload-more");
const button = form.querySelector("button[type=submit]");
const csrf = document.body.dataset.csrf;

// Share of the bar for sending the file; the import takes the rest, batch by batch.
const SENDING = 25;

function words(key, values = {}) {
  return form.dataset[key].replace(/\{(\w+)\}/g, (_m, name) => String(values[name] ?? ""));
}

function setBar(value) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  if (v < bar.value) return; // never backwards
  bar.value = v;
  percent.textContent = `${v} %`;
}

function finish(text, ok) {
  summary.textContent = text;
  summary.className = ok ? "flash flash--ok" : "flash flash--error";
  summary.hidden = false;
  button.disabled = false;
  form.classList.remove("is-busy");
}

function showErrors(list, total) {
  errorRows.replaceChildren(...list.map(({ line, error }) => {
    const row = document.createElement("tr");
    const where = document.createElement("td");
    const what = document.createElement("td");
    where.className = "num";
    where.textContent = String(line);
    what.textContent = String(error);
    row.append(where, what);
    return row;
  }));
  more.hidden = total <= list.length;
  if (!more.hidden) more.textContent = words("msgMore", { n: total - list.length });
  bad.hidden = list.length === 0;
}

function onLine(message) {
  if (message.total !== undefined) {
    const share = message.total ? message.done / message.total : 1;
    setBar(SENDING + (100 - SENDING) * share);
    statusLine.textContent = words("msgImporting", message);
  }
  if (!message.final) return;
  showErrors(message.first_errors || [], message.errors || 0);
  const counts = words("msgDone", message);
  if (message.error) finish(`${words("msgStopped", message)} ${counts}`, false);
  else finish(counts, true);
}

// The response grows as batches are stored: hand over each complete line once.
function reader(xhr) {
  let used = 0;
  return () => {
    const text = xhr.responseText;
    let end;
    while ((end = text.indexOf("\n", used)) !== -1) {
      const line = text.slice(used, end).trim();
      used = end + 1;
      if (line) onLine(JSON.parse(line));
    }
  };
}

function failed(xhr) {
  if (xhr.status === 413) return words("msgTooLarge", { limit: form.dataset.limit });
  try {
    const data = JSON.parse(xhr.responseText);
    if (data.error) return words("msgFailed", { error: data.error });
  } catch {
    // an HTML error page (a missing CSRF token, a proxy): its status says enough
  }
  return words("msgFailed", { error: `${xhr.status} ${xhr.statusText}`.trim() });
}

function send(file) {
  const xhr = new XMLHttpRequest();
  const read = reader(xhr);
  xhr.open("POST", form.action);
  xhr.setRequestHeader("X-CSRFToken", csrf);
  xhr.upload.addEventListener("progress", (event) => {
    if (event.lengthComputable) setBar((SENDING * event.loaded) / event.total);
  });
  xhr.upload.addEventListener("load", () => setBar(SENDING));
  xhr.addEventListener("progress", () => {
    if (xhr.status === 200) read();
  });
  xhr.addEventListener("load", () => {
    if (xhr.status !== 200) {
      progress.hidden = true;
      finish(failed(xhr), false);
      return;
    }
    read();
    if (!button.disabled) return; // the final line arrived
    finish(words("msgFailed", { error: words("msgCut") }), false);
  });
  xhr.addEventListener("error", () => {
    // A server refusing an oversized body may close the connection before answering.
    progress.hidden = true;
    finish(words("msgFailed", { error: words("msgNoAnswer") }), false);
  });
  const body = new FormData(form);
  body.set("file", file, file.name);
  xhr.send(body);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const file = form.elements.file.files[0];
  if (!file) return;
  summary.hidden = true;
  bad.hidden = true;
  if (file.size > Number(form.dataset.maxBytes)) {
    progress.hidden = true;
    finish(words("msgTooLarge", { limit: form.dataset.limit }), false);
    return;
  }
  bar.value = 0;
  percent.textContent = "0 %";
  statusLine.textContent = words("msgSending", { file: file.name });
  progress.hidden = false;
  button.disabled = true;
  form.classList.add("is-busy");
  send(file);
});
