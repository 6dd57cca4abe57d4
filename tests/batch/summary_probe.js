// Appended to the summary page by summary_browser.sh: reports, one tab-separated line per
// fact, what Chromium built and what the sort does (click a header, read the order again).
(function () {
  var out = [];
  function line() { out.push(Array.prototype.slice.call(arguments).join("\t")); }
  var table = document.getElementById("summary");
  var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
  line("heads", heads.join("|"));
  function column(name) {
    var i = heads.indexOf(name);
    return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[i].textContent.trim(); });
  }
  line("rows", table.tBodies[0].rows.length);
  line("new-before", column("新收").join("|"));
  var th = table.tHead.rows[0].cells[heads.indexOf("新收")];
  th.click();
  line("new-asc", column("新收").join("|"), th.getAttribute("aria-sort"));
  th.click();
  line("new-desc", column("新收").join("|"), th.getAttribute("aria-sort"));
  line("agency-desc", column("机关").join("|"));
  Array.prototype.forEach.call(document.querySelectorAll("figure svg"), function (svg) {
    var box = svg.getBoundingClientRect();
    line("svg", svg.parentNode.id, svg.getAttribute("aria-label"), svg.querySelectorAll("rect").length,
      Math.round(box.width), Math.round(box.height));
  });
  var bars = document.querySelectorAll("#chart-applications rect");
  line("bar-widths", Array.prototype.map.call(bars, function (b) { return b.getAttribute("width"); }).join("|"));
  // the leftmost point of any bar label: a label cut off at the page's edge is < 0
  var left = Infinity;
  Array.prototype.forEach.call(document.querySelectorAll("figure svg text[text-anchor=end]"), function (t) {
    left = Math.min(left, t.getBBox().x);
  });
  line("label-left", Math.floor(left));
  var unreadable = table.querySelector("tr.unreadable");
  line("reason-width", unreadable ? Math.round(unreadable.cells[heads.indexOf("检查结果")].getBoundingClientRect().width) : -1);
  line("resources", performance.getEntriesByType("resource").length);
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = out.join("\n");
  document.body.appendChild(pre);
})();
