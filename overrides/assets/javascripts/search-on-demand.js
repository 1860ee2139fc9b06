// Material's bundle downloads the whole search index (search/search_index.json) as soon as a page
// opens, whether or not the reader ever searches: at fifteen chapters that is over half a megabyte
// per page view. This script, which must run before the bundle, holds that one request back until
// the reader turns to search: focuses the search box (also with Material's keyboard shortcuts),
// clicks the search icon, or opens a link that carries a search query. Material then shows
// "Initializing search" for the moment the index takes to arrive. From file:// the bundle loads
// search/search_index.js instead, which this script leaves alone.
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
})();
