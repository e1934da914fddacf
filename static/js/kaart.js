/* The regiokaart: regions from the GeoJSON layer, coloured by regioplan status
 * and patterned per status (not by colour alone: the patterns are in the
 * page, regions/_map_patterns.html). The page shows an SVG preview of the same
 * map until this script has drawn the regions (regions/preview.py).
 * Every region is a focusable link on the map, in the order of the list: Tab
 * goes through them and then leaves the map, Enter opens one. The list beside
 * the map is the same set of links for keyboard and screen-reader users.
 * Texts come from the page (data-* attributes and the status-labels
 * json_script), so the map speaks the page's language.
 * Coloured by a CBS figure (/?kleur=…), the page gives each area's class and
 * value text (json_script "kaart-klassen", regions.maplayer.choropleth):
 * areas get that CSS class instead of the status; at gemeente level the
 * gemeenten are not tab stops (the table beside the map is the text twin). */
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

  function figureClasses() {
    var element = document.getElementById("kaart-klassen");
    return element ? JSON.parse(element.textContent) : null;
  }
  var FIGURE = figureClasses();

  function describe(props) {
    if (FIGURE) {
      var area = FIGURE[props.slug];
      return area ? props.name + " — " + area.tekst : props.name;
    }
    return props.name + " — " + (LABELS[props.status] || props.status_label);
  }

  function figureClassName(props) {
    var area = FIGURE[props.slug];
    return "figure-area " + (area ? area.klasse : "figure-missing");
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
    var gemeenten = container.dataset.figure === "gemeente";
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
      status.textContent = FIGURE ? (FIGURE[props.slug] || { tekst: "" }).tekst
        : LABELS[props.status] || props.status_label;
      if (!props.url) {
        info.append(name, " ", status);
        return;
      }
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

    // A sticky tooltip opens on the side of the pointer with the most room,
    // so it never runs off the map's edge (on a phone above all).
    function keepInside(layer, event) {
      var tooltip = layer.getTooltip();
      if (!tooltip || !event.latlng) { return; }
      var point = map.latLngToContainerPoint(event.latlng);
      var size = map.getSize();
      var direction = point.x > size.x / 2 ? "left" : "right";
      if (point.y < 48) { direction = "bottom"; }
      if (tooltip.options.direction !== direction) {
        tooltip.options.direction = direction;
        tooltip.update();
      }
    }

    function onEachFeature(feature, layer) {
      var props = feature.properties;
      byslug[props.slug] = layer;
      // Leaflet renders a string tooltip as HTML: hand it a text node instead.
      var tooltip = document.createElement("span");
      tooltip.textContent = describe(props);
      layer.bindTooltip(tooltip, { sticky: true, direction: "right" });
      layer.on("tooltipopen mousemove", function (event) { keepInside(layer, event); });
      layer.on({
        mouseover: function () { show(layer); },
        mouseout: function () { hide(layer); },
        click: function (event) {
          if (isTouch(event)) { show(layer); showCard(props); } else if (props.url) { go(props.url); }
        },
        add: function () {
          var path = layer.getElement();
          if (gemeenten) { return; }  // not tab stops: the table is the twin
          if (!FIGURE) { path.classList.add("status-" + props.status); }
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

    // The same margin as the SVG preview: its viewBox starts at -margin, and
    // meet-scaling makes that margin this many pixels.
    function framePadding() {
      var svg = container.querySelector(".map-preview");
      if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return [24, 24]; }
      var box = svg.viewBox.baseVal;
      var size = map.getSize();
      var scale = Math.min(size.x / box.width, size.y / box.height);
      var pad = -box.x * scale;
      return [pad, pad];
    }

    // Names on the map (regions.labels gives the anchors: places first, then
    // regions largest first). At every zoom a name shows only where it fits
    // in its region's box and overlaps no name shown before it. Text only,
    // set with textContent; hidden from screen readers (the list has them).
    var nameData = document.getElementById(container.id + "-namen");
    var anchors = nameData ? JSON.parse(nameData.textContent) : [];
    var labelPane = null;
    var labelElements = [];

    function placeNames(regions) {
      if (!anchors.length) { return; }
      if (!labelPane) {
        labelPane = map.createPane("label");
        labelPane.classList.add("leaflet-label-pane");
        labelPane.setAttribute("aria-hidden", "true");
        anchors.forEach(function (anchor) {
          var element = document.createElement("span");
          element.className = "map-label" + (anchor.kind === "place" ? " map-place" : "");
          element.textContent = anchor.name;
          element.dataset.slug = anchor.slug;
          labelPane.appendChild(element);
          labelElements.push(element);
        });
      }
      var taken = [];
      labelElements.forEach(function (element, index) {
        var anchor = anchors[index];
        var point = map.latLngToLayerPoint([anchor.lat, anchor.lon]);
        element.hidden = false;
        element.style.left = point.x + "px";
        element.style.top = point.y + "px";
        var width = element.offsetWidth, height = element.offsetHeight;
        var box = anchor.kind === "place"
          ? { x0: point.x, x1: point.x + width, y0: point.y - height / 2, y1: point.y + height / 2 }
          : { x0: point.x - width / 2, x1: point.x + width / 2, y0: point.y - height / 2, y1: point.y + height / 2 };
        // Inside the map's frame, whatever the pan.
        var shift = map.latLngToContainerPoint([anchor.lat, anchor.lon]).subtract(point);
        var size = map.getSize();
        var fits = box.x0 + shift.x >= 2 && box.x1 + shift.x <= size.x - 2 &&
          box.y0 + shift.y >= 2 && box.y1 + shift.y <= size.y - 2;
        if (fits && anchor.kind === "region") {
          var layer = byslug[anchor.slug];
          if (!layer) { fits = false; } else {  // fits its region's box
            var bounds = layer.getBounds();
            var nw = map.latLngToLayerPoint(bounds.getNorthWest());
            var se = map.latLngToLayerPoint(bounds.getSouthEast());
            fits = width < (se.x - nw.x) * 0.8 && height < (se.y - nw.y) * 0.6;
          }
        }
        fits = fits && !taken.some(function (other) {
          return box.x0 < other.x1 + 4 && other.x0 < box.x1 + 4 && box.y0 < other.y1 + 2 && other.y0 < box.y1 + 2;
        });
        element.hidden = !fits;
        if (fits) { taken.push(box); }
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
              className: FIGURE
                ? figureClassName(feature.properties) + (gemeenten ? "" : " " + filterClassName(feature.properties))
                : filterClassName(feature.properties)
            };
          },
          onEachFeature: onEachFeature
        });
        // Frame the regions before drawing them (drawn once, not twice), and
        // exactly as the SVG preview is framed (zoomSnap 0), so the preview
        // is replaced without a jump; zooming later snaps to quarter steps.
        if (data.features.length) {
          map.options.zoomSnap = 0;
          map.fitBounds(regions.getBounds(), { animate: false, padding: framePadding() });
        }
        map.options.zoomSnap = 0.25;
        regions.addTo(map);
        var preview = container.querySelector(".map-preview");
        if (preview) { preview.remove(); }
        placeNames(regions);
        map.on("zoomend", function () { placeNames(regions); });
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
