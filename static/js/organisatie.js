/* The small map on an organisation page: the regions it is active in. */
(function () {
  "use strict";

  function initOrganisationMap(map) {
    var data = JSON.parse(document.getElementById("organisatie-regios").textContent);
    if (!data || !data.features.length) { return; }
    // Colours come from the stylesheet (status.css), as on the region page.
    var container = map.getContainer();
    var shapes = L.geoJSON(data, {
      style: function (feature) {
        var probe = document.createElement("span");
        probe.className = "status-" + feature.properties.status;
        container.appendChild(probe);
        var css = window.getComputedStyle(probe);
        var style = {
          fillColor: css.getPropertyValue("--fill").trim(),
          fillOpacity: 1,
          color: css.getPropertyValue("--region-border").trim(),
          weight: 2
        };
        container.removeChild(probe);
        return style;
      },
      interactive: false
    }).addTo(map);
    map.options.zoomSnap = 0.25;
    map.fitBounds(shapes.getBounds(), { animate: false, padding: [8, 8] });
  }

  window.regiokaart = window.regiokaart || {};
  window.regiokaart.initOrganisationMap = initOrganisationMap;
})();
