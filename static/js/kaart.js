/* The regiokaart: regions from the GeoJSON layer, coloured by regioplan status
 * and patterned per status (not by colour alone: the patterns are in the
 * page, regions/_map_patterns.html). The page shows an SVG preview of the same
 * map until this script has drawn the regions (regions/preview.py).
 * Every region is a focusable link on the map, in the order of the list: Tab
 * goes through them and then leaves the map, Enter opens one. The list beside
 * the map is the same set of links for keyboard and screen-reader users.
 * Texts come from the page (data-* attributes and the status-labels
 * json_script), so the map speaks the page's language. */
(function () {
  "use strict";

  // Border and highlight colours come from the stylesheet (status.css).
  var css = window.getComputedStyle(document.documentElement);
  var BORDER = css.getPropertyValue("--region-border").trim();
  var HIGHLIGHT = css.getPropertyValue("--region-highlight").trim();

  function statusLabels() {
    var element = document.getElementById("status-labels");
    return element ? JSON.parse(element.textContent) : {};
  }
  var LABELS = statusLabels();

  function describe(props) {
    return props.name + " — " + (LABELS[props.status] || props.status_label);
  }

  // Leaflet's zoom buttons say "Zoom in"/"Zoom out": use the page's words.
  function translateControls(map) {
    var data = map.getContainer().dataset;
    [[".leaflet-control-zoom-in", data.zoomIn], [".leaflet-control-zoom-out", data.zoomOut]]
      .forEach(function (pair) {
        var button = map.getContainer().querySelector(pair[0]);
        if (button && pair[1]) {
          button.title = pair[1];
          button.setAttribute("aria-label", pair[1]);
        }
      });
  }

  // Map filters (?status=&verzekeraar=): the server lists only the matching
  // regions; on the map the others are dimmed but keep their outline.
  function filterClassName(props) {
    var list = document.getElementById("regiolijst");
    if (!list || !list.hasAttribute("data-filtered")) { return ""; }
    return list.querySelector('a[data-slug="' + CSS.escape(props.slug) + '"]') ? "" : "region-dimmed";
  }

  function initMap(map) {
    var container = map.getContainer();
    var target = container.dataset.linkTarget;

    function go(url) {
      if (target) { window.open(url, target, "noopener"); } else { window.location.href = url; }
    }
    var info = document.getElementById("kaart-info");
    var byslug = {};
    translateControls(map);

    // The highlight is drawn in a pane above the regions, never by moving the
    // region itself: re-inserting a focused SVG path would lose the focus.
    // A dark band under a light one stays visible (>= 3:1) on every fill.
    map.createPane("highlight").style.pointerEvents = "none";
    var outline = null;

    function show(layer) {
      info.textContent = describe(layer.feature.properties);
      info.classList.remove("map-card");
      if (outline) { map.removeLayer(outline); }
      var geometry = layer.feature.geometry;
      outline = L.layerGroup([
        L.geoJSON(geometry, { pane: "highlight", interactive: false, style: { color: "#000000", weight: 6, fill: false } }),
        L.geoJSON(geometry, { pane: "highlight", interactive: false, style: { color: HIGHLIGHT, weight: 3, fill: false } })
      ]).addTo(map);
    }

    function hide(layer) {
      if (outline) { map.removeLayer(outline); outline = null; }
    }

    // On a touch screen a tap shows a small card with a link; it does not
    // navigate, so a small region cannot be opened by mistake.
    function showCard(props) {
      info.textContent = "";
      info.classList.add("map-card");
      var name = document.createElement("strong");
      name.textContent = props.name;
      var status = document.createElement("span");
      status.textContent = LABELS[props.status] || props.status_label;
      var link = document.createElement("a");
      link.href = props.url;
      link.textContent = container.dataset.openText || props.name;
      if (target) { link.target = target; link.rel = "noopener"; }
      info.append(name, " ", status, " ", link);
      info.scrollIntoView({ block: "nearest" });
    }

    function isTouch(event) {
      var original = event.originalEvent || {};
      return original.pointerType === "touch" || window.matchMedia("(hover: none)").matches;
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
        click: function (event) {
          if (isTouch(event)) { show(layer); showCard(props); } else { go(props.url); }
        },
        add: function () {
          var path = layer.getElement();
          path.classList.add("status-" + props.status);
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
              weight: 1,
              className: filterClassName(feature.properties)
            };
          },
          onEachFeature: onEachFeature
        });
        // Frame the regions before drawing them (drawn once, not twice), and
        // exactly as the SVG preview is framed (zoomSnap 0), so the preview
        // is replaced without a jump; zooming later snaps to quarter steps.
        if (data.features.length) {
          map.options.zoomSnap = 0;
          map.fitBounds(regions.getBounds(), { animate: false });
        }
        map.options.zoomSnap = 0.25;
        regions.addTo(map);
        var preview = container.querySelector(".map-preview");
        if (preview) { preview.remove(); }
        container.dataset.loaded = String(data.features.length);
      })
      .catch(function () {
        info.textContent = container.dataset.errorText;
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
  window.regiokaart.translateControls = translateControls;
})();
