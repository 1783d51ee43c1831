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
  const SIZE = 24; // a marker's width and height in px: the least touch target of WCAG 2.2
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
      const layer = L.featureGroup();
      const places = features.map((feature) => {
        const [lng, lat] = feature.geometry.coordinates;
        // A drawn dot, not Leaflet's marker images: nothing to find among hashed static files.
        const marker = L.marker([lat, lng], {
          title: feature.properties.title,
          icon: L.divIcon({ className: "cluster-map__marker", iconSize: [SIZE, SIZE] }),
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
        return { marker, latlng: L.latLng(lat, lng) };
      });
      // Dots closer than a touch target at this zoom (one city's clusters, or towns close
      // together) are set out in a small grid round their common centre, each a 24 px target
      // of its own that no other overlaps (WCAG 2.2, 2.5.8); laid out again at each zoom.
      const STEP = SIZE + 4; // from one dot's centre to the next (Leaflet rounds to pixels)
      const grid = (count) => {
        const columns = Math.ceil(Math.sqrt(count));
        return { columns, rows: Math.ceil(count / columns) };
      };
      const apart = (a, b) => {
        const [ga, gb] = [grid(a.members.length), grid(b.members.length)];
        const gap = a.centre.subtract(b.centre);
        return (
          Math.abs(gap.x) >= ((ga.columns + gb.columns) * STEP) / 2 ||
          Math.abs(gap.y) >= ((ga.rows + gb.rows) * STEP) / 2
        );
      };
      const spread = () => {
        const zoom = map.getZoom();
        let groups = places.map((place) => ({
          members: [place],
          centre: map.project(place.latlng, zoom),
        }));
        let merged = true;
        while (merged) {
          merged = false;
          const kept = [];
          groups.forEach((group) => {
            const near = kept.find((other) => !apart(other, group));
            if (!near) {
              kept.push(group);
              return;
            }
            const count = near.members.length + group.members.length;
            near.centre = near.centre
              .multiplyBy(near.members.length)
              .add(group.centre.multiplyBy(group.members.length))
              .divideBy(count);
            near.members = near.members.concat(group.members);
            merged = true;
          });
          groups = kept;
        }
        groups.forEach((group) => {
          const { columns, rows } = grid(group.members.length);
          group.members.forEach((place, index) => {
            const column = index % columns;
            const row = Math.floor(index / columns);
            const offset = L.point(
              (column - (columns - 1) / 2) * STEP,
              (row - (rows - 1) / 2) * STEP,
            );
            place.marker.setLatLng(map.unproject(group.centre.add(offset), zoom));
          });
        });
      };
      layer.addTo(map);
      const bounds = L.latLngBounds(places.map((place) => place.latlng));
      const fit = () => {
        map.invalidateSize();
        map.fitBounds(bounds, { maxZoom: 10, padding: [36, 36], animate: false });
        spread();
      };
      map.on("zoomend", spread);
      fit();
      details.addEventListener("toggle", () => details.open && fit());
      element.dataset.shown = String(features.length);
    })
    .catch(() => {
      element.hidden = true;
    });
})();
