/* OpenForum: filters and sorting for the commitments table, kind filters for the timeline.
   An enhancement only: with JavaScript off every row and event is shown, in page order. */
(function () {
  "use strict";

  /* The page's words, in its language: a JSON object the search partial writes (#of-words);
     the search script reads them through window.OpenForum.t too. */
  var WORDS = null;
  function t(key, fallback) {
    if (WORDS === null) {
      var node = document.getElementById("of-words");
      try { WORDS = node ? JSON.parse(node.textContent) : {}; } catch (e) { WORDS = {}; }
    }
    return WORDS[key] || fallback;
  }
  window.OpenForum = window.OpenForum || {};
  window.OpenForum.t = t;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  /* Table: <div data-of-filter="plan status" data-of-sortable><table>; rows carry
     data-plan="nap4" data-plan-label="Fourth plan"; cells may carry data-sort. */
  var MAX_OPTIONS = 30;

  function enhanceTable(wrap) {
    var table = wrap.querySelector("table");
    if (!table || wrap.dataset.ofReady) return;
    wrap.dataset.ofReady = "1";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keys = (wrap.getAttribute("data-of-filter") || "").split(/\s+/).filter(Boolean);
    var selects = {};
    var bar = el("div", { class: "of-filters", role: "search", "aria-label": t("filter-table", "Filter the table") });
    keys.forEach(function (key) {
      var seen = {};
      rows.forEach(function (row) {
        var value = row.getAttribute("data-" + key) || "";
        if (value && !(value in seen)) seen[value] = row.getAttribute("data-" + key + "-label") || value;
      });
      var label = el("label", {}, t("column-" + key, key.charAt(0).toUpperCase() + key.slice(1)));
      if (Object.keys(seen).length > MAX_OPTIONS) {
        /* Hundreds of institutions make a select unusable: type a part of the name,
           with the names offered as suggestions. */
        var input = el("input", { type: "search", "data-key": key, list: "of-list-" + key, placeholder: t("type-to-filter", "Type to filter") });
        var list = el("datalist", { id: "of-list-" + key });
        Object.keys(seen).map(function (v) { return seen[v]; }).sort(function (a, b) { return a.localeCompare(b); })
          .forEach(function (text) { list.appendChild(el("option", { value: text })); });
        input.addEventListener("input", apply);
        label.appendChild(input);
        label.appendChild(list);
        bar.appendChild(label);
        selects[key] = input;
        return;
      }
      var select = el("select", { "data-key": key });
      select.appendChild(el("option", { value: "" }, t("all", "All")));
      Object.keys(seen).sort(function (a, b) { return seen[a].localeCompare(seen[b]); })
        .forEach(function (value) { var o = el("option", { value: value }, seen[value]); select.appendChild(o); });
      select.addEventListener("change", apply);
      label.appendChild(select);
      bar.appendChild(label);
      selects[key] = select;
    });
    var reset = el("button", { type: "button" }, t("show-all", "Show all"));
    reset.addEventListener("click", function () {
      Object.keys(selects).forEach(function (k) { selects[k].value = ""; });
      apply();
    });
    var count = el("p", { class: "of-count", "aria-live": "polite" });
    if (keys.length) {
      bar.appendChild(reset);
      wrap.parentNode.insertBefore(bar, wrap);
      wrap.parentNode.insertBefore(count, wrap);
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = keys.every(function (k) {
          var wanted = selects[k].value;
          if (!wanted) return true;
          if (selects[k].tagName === "INPUT") {
            var text = row.getAttribute("data-" + k + "-label") || row.getAttribute("data-" + k) || "";
            return text.toLowerCase().indexOf(wanted.toLowerCase()) !== -1;
          }
          return row.getAttribute("data-" + k) === wanted;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = t("showing-rows", "Showing {shown} of {total} rows.").replace("{shown}", shown).replace("{total}", rows.length);
    }

    if (wrap.hasAttribute("data-of-sortable")) {
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        var button = el("button", { type: "button", class: "of-sort" }, th.textContent);
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(th, index); });
      });
    }

    function sortBy(th, index) {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      function key(row) {
        var cell = row.cells[index];
        var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
        var number = parseFloat(value);
        return isNaN(number) || !/^-?[\d.]+$/.test(value) ? value.toLowerCase() : number;
      }
      rows.slice().sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      }).forEach(function (row) { body.appendChild(row); });
    }
    apply();
  }

  /* Timeline: <div data-of-timeline-filter> lists the kinds; events carry data-kind. */
  function enhanceTimeline(box) {
    if (box.dataset.ofReady) return;
    box.dataset.ofReady = "1";
    var events = document.querySelectorAll("li[data-kind]");
    var intro = box.querySelector("p");
    if (intro) intro.textContent = box.getAttribute("data-of-intro") || t("show-kinds", "Show events of these kinds:");
    Array.prototype.forEach.call(box.querySelectorAll(".of-kind"), function (span) {
      var kind = (span.className.match(/of-kind--(\S+)/) || [])[1];
      if (!kind) return;
      var check = el("input", { type: "checkbox", value: kind });
      check.checked = true;
      var label = el("label");
      span.parentNode.insertBefore(label, span);
      label.appendChild(check);
      label.appendChild(document.createTextNode(" "));
      label.appendChild(span);
      check.addEventListener("change", update);
    });
    function update() {
      var on = {};
      Array.prototype.forEach.call(box.querySelectorAll("input[type=checkbox]"), function (c) { on[c.value] = c.checked; });
      Array.prototype.forEach.call(events, function (li) { li.hidden = on[li.getAttribute("data-kind")] === false; });
    }
  }

  /* Permalinks: a Copy button beside the address; without JavaScript it stays selectable. */
  function enhancePermalink(code) {
    if (code.dataset.ofReady || !navigator.clipboard) return;
    code.dataset.ofReady = "1";
    var button = el("button", { type: "button", class: "of-copy" }, t("copy", "Copy"));
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        button.textContent = t("copied", "Copied");
      });
    });
    code.insertAdjacentElement("afterend", button);
  }

  /* A table wider than the screen scrolls inside Material's wrapper: keyboard users reach
     it with Tab and scroll it with the arrow keys. */
  function focusableScroll(wrap) {
    if (!wrap.hasAttribute("tabindex")) wrap.setAttribute("tabindex", "0");
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), focusableScroll);
    Array.prototype.forEach.call(document.querySelectorAll(".of-permalink"), enhancePermalink);
    Array.prototype.forEach.call(document.querySelectorAll("[data-of-filter], [data-of-sortable]"), enhanceTable);
    Array.prototype.forEach.call(document.querySelectorAll("[data-of-timeline-filter]"), enhanceTimeline);
  }

  // Material's instant navigation swaps pages without a load event; document$ tells us.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
