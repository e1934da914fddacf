/* Small accessibility repairs to Django's own admin scripts.
 * SelectFilter2 (filter_horizontal) puts aria-label on a plain <span>, which
 * ARIA does not allow (axe: aria-prohibited-attr): give the icon role="img".
 * It builds its widgets on window load, so this runs just after that. */
(function () {
  "use strict";

  function repair() {
    document.querySelectorAll("span.search-label-icon[aria-label]:not([role])")
      .forEach(function (icon) { icon.setAttribute("role", "img"); });
  }

  window.addEventListener("load", function () { window.setTimeout(repair, 0); });
})();
