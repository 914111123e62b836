// The workbench's only script (no inline scripts: the pages' CSP forbids them).
document.addEventListener("DOMContentLoaded", function () {
  var csrf = document.body.dataset.csrf;
  // htmx requests carry the session's CSRF token
  document.body.addEventListener("htmx:configRequest", function (e) {
    if (csrf) e.detail.headers["X-CSRF-Token"] = csrf;
  });

  // report and filing pages: selecting a finding highlights its cells in the document and in the tables
  function cellsOf(li) { try { return JSON.parse(li.dataset.cells || "[]"); } catch (err) { return []; } }
  function select(li) {
    document.querySelectorAll(".finding.selected").forEach(function (x) { x.classList.remove("selected"); });
    document.querySelectorAll("td.cell.hl").forEach(function (x) { x.classList.remove("hl"); });
    li.classList.add("selected");
    var cells = cellsOf(li);
    cells.forEach(function (p) {
      // a finding on a row (L-03: 'requests.granted') marks the row's cells
      var q = 'td.cell[data-path="' + CSS.escape(p) + '"], td.cell[data-path^="' + CSS.escape(p + ".") + '"]';
      document.querySelectorAll(q).forEach(function (td) { td.classList.add("hl"); });
    });
    highlight(cells);
  }
  // the document frame marks the cells asked for last; asked before it has loaded (a long document, a slow
  // server), the message finds no listener, so it is asked again once the frame has loaded
  var asked = null;
  function highlight(cells) {
    asked = cells;
    var frame = document.getElementById("docframe");
    if (frame && frame.contentWindow) frame.contentWindow.postMessage({ type: "nb-highlight", cells: cells }, window.location.origin);
  }
  var docframe = document.getElementById("docframe");
  if (docframe) docframe.addEventListener("load", function () { if (asked) highlight(asked); });
  document.body.addEventListener("click", function (e) {
    var li = e.target.closest(".finding");
    if (li && !e.target.closest("form")) select(li);
    var td = e.target.closest("td.cell[data-path]");
    if (td && !e.target.closest("input")) highlight([td.dataset.path]);
  });
  document.body.addEventListener("keydown", function (e) {
    var li = e.target.closest && e.target.closest(".finding");
    if (li && e.key === "Enter" && !e.target.closest("form")) select(li);
  });
  window.addEventListener("message", function (e) {
    if (e.origin === window.location.origin && e.data && e.data.type === "nb-highlighted") document.body.dataset.highlighted = e.data.found ? "1" : "0";
  });
  // a link to a finding (#f-…) selects it
  if (location.hash.indexOf("#f-") === 0) {
    var target = document.getElementById(location.hash.slice(1));
    if (target) {
      target.scrollIntoView({ block: "center" });
      select(target);  // (marked in the document once it has loaded: ``highlight``)
    }
  }

  // filing: mark the cells of the live check's findings
  function markFiling() {
    var form = document.getElementById("filing-form");
    if (!form) return;
    form.querySelectorAll("td.cell").forEach(function (td) { td.classList.remove("flag-error", "flag-warning", "flag-info"); });
    document.querySelectorAll("#checks .finding").forEach(function (li) {
      var sev = (li.className.match(/sev-(\w+)/) || [])[1];
      cellsOf(li).forEach(function (p) {
        var td = form.querySelector('td.cell[data-path="' + CSS.escape(p) + '"]');
        if (td && !td.classList.contains("flag-error")) td.classList.add("flag-" + sev);
      });
    });
  }
  document.body.addEventListener("htmx:afterSwap", function (e) { if (e.target.id === "checks") markFiling(); });
  markFiling();

  // heat table
  document.querySelectorAll(".heat-cell").forEach(function (td) {
    var h = parseFloat(td.dataset.heat || "0");
    td.style.background = "rgba(180, 35, 24," + (0.08 + 0.6 * h).toFixed(2) + ")";
    if (h > 0.6) td.style.color = "#fff";
  });

  // statistics charts (ECharts); each is clickable down to the reports or findings behind it
  var data = document.getElementById("charts-data");
  if (data && window.echarts) {
    var d = JSON.parse(data.textContent);
    var names = { granted: "予以公开", partial: "部分公开", denied: "不予公开", unavailable: "无法提供", declined: "不予处理", other: "其他处理" };
    var go = function (url) { window.location.href = url; };
    var mk = function (id, opt, click) {
      var el = document.getElementById(id);
      if (!el) return;
      var c = echarts.init(el, null, { renderer: "svg" });
      var empty = !(opt.series || []).some(function (s) { return (s.data || []).some(function (v) { return v !== null && v !== undefined && (typeof v !== "object" || v.value); }); });
      if (empty) opt.title = { text: "暂无数据", left: "center", top: "middle", textStyle: { color: "#98a2b3", fontSize: 14, fontWeight: "normal" } };
      c.setOption(Object.assign({ animation: false, tooltip: { trigger: "item" }, grid: { left: 60, right: 20, top: 20, bottom: 50 } }, opt));
      if (click) c.on("click", click);
    };
    mk("chart-trend", { tooltip: { trigger: "axis" }, xAxis: { type: "category", data: d.trend.years }, yAxis: { type: "value" },
      series: [{ type: "line", data: d.trend.received, symbolSize: 10, label: { show: true } }] },
      function (p) { go("/reports?year=" + encodeURIComponent(p.name)); });
    mk("chart-outcomes", { series: [{ type: "pie", radius: ["35%", "65%"], label: { formatter: "{b} {d}%" },
      data: d.outcomes.map(function (o) { return { name: names[o.name] || o.name, value: o.value }; }) }] },
      function () { go("/reports?year=" + d.year); });
    var pct = { show: true, position: "top", formatter: function (p) { return p.value === null || p.value === undefined ? "" : Math.round(p.value * 1000) / 10 + "%"; } };
    mk("chart-correction", { tooltip: { trigger: "axis" }, legend: { bottom: 0 }, xAxis: { type: "category", data: d.correction.map(function (c) { return c.region; }) },
      yAxis: { type: "value", axisLabel: { formatter: function (v) { return Math.round(v * 100) + "%"; } } },
      // each bar says its rate: a rate of 0 % draws no bar, and must not look like a missing one
      series: [{ name: "复议纠错率", type: "bar", data: d.correction.map(function (c) { return c.review; }), label: pct },
               { name: "诉讼纠错率", type: "bar", data: d.correction.map(function (c) { return c.litigation; }), label: pct }] },
      function (p) { go("/findings?region=" + encodeURIComponent(p.name) + "&year=" + d.year); });
    mk("chart-rules", { tooltip: { trigger: "axis" }, xAxis: { type: "category", data: d.rules.map(function (r) { return r.code; }), axisLabel: { rotate: 45 } },
      yAxis: { type: "value" }, series: [{ type: "bar", data: d.rules.map(function (r) { return r.n; }), label: { show: true, position: "top" } }] },
      function (p) { go("/findings?code=" + encodeURIComponent(p.name)); });
  }
});
