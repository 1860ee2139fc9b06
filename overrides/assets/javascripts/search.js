// Two changes to Material's search, in a script that runs before Material's bundle.
//
// 1. The index on demand. Material's bundle downloads the whole search index
// (search/search_index.json) as soon as a page opens, whether or not the reader ever searches: at
// fifteen chapters that is over half a megabyte per page view. This script holds that one request
// back until the reader turns to search: focuses the search box (also with Material's keyboard
// shortcuts), clicks the search icon, or opens a link that carries a search query. Material then
// shows "Initializing search" for the moment the index takes to arrive. From file:// the bundle
// loads search/search_index.js instead, which this script leaves alone.
//
// 2. Every word counts. Material finds the sections that contain any one of the words searched
// for, and a heading that merely starts with one of them ("How it is scored" for "F1 score")
// outranks the section about the whole query. A query of several plain words is sent to the
// search worker as "each word must occur" (lunr's +word*), leaving out the stop words lunr drops
// anyway; if that finds nothing, the query is sent again as typed, so a reader never gets less
// than Material would give. A query with its own quotes or operators is left as typed.
(function () {
  "use strict";
  const INDEX = /\/search\/search_index\.json$/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let wanted = false;

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(([request, args]) => send.apply(request, args));
  }

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.mlsguideSearchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.mlsguideSearchIndex && !wanted) {
      held.push([this, args]);
      return undefined;
    }
    return send.apply(this, args);
  };

  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches("[data-md-component=search-query]")) release();
  });
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("label[for=__search]")) release();
  }, true);
  if (new URLSearchParams(location.search).has("q")) release();

  // --- 2. Every word counts -----------------------------------------------------------------
  const READY = 1; // Material's message types: 0 setup, 1 ready, 2 query, 3 result
  const QUERY = 2;
  const RESULT = 3;
  // lunr's English stop words (lunr.stopWordFilter), which the index does not hold.
  const STOP_WORDS = new Set(("a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got had has have he her hers " +
    "him his how however i if in into is it its just least let like likely may me might most must my neither no nor " +
    "not of off often on only or other our own rather said say says she should since so some than that the their " +
    "them then there these they this tis to too twas us wants was we were what when where which while who whom why " +
    "will with would yet you your").split(" "));

  function everyWord(query) {
    if (/["*~^:]|(^|\s)[+-]/.test(query)) return query;
    const words = query.trim().split(/\s+/);
    const required = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
    if (required.length < 2) return query;
    return words.map((w) => (STOP_WORDS.has(w.toLowerCase()) ? w : `+${w}*`)).join(" ");
  }

  const post = Worker.prototype.postMessage;
  const listen = Worker.prototype.addEventListener;
  // Per worker, the queries sent and not yet answered, oldest first: the worker answers in order.
  const pending = new WeakMap();
  function queue(worker) {
    if (!pending.has(worker)) pending.set(worker, []);
    return pending.get(worker);
  }
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      const strict = everyWord(message.data);
      queue(this).push(strict === message.data ? null : message.data); // the query as typed, if changed
      if (strict !== message.data) return post.call(this, { ...message, data: strict }, ...rest);
    }
    return post.call(this, message, ...rest);
  };
  Worker.prototype.addEventListener = function (type, handler, ...rest) {
    if (type !== "message" || typeof handler !== "function") return listen.call(this, type, handler, ...rest);
    const worker = this;
    return listen.call(this, type, function (event) {
      if (event.data && event.data.type === RESULT && !superseded.has(event)) superseded.set(event, retry(worker, event));
      if (event.data && event.data.type === READY && !superseded.has(event)) {
        superseded.set(event, false);
        setTimeout(askAgain, 0);
      }
      return superseded.get(event) ? undefined : handler.call(this, event);
    }, ...rest);
  };
  // Material reads the box on focus and on each key released, so a query pasted while the index
  // was on its way is missed (it searches for nothing and says "Type to start searching"): once
  // the index is ready, let it read the box again. A value it already has changes nothing.
  function askAgain() {
    const query = document.querySelector("[data-md-component=search-query]");
    if (query && query.value) query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  // Decided once per answer, however many listeners Material has: true when the answer to an
  // every-word query is empty and the query goes again as typed (its answer follows).
  const superseded = new WeakMap();
  function retry(worker, event) {
    const typed = queue(worker).shift();
    if (!typed || queue(worker).length > 0 || event.data.data.items.length > 0) return false;
    queue(worker).push(null);
    post.call(worker, { type: QUERY, data: typed });
    return true;
  }
})();
