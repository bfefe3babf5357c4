// glossary serve: as-you-type suggestions, file drop and hover cards. No library, no outside request.
"use strict";

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function setupSuggestions() {
  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!input || !list) return;
  let asked = "";
  const ui = document.body.dataset.ui || "en";
  const show = debounce(async () => {
    const q = input.value.trim();
    if (q === asked) return;
    asked = q;
    if (!q) { list.hidden = true; list.replaceChildren(); return; }
    let data;
    try {
      const r = await fetch(`/api/lookup?top=8&ui=${encodeURIComponent(ui)}&q=${encodeURIComponent(q)}`);
      if (!r.ok) { list.hidden = true; return; }
      data = await r.json();
    } catch (e) { return; }
    if (input.value.trim() !== q) return;  // a newer query is on its way
    list.replaceChildren(...data.matches.map((m) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      const a = document.createElement("a");
      a.href = `/concept/${encodeURIComponent(m.id)}?q=${encodeURIComponent(q)}`;
      a.textContent = m.en || m.ru || m.uk || m.id;  // textContent: never parsed as HTML
      const small = document.createElement("small");
      small.textContent = ` ${m.score} · ${m.how} · ${m.ru || m.uk || ""}`;
      li.append(a, small);
      return li;
    }));
    list.hidden = data.matches.length === 0;
  }, 120);
  input.addEventListener("input", show);
  input.addEventListener("keydown", (e) => { if (e.key === "Escape") list.hidden = true; });
}

function setupDrop() {
  const drop = document.getElementById("drop");
  const file = document.getElementById("file");
  const form = document.getElementById("check-form");
  if (!drop || !file || !form) return;
  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault(); drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      file.files = e.dataTransfer.files;
      form.submit();
    }
  });
}

function setupHover() {
  const doc = document.getElementById("doc");
  if (!doc) return;
  const card = document.createElement("div");
  card.className = "hovercard";
  card.hidden = true;
  document.body.append(card);
  const show = (mark) => {
    const r = mark.getBoundingClientRect();
    card.replaceChildren();
    const title = document.createElement("b");
    title.textContent = mark.dataset.en || mark.dataset.id;
    const line = document.createElement("div");
    line.textContent = `${mark.dataset.id} · ${mark.dataset.how} · ${mark.dataset.score}`;
    card.append(title, line);
    card.style.left = `${window.scrollX + r.left}px`;
    card.style.top = `${window.scrollY + r.bottom + 4}px`;
    card.hidden = false;
  };
  doc.addEventListener("mouseover", (e) => { const m = e.target.closest("mark.mention"); if (m) show(m); });
  doc.addEventListener("focusin", (e) => { const m = e.target.closest("mark.mention"); if (m) show(m); });
  doc.addEventListener("mouseout", (e) => { if (e.target.closest("mark.mention")) card.hidden = true; });
  doc.addEventListener("click", (e) => {
    const m = e.target.closest("mark.mention");
    if (m) window.location.href = `/concept/${encodeURIComponent(m.dataset.id)}`;
  });
}

document.addEventListener("DOMContentLoaded", () => { setupSuggestions(); setupDrop(); setupHover(); });
