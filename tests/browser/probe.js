// Appended to a rendered page by run.sh: reports, one tab-separated line per fact, what the
// browser built (tables with their cells and spans, headings, paragraphs, chart, banner) into
// a pre element with id "probe", which --dump-dom then prints. check.lua reads those lines.
(function () {
  var out = [];
  function clean(s) { return (s || "").replace(/\s+/g, " ").trim(); }
  function line() { out.push(Array.prototype.slice.call(arguments).join("\t")); }
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  line("lang", document.documentElement.getAttribute("lang") || "");
  line("charset", document.characterSet);
  line("resources", performance.getEntriesByType("resource").length);
  each("table", function (t, i) {
    var box = t.getBoundingClientRect(), parent = t.parentElement, pbox = parent.getBoundingClientRect();
    var pstyle = getComputedStyle(parent);
    line("table", i + 1, t.rows.length, t.tHead ? t.tHead.rows.length : 0,
      clean(t.caption ? t.caption.textContent : ""), Math.round(box.right),
      Math.round(pbox.right - parseFloat(pstyle.paddingRight)));
    Array.prototype.forEach.call(t.rows, function (row, r) {
      Array.prototype.forEach.call(row.cells, function (cell) {
        // last field: 1 when the text runs out of the cell (a number too wide for its column)
        line("cell", i + 1, r + 1, cell.tagName.toLowerCase(), cell.rowSpan, cell.colSpan,
          cell.getAttribute("scope") || "", getComputedStyle(cell).textAlign, clean(cell.textContent),
          cell.scrollWidth > cell.clientWidth ? 1 : 0);
      });
    });
  });
  each("h1, h2, h3", function (h) { line("heading", h.tagName.toLowerCase(), clean(h.textContent)); });
  each("p", function (p) { line("p", p.className, clean(p.textContent)); });
  each("[role=alert] li, blockquote li", function (li) { line("banner", clean(li.textContent)); });
  each("figure svg", function (svg) {
    line("svg", svg.getAttribute("role") || "", clean(svg.getAttribute("aria-label")));
    var labels = svg.querySelectorAll(".label"), values = svg.querySelectorAll(".value");
    var room = svg.viewBox.baseVal.width;
    Array.prototype.forEach.call(svg.querySelectorAll(".bar"), function (bar, i) {
      // last field: how far the number at the end of the bar runs past the picture's right edge
      var v = values[i] ? values[i].getBBox() : { x: 0, width: 0 };
      line("bar", clean(labels[i] && labels[i].textContent), clean(values[i] && values[i].textContent),
        bar.getBBox().width.toFixed(2), (v.x + v.width - room).toFixed(1));
    });
  });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = out.join("\n");
  document.body.appendChild(pre);
})();
