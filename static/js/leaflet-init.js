/* Create the Leaflet maps described by <script type="application/json"
 * id="<name>-leaflet"> blocks ({% map_options %}), without inline scripts.
 * The same as django-leaflet's {% leaflet_map %}: L.Map.djangoMap with the
 * options from the settings, then the named callback. */
(function () {
  "use strict";

  function resolve(path) {
    return path.split(".").reduce(function (object, key) {
      return object ? object[key] : undefined;
    }, window);
  }

  // A map whose container has role="img" (the small maps on region and
  // organisation pages) is a picture, not a control: no zoom buttons, no
  // keyboard stop, no dragging (axe: nested-interactive).
  function makePicture(map) {
    if (map.getContainer().getAttribute("role") !== "img") { return; }
    if (map.zoomControl) { map.removeControl(map.zoomControl); }
    if (map.attributionControl) { map.removeControl(map.attributionControl); }
    ["keyboard", "dragging", "scrollWheelZoom", "doubleClickZoom", "touchZoom", "boxZoom"]
      .forEach(function (handler) { if (map[handler]) { map[handler].disable(); } });
    map.getContainer().removeAttribute("tabindex");
  }

  function load(spec) {
    var callback = resolve(spec.callback);
    L.Map.djangoMap(spec.name, {
      djoptions: spec.djoptions,
      globals: false,
      callback: function (map) {
        makePicture(map);
        if (callback) { callback(map); }
      }
    });
  }

  function loadAll() {
    document.querySelectorAll('script[type="application/json"][id$="-leaflet"]')
      .forEach(function (element) { load(JSON.parse(element.textContent)); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", loadAll);
  } else {
    loadAll();
  }
})();
