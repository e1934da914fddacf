/* The small map on a region page: the region's border in its status colour. */
(function () {
  "use strict";

  function initRegionMap(map) {
    var geometry = JSON.parse(document.getElementById("regio-grens").textContent);
    var colour = JSON.parse(document.getElementById("regio-kleur").textContent);
    if (!geometry) { return; }
    var shape = L.geoJSON(geometry, {
      style: { fillColor: colour, fillOpacity: 1, color: "#37414f", weight: 2 },
      interactive: false
    }).addTo(map);
    map.options.zoomSnap = 0.25;
    map.fitBounds(shape.getBounds(), { animate: false, padding: [8, 8] });
  }

  window.regiokaart = window.regiokaart || {};
  window.regiokaart.initRegionMap = initRegionMap;
})();
