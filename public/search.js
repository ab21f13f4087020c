// Starts Pagefind's search UI on the search page; the bundle path carries the site's base path.
(function () {
  var el = document.getElementById('search');
  if (!el || typeof PagefindUI === 'undefined') return;
  var params = new URLSearchParams(window.location.search);
  // The index comes in one bundle per year; the older years' bundles are merged into the newest's.
  var merged = (el.getAttribute('data-merge-bundles') || '').split(' ').filter(Boolean);
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: el.getAttribute('data-bundle-path'),
    mergeIndex: merged.map(function (bundlePath) { return { bundlePath: bundlePath, baseUrl: '/' }; }),
    // Indexed URLs already carry the site's base path.
    baseUrl: '/',
    showSubResults: false,
    showImages: false,
    resetStyles: false,
  });
  // Pagefind's input carries only a placeholder; give it an accessible name.
  var label = function () {
    var input = el.querySelector('input[type="text"], input:not([type])');
    if (input && !input.hasAttribute('aria-label')) input.setAttribute('aria-label', 'Search the archive');
    return Boolean(input);
  };
  if (!label()) new MutationObserver(function (_m, observer) { if (label()) observer.disconnect(); }).observe(el, { childList: true, subtree: true });
  var q = params.get('q');
  if (q) ui.triggerSearch(q);
})();
