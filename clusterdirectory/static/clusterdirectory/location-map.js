// The editor's map for a cluster's location: a click (or dragging the marker) fills the
// latitude and longitude fields below it; typing in them moves the marker.
(function () {
  "use strict";
  const script = document.getElementById("location-map-script");
  const row = document.querySelector(".cluster-location");
  if (!script || !row || !window.L) return;
  const latitude = row.querySelector("input[name='latitude']");
  const longitude = row.querySelector("input[name='longitude']");
  if (!latitude || !longitude) return;
  const canvas = document.createElement("div");
  canvas.style.height = "18rem";
  canvas.style.marginBottom = "1rem";
  canvas.setAttribute("aria-label", script.dataset.label);
  row.parentNode.insertBefore(canvas, row);
  // The Danish-German border region until a location is set.
  const map = window.L.map(canvas).setView([55.0, 9.4], 7);
  window.L.tileLayer(script.dataset.tiles, {
    attribution: script.dataset.attribution,
    maxZoom: 18,
  }).addTo(map);
  let marker = null;
  function place(latlng, fill) {
    if (marker) marker.setLatLng(latlng);
    else {
      // A text pin, not Leaflet's marker images: nothing to find among hashed static files.
      const icon = window.L.divIcon({ className: "location-map__pin", html: "●", iconSize: [24, 24] });
      marker = window.L.marker(latlng, { draggable: true, icon: icon }).addTo(map);
      marker.on("dragend", () => place(marker.getLatLng(), true));
    }
    if (fill) {
      latitude.value = latlng.lat.toFixed(5);
      longitude.value = latlng.lng.toFixed(5);
      latitude.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
  function fromFields() {
    const lat = parseFloat(latitude.value);
    const lng = parseFloat(longitude.value);
    if (!Number.isNaN(lat) && !Number.isNaN(lng)) {
      place([lat, lng], false);
      map.setView([lat, lng], 14);
    }
  }
  fromFields();
  map.on("click", (event) => place(event.latlng, true));
  latitude.addEventListener("input", fromFields);
  longitude.addEventListener("input", fromFields);
})();
