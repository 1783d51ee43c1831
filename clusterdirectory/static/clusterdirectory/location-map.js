// The map for a cluster's location, in the editor and on the registration and profile update
// forms: a click (or dragging the marker) fills the latitude and longitude fields; typing in
// them moves the marker. Where the page names a place lookup (data-places), the city and
// country put the marker at the city until the visitor places it themselves.
(function () {
  "use strict";
  const script = document.getElementById("location-map-script");
  const latitude = document.querySelector("input[name='latitude']");
  const longitude = document.querySelector("input[name='longitude']");
  const base = window.clusterdirectoryMap;
  if (!script || !latitude || !longitude || !window.L || !base) return;
  const L = window.L;
  // Above the editor's location row, or above the form's latitude field.
  const row = latitude.closest(".cluster-location") || latitude.closest(".field") || latitude;
  const canvas = document.createElement("div");
  canvas.className = "location-map__canvas";
  canvas.style.height = "18rem";
  canvas.style.marginBottom = "1rem";
  canvas.setAttribute("aria-label", script.dataset.label);
  row.parentNode.insertBefore(canvas, row);
  // The Danish-German border region until a location is set.
  const map = L.map(canvas, { maxZoom: base.basemapMaxZoom }).setView([55.0, 9.4], 7);
  base.addBasemap(map, script.dataset.basemap);
  if (script.dataset.tiles) {
    const actions = document.createElement("p");
    actions.className = "location-map__actions";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "location-map__tiles";
    button.textContent = script.dataset.tilesLabel;
    actions.appendChild(button);
    canvas.insertAdjacentElement("afterend", actions);
    base.offerTiles(map, button, script.dataset.tiles, script.dataset.attribution);
  }
  let marker = null;
  function place(point, fill) {
    const latlng = L.latLng(point);
    if (marker) marker.setLatLng(latlng);
    else {
      // A text pin, not Leaflet's marker images: nothing to find among hashed static files.
      const icon = L.divIcon({ className: "location-map__pin", html: "●", iconSize: [24, 24] });
      marker = L.marker(latlng, { draggable: true, icon: icon, title: script.dataset.label });
      marker.addTo(map);
      marker.on("dragend", () => placedByHand(marker.getLatLng()));
    }
    if (fill) {
      latitude.value = L.Util.formatNum(latlng.lat, 5);
      longitude.value = L.Util.formatNum(latlng.lng, 5);
      latitude.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
  function fromFields() {
    const lat = parseFloat(latitude.value);
    const lng = parseFloat(longitude.value);
    if (!Number.isNaN(lat) && !Number.isNaN(lng)) {
      place([lat, lng], false);
      map.setView([lat, lng], Math.max(map.getZoom(), 10));
    }
  }
  // Whether the fields hold what the city lookup put there (then a new city replaces it).
  let fromCity = false;
  function placedByHand(latlng) {
    fromCity = false;
    place(latlng, true);
  }
  fromFields();
  map.on("click", (event) => placedByHand(event.latlng));
  [latitude, longitude].forEach((input) =>
    input.addEventListener("input", () => {
      fromCity = false;
      fromFields();
    }),
  );

  const city = document.querySelector("[name='city']");
  const country = document.querySelector("[name='country']");
  if (!script.dataset.places || !city || !country) return;
  map.attributionControl.addAttribution(
    'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)',
  );
  function find() {
    if (!city.value.trim() || !country.value) return Promise.resolve(null);
    const query = new URLSearchParams({ city: city.value.trim(), country: country.value });
    return fetch(script.dataset.places + "?" + query, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null); // the visitor places it, or the fields stay empty
  }
  function lookUp() {
    if (latitude.value && longitude.value && !fromCity) return;
    find().then((found) => {
      if (!found || (latitude.value && longitude.value && !fromCity)) return;
      fromCity = true;
      place([found.latitude, found.longitude], true);
      map.setView([found.latitude, found.longitude], 9);
    });
  }
  city.addEventListener("change", lookUp);
  country.addEventListener("change", lookUp);
  if (!latitude.value && !longitude.value) lookUp();
  else {
    // A form that comes back filled (a profile, a form with errors): a point at its city
    // follows the city when it changes; one placed by hand stays.
    find().then((found) => {
      fromCity = Boolean(found) && parseFloat(latitude.value) === found.latitude &&
        parseFloat(longitude.value) === found.longitude;
    });
  }
})();
