/* govstats pages: sortable and filterable tables. Runs only where a browser runs scripts;
   without it (or in the PDF) every table is shown whole, in the order the report gives. */
(function () {
  "use strict";
  var FILTER_ROWS = 5;  /* a table with at least this many rows gets a filter box */
  /* A number with an optional bound before it and a short unit after it (95.4%, ≥35%, 65个,
     86%以上, +1.06 个百分点, -1467 件（-2.18%）); a digit after the number (2020年7月) makes it text. */
  var NUMBER = /^[\u2265\u2264<>]?\s*([+\-\u2212]?\d+(?:\.\d+)?)\s*[^\d\s\uff08(]{0,6}(?:\s*[\uff08(][^\uff09)]*[\uff09)])?$/;
  var MISSING = /^(\u2014|-|\u2013|n\/a|)$/i;
  var TOTALS = ["合计", "总计"];

  function cellAt(row, column) {
    var at = 0;
    for (var i = 0; i < row.cells.length; i++) {
      var span = row.cells[i].colSpan || 1;
      if (column < at + span) { return span === 1 ? row.cells[i] : null; }
      at += span;
    }
    return null;
  }

  function textOf(cell) { return cell ? cell.textContent.replace(/\s+/g, " ").trim() : ""; }

  function numberOf(text) {
    var m = NUMBER.exec(text.replace(/,/g, ""));
    return m ? parseFloat(m[1].replace("\u2212", "-")) : null;
  }

  function sortTable(table, column, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = true, seen = 0;
    var keys = rows.map(function (row, index) {
      var text = textOf(cellAt(row, column));
      var missing = MISSING.test(text) || cellAt(row, column) === null;
      var value = missing ? null : numberOf(text);
      if (!missing) { seen++; if (value === null) { numeric = false; } }
      return {row: row, index: index, text: text, value: value, missing: missing,
              total: TOTALS.indexOf(textOf(row.cells[0])) >= 0};
    });
    numeric = numeric && seen > 0;
    var previous = header.getAttribute("aria-sort");
    var descending = previous ? previous === "ascending" : numeric;
    var sign = descending ? -1 : 1;
    keys.sort(function (a, b) {
      if (a.total !== b.total) { return a.total ? 1 : -1; }
      if (a.missing !== b.missing) { return a.missing ? 1 : -1; }
      var order = 0;
      if (!a.missing) {
        order = numeric ? a.value - b.value : a.text.localeCompare(b.text, "zh-CN", {numeric: true});
      }
      return order ? sign * order : a.index - b.index;
    });
    keys.forEach(function (key) { body.appendChild(key.row); });
    var headers = table.tHead.rows[table.tHead.rows.length - 1].cells;
    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  function filterTable(table, query, count) {
    var rows = table.tBodies[0].rows, shown = 0;
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].textContent.toLowerCase();
      var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
      rows[i].hidden = !keep;
      if (keep) { shown++; }
    }
    count.textContent = words.length ? "显示 " + shown + " / " + rows.length + " 行" : "";
  }

  function columnsOf(table) {
    var widest = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var width = 0;
      for (var i = 0; i < row.cells.length; i++) { width += row.cells[i].colSpan || 1; }
      widest = Math.max(widest, width);
    });
    return widest;
  }

  function enhance(table, number) {
    if (!table.tHead || table.tBodies.length !== 1 || table.tBodies[0].rows.length < 2) { return; }
    var headers = table.tHead.rows[table.tHead.rows.length - 1].cells;
    var width = 0;
    for (var i = 0; i < headers.length; i++) { width += headers[i].colSpan || 1; }
    if (width !== columnsOf(table)) { return; }
    table.classList.add("govstats-sortable");
    var column = 0;
    Array.prototype.forEach.call(headers, function (header) {
      var at = column;
      column += header.colSpan || 1;
      if ((header.colSpan || 1) !== 1) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "govstats-sort";
      button.title = "点击排序";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sortTable(table, at, header); });
    });
    if (table.tBodies[0].rows.length < FILTER_ROWS) { return; }
    var box = document.createElement("div");
    box.className = "govstats-filter";
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = "govstats-filter-" + number;
    input.placeholder = "输入文字筛选本表";
    label.htmlFor = input.id;
    label.textContent = "筛选";
    var count = document.createElement("span");
    count.className = "govstats-count";
    count.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(count);
    table.parentNode.insertBefore(box, table);
    input.addEventListener("input", function () { filterTable(table, input.value, count); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table"), enhance);
})();
