// Runs Material's own search worker (lunr) in Node on a built site's search index and
// prints, as JSON, the locations of the first results for each query given on stdin.
//   node bench/search_rank.js SITE_DIR < queries.json
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const workers = path.join(site, "assets", "javascripts", "workers");
const script = fs.readdirSync(workers).find((name) => /^search\..*\.js$/.test(name));
const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
const queries = JSON.parse(fs.readFileSync(0, "utf8"));

let answer = null;
const context = {
  console,
  setTimeout,
  postMessage: (message) => { answer = message; },
  addEventListener: (type, listener) => { context.listener = listener; },
  importScripts: () => { throw new Error("only English sites are supported here"); },
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(workers, script), "utf8"), context);

// The query as Material's search box sends it (its default transform).
function transform(query) {
  return query
    .split(/"([^"]+)"/g)
    .map((terms, i) => (i & 1 ? terms.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : terms))
    .join("")
    .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "")
    .trim();
}

async function ask(message) {
  answer = null;
  await context.listener({ data: message });
  while (answer === null) await new Promise((resolve) => setTimeout(resolve, 1));
  return answer;
}

(async () => {
  const started = Date.now();
  // As the page sends it: the index and the "search.suggest" feature (off here).
  await ask({ type: 0, data: { ...index, options: { suggest: false } } });
  const setup = Date.now() - started;
  const results = {};
  for (const query of queries) {
    const reply = await ask({ type: 2, data: transform(query) });
    // Each item is a page: its best matching entry first.
    results[query] = reply.data.items.slice(0, 3).map((item) => item[0].location);
  }
  process.stdout.write(JSON.stringify({ setup_ms: setup, results }));
})();
