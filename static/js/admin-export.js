/* The export page's "select all" toggle, bound here instead of an inline
 * onchange attribute (strict CSP). onSelectToggleChange comes from
 * django-import-export's export_selectable_fields.js. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  document.querySelectorAll("input.select-toggle").forEach(function (toggle) {
    toggle.addEventListener("change", function (event) {
      window.onSelectToggleChange(event);
    });
  });
});
