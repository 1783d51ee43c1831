// The directory's map: the clusters of the list (the API's GeoJSON of the same filter) on the
// site's own basemap. Without JavaScript, Leaflet or the API the map stays hidden and the list
// serves alone. Folded on phones (the list first), open on wider screens.
(function () {
  "use strict";
  const element = document.querySelector(".cluster-map");
  const base = window.clusterdirectoryMap;
  if (!element || !window.L || !base) return;
  const L = window.L;
  const details = element.querySelector("details");
  fetch(element.dataset.geojson, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((collection) => {
      if (!collection.features.length) return;
      element.hidden = false;
      if (window.matchMedia("(min-width: 50rem)").matches) details.open = true;
      const map = L.map(element.querySelector(".cluster-map__canvas"), {
        scrollWheelZoom: false,
        maxZoom: base.basemapMaxZoom,
      });
      base.addBasemap(map, element.dataset.basemap);
      base.offerTiles(
        map,
        element.querySelector(".cluster-map__tiles"),
        element.dataset.tiles,
        element.dataset.attribution,
      );
      // Markers in reading order (north to south, then west to east): the order they take
      // the focus in.
      const features = collection.features.slice().sort((a, b) => {
        const [lngA, latA] = a.geometry.coordinates;
        const [lngB, latB] = b.geometry.coordinates;
        return latB - latA || lngA - lngB;
      });
      // Clusters of one city share its point: their dots go round it, each one to be seen.
      const sharing = {};
      features.forEach((feature) => {
        const key = feature.geometry.coordinates.join();
        (sharing[key] = sharing[key] || []).push(feature);
      });
      const layer = L.featureGroup();
      features.forEach((feature) => {
        const [lng, lat] = feature.geometry.coordinates;
        const group = sharing[feature.geometry.coordinates.join()];
        const angle = (2 * Math.PI * group.indexOf(feature)) / group.length;
        const radius = group.length > 1 ? 6 + 2 * group.length : 0;
        // A drawn dot, not Leaflet's marker images: nothing to find among hashed static files.
        const marker = L.marker([lat, lng], {
          title: feature.properties.title,
          icon: L.divIcon({
            className: "cluster-map__marker",
            iconSize: [18, 18],
            iconAnchor: [9 - radius * Math.sin(angle), 9 + radius * Math.cos(angle)],
          }),
          riseOnHover: true,
        });
        const link = document.createElement("a");
        link.href = feature.properties.html_url;
        link.textContent = feature.properties.title;
        marker.bindPopup(link);
        marker.on("popupopen", () => link.focus());
        marker.on("popupclose", () => {
          if (!document.activeElement || document.activeElement === document.body) {
            marker.getElement().focus();
          }
        });
        layer.addLayer(marker);
      });
      layer.addTo(map);
      const fit = () => {
        map.invalidateSize();
        map.fitBounds(layer.getBounds(), { maxZoom: 10, padding: [36, 36] });
      };
      fit();
      details.addEventListener("toggle", () => details.open && fit());
      element.dataset.shown = String(features.length);
    })
    .catch(() => {
      element.hidden = true;
    });
})();
