// The directory's map: the clusters of the list (the API's GeoJSON of the same filter) on
// Leaflet. Without JavaScript, Leaflet, the API or tiles the map stays hidden and the list
// serves alone.
(function () {
  "use strict";
  const element = document.querySelector(".cluster-map");
  if (!element || !window.L) return;
  fetch(element.dataset.geojson, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((collection) => {
      if (!collection.features.length) return;
      element.hidden = false;
      const map = window.L.map(element.querySelector(".cluster-map__canvas"), {
        scrollWheelZoom: false,
      });
      window.L.tileLayer(element.dataset.tiles, {
        attribution: element.dataset.attribution,
        maxZoom: 18,
      }).addTo(map);
      const layer = window.L.geoJSON(collection, {
        // Circles, not Leaflet's marker images: nothing to find among hashed static files.
        pointToLayer: (feature, latlng) =>
          window.L.circleMarker(latlng, { radius: 8, weight: 2, fillOpacity: 0.7 }),
        onEachFeature: (feature, marker) => {
          const link = document.createElement("a");
          link.href = feature.properties.html_url;
          link.textContent = feature.properties.title;
          marker.bindPopup(link);
          marker.bindTooltip(feature.properties.title);
        },
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { maxZoom: 11, padding: [24, 24] });
      element.dataset.shown = String(collection.features.length);
    })
    .catch(() => {
      element.hidden = true;
    });
})();
