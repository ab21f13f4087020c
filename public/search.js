// Starts Pagefind's search UI on the search page; the bundle path carries the site's base path.
(function () {
  var el = document.getElementById('search');
  if (!el || typeof PagefindUI === 'undefined') return;
  var params = new URLSearchParams(window.location.search);
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: el.getAttribute('data-bundle-path'),
    // Indexed URLs already carry the site's base path.
    baseUrl: '/',
    showSubResults: false,
    showImages: false,
    resetStyles: false,
  });
  var q = params.get('q');
  if (q) ui.triggerSearch(q);
})();
