/* The small map on a region page: the region's border in its status colour. */
(function () {
  "use strict";

  function initRegionMap(map) {
    var geometry = JSON.parse(document.getElementById("regio-grens").textContent);
    if (!geometry) { return; }
    // The status colour and border come from the stylesheet (status.css).
    var css = window.getComputedStyle(map.getContainer());
    var shape = L.geoJSON(geometry, {
      style: {
        fillColor: css.getPropertyValue("--fill").trim(),
        fillOpacity: 1,
        color: css.getPropertyValue("--region-border").trim(),
        weight: 2
      },
      interactive: false
    }).addTo(map);
    map.options.zoomSnap = 0.25;
    map.fitBounds(shape.getBounds(), { animate: false, padding: [8, 8] });
  }

  // "Afdrukken / PDF": the browser's print dialog (also "save as PDF"); the
  // button shows only when this script runs.
  var printButton = document.getElementById("afdrukken");
  if (printButton) {
    printButton.addEventListener("click", function () { window.print(); });
    printButton.parentElement.hidden = false;
  }

  window.regiokaart = window.regiokaart || {};
  window.regiokaart.initRegionMap = initRegionMap;
})();
