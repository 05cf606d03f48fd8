/* OpenForum: the header's search box, answered by Pagefind's index (pagefind/).
   Pagefind loads only the index chunks and page fragments a query needs. Keyboard:
   "/" focuses the box; Down and Up move through the results; Escape closes them. */
(function () {
  "use strict";

  /* The page's words, in its language (openforum.js reads them; it runs first). */
  function t(key, fallback) {
    return window.OpenForum && window.OpenForum.t ? window.OpenForum.t(key, fallback) : fallback;
  }

  var PAGE_SIZE = 8;
  var FILTERS = ["kind", "status", "plan", "year"];

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base || "." : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  var loading = null;
  function pagefind() {
    if (!loading) {
      var root = siteRoot();
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (api) {
        // Long pages (meetings with their minutes) are not pushed below short ones that
        // merely mention a word; words of the query's own length rank first.
        var ranking = { pageLength: 0.3, termSimilarity: 5.0 };
        return api.options({ baseUrl: root.pathname, ranking: ranking }).then(function () { return api; });
      });
    }
    return loading;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function setup(box) {
    if (box.dataset.ofReady) return;
    box.dataset.ofReady = "1";
    var input = box.querySelector("input[type=search]");
    var form = box.querySelector("form");
    var toggle = document.getElementById("__search");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var more = box.querySelector(".of-search-more");
    var narrow = box.querySelector(".of-search-narrow");
    var fieldset = box.querySelector(".of-search-filters");
    var selects = {};
    var found = [];
    var shown = 0;
    var run = 0;
    var timer = null;
    var closing = false; // Escape puts focus back in the box without opening it again

    function open(state) {
      if (toggle && toggle.checked !== state) {
        toggle.checked = state;
        toggle.dispatchEvent(new Event("change"));
      }
    }

    function chosenFilters() {
      var chosen = {};
      Object.keys(selects).forEach(function (key) {
        if (selects[key].value) chosen[key] = selects[key].value;
      });
      return chosen;
    }

    function buildFilters(api) {
      if (fieldset.dataset.ofReady) return;
      fieldset.dataset.ofReady = "1";
      api.filters().then(function (all) {
        FILTERS.forEach(function (name) {
          var values = Object.keys(all[name] || {}).sort();
          if (name === "year") values.reverse();
          if (values.length < 2) return;
          var label = el("label", {}, t("column-" + name, name.charAt(0).toUpperCase() + name.slice(1)) + " ");
          var select = el("select", { name: name });
          select.appendChild(el("option", { value: "" }, t("all", "All")));
          values.forEach(function (v) { select.appendChild(el("option", { value: v }, v)); });
          select.addEventListener("change", search);
          label.appendChild(select);
          fieldset.appendChild(label);
          selects[name] = select;
        });
        var first = fieldset.querySelector("select");
        if (first) first.focus();
      });
    }

    function search() {
      var query = input.value.trim();
      var mine = ++run;
      if (!query) {
        list.textContent = "";
        more.hidden = true;
        meta.textContent = t("search-hint", "Type a word from any record: minutes, decisions, descriptions, submissions.");
        return;
      }
      meta.textContent = t("searching", "Searching…");
      pagefind().then(function (api) {
        narrow.hidden = false;
        return api.search(query, { filters: chosenFilters() });
      }).then(function (response) {
        if (mine !== run || !response) return;
        found = response.results;
        shown = 0;
        list.textContent = "";
        meta.textContent = found.length === 0 ? t("no-match", "No record matches “{query}”.").replace("{query}", query)
          : found.length === 1 ? t("one-match", "1 matching page.")
          : t("matches", "{count} matching pages.").replace("{count}", found.length);
        return showMore(mine);
      }).catch(function () {
        if (mine === run) meta.textContent = t("index-failed", "The search index could not be loaded.");
      });
    }

    function showMore(mine) {
      var next = found.slice(shown, shown + PAGE_SIZE);
      shown += next.length;
      more.hidden = shown >= found.length;
      return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
        if (mine !== run) return;
        pages.forEach(function (page) { list.appendChild(item(page)); });
      });
    }

    function item(page) {
      var li = el("li", { class: "md-search-result__item" });
      var link = el("a", { class: "md-search-result__link", href: page.url });
      var article = el("article", { class: "md-search-result__article md-typeset" });
      var kind = (page.filters && page.filters.kind || [])[0];
      if (kind) article.appendChild(el("p", { class: "of-search-kind" }, kind));
      article.appendChild(el("h2", {}, page.meta.title || page.url));
      var excerpt = el("p");
      excerpt.innerHTML = page.excerpt; // Pagefind escapes the text; only <mark> is markup
      article.appendChild(excerpt);
      link.appendChild(article);
      li.appendChild(link);
      var parts = (page.sub_results || []).filter(function (s) { return s.url !== page.url && s.url.indexOf("#") > 0; });
      if (parts.length) {
        var sub = el("ul", { class: "of-search-parts" });
        parts.slice(0, 3).forEach(function (part) {
          var a = el("a", { class: "md-search-result__link", href: part.url });
          a.appendChild(el("strong", {}, part.title));
          var p = el("span");
          p.innerHTML = " " + part.excerpt;
          a.appendChild(p);
          var entry = el("li");
          entry.appendChild(a);
          sub.appendChild(entry);
        });
        li.appendChild(sub);
      }
      return li;
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    input.addEventListener("focus", function () {
      if (!closing) open(true);
      closing = false;
      pagefind();
    });
    input.addEventListener("input", function () {
      open(true);
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) first.focus();
    });
    more.addEventListener("click", function () { showMore(run); });
    // The filters' files are fetched only when asked for: a query alone does not need them.
    narrow.addEventListener("toggle", function () {
      if (narrow.open) pagefind().then(buildFilters);
    });
    box.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        open(false);
        closing = document.activeElement !== input;
        input.focus();
        event.preventDefault();
      } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
        if (all[at + 1]) all[at + 1].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at === 0 ? input : all[at - 1]).focus();
        event.preventDefault();
      }
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked && document.activeElement !== input) input.focus();
      });
    }
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-of-search]"), setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
