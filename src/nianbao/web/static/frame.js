// Runs inside the document frame: highlight the cells the report page asks for.
window.addEventListener("message", function (e) {
  if (e.origin !== window.location.origin || !e.data || e.data.type !== "nb-highlight") return;
  document.querySelectorAll(".nb-hl").forEach(function (el) { el.classList.remove("nb-hl"); });
  var first = null;
  (e.data.cells || []).forEach(function (key) {
    var id = "v-" + String(key).replace(/\./g, "-").replace(/\*/g, "x");
    var one = document.getElementById(id);
    // a finding on a row (L-03: 'requests.granted') marks the row's cells
    var els = one ? [one] : Array.prototype.slice.call(document.querySelectorAll('[id^="' + CSS.escape(id + "-") + '"]'));
    els.forEach(function (el) { el.classList.add("nb-hl"); if (!first) first = el; });
  });
  if (first) window.scrollTo({ top: Math.max(0, first.getBoundingClientRect().top + window.scrollY - window.innerHeight / 2) });
  if (e.source) e.source.postMessage({ type: "nb-highlighted", found: !!first }, e.origin);
});
