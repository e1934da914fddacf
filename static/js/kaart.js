/* The regiokaart: regions from the GeoJSON layer, coloured by regioplan status.
 * Every region is a focusable link on the map; the list beside it is the same
 * set of links for keyboard and screen-reader users. */
(function () {
  "use strict";

  // Border and highlight colours come from the stylesheet (status.css).
  var css = window.getComputedStyle(document.documentElement);
  var BORDER = css.getPropertyValue("--region-border").trim();
  var HIGHLIGHT = css.getPropertyValue("--region-highlight").trim();

  function describe(props) {
    return props.name + " — " + props.status_label;
  }

  function initMap(map) {
    var container = map.getContainer();
    var target = container.dataset.linkTarget;

    function go(url) {
      if (target) { window.open(url, target, "noopener"); } else { window.location.href = url; }
    }
    var info = document.getElementById("kaart-info");
    var byslug = {};

    function show(layer) {
      info.textContent = describe(layer.feature.properties);
      layer.setStyle({ color: HIGHLIGHT, weight: 3 });
      layer.bringToFront();
    }

    function hide(layer) {
      layer.setStyle({ color: BORDER, weight: 1 });
    }

    function onEachFeature(feature, layer) {
      var props = feature.properties;
      byslug[props.slug] = layer;
      // Leaflet renders a string tooltip as HTML: hand it a text node instead.
      var tooltip = document.createElement("span");
      tooltip.textContent = describe(props);
      layer.bindTooltip(tooltip, { sticky: true, direction: "top" });
      layer.on({
        mouseover: function () { show(layer); },
        mouseout: function () { hide(layer); },
        click: function () { go(props.url); },
        add: function () {
          var path = layer.getElement();
          path.setAttribute("tabindex", "0");
          path.setAttribute("role", "link");
          path.setAttribute("aria-label", describe(props));
          path.addEventListener("focus", function () { show(layer); });
          path.addEventListener("blur", function () { hide(layer); });
          path.addEventListener("keydown", function (event) {
            if (event.key === "Enter") { go(props.url); }
          });
        }
      });
    }

    fetch(container.dataset.layerUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        var regions = L.geoJSON(data, {
          style: function (feature) {
            return {
              fillColor: feature.properties.colour,
              fillOpacity: 1,
              color: BORDER,
              weight: 1
            };
          },
          onEachFeature: onEachFeature
        }).addTo(map);
        map.options.zoomSnap = 0.25;
        map.fitBounds(regions.getBounds(), { animate: false });
        container.dataset.loaded = String(data.features.length);
      })
      .catch(function () {
        info.textContent = "De kaart kon niet worden geladen. De lijst met regio's werkt wel.";
      });

    document.querySelectorAll("#regiolijst a[data-slug]").forEach(function (link) {
      var highlight = function () { if (byslug[link.dataset.slug]) { show(byslug[link.dataset.slug]); } };
      var unhighlight = function () { if (byslug[link.dataset.slug]) { hide(byslug[link.dataset.slug]); } };
      link.addEventListener("focus", highlight);
      link.addEventListener("mouseenter", highlight);
      link.addEventListener("blur", unhighlight);
      link.addEventListener("mouseleave", unhighlight);
    });
  }

  window.regiokaart = window.regiokaart || {};
  window.regiokaart.initMap = initMap;
})();
