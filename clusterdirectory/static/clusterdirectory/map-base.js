// What the directory's and the location maps share: the basemap the site serves itself (land
// and borders), under any tiles, and the button that loads a tile server's street map, which
// only then learns the visitor's address.
(function () {
  "use strict";
  if (!window.L) return;
  const L = window.L;

  function addBasemap(map, url) {
    const pane = map.createPane("basemap");
    pane.style.zIndex = 150; // under the tiles (200), when the visitor loads them
    // The sea, also where the plugin's stylesheet is not loaded (the editor).
    map.getContainer().style.background = "#cfe0ec";
    // A map drawn while hidden or before its page's layout settled has no size: measure again.
    if (window.ResizeObserver) {
      new ResizeObserver(() => map.invalidateSize()).observe(map.getContainer());
    }
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((land) =>
        L.geoJSON(land, {
          pane: "basemap",
          interactive: false,
          attribution: land.attribution,
          style: { color: "#8a8f94", weight: 1, fillColor: "#f6f4ee", fillOpacity: 1 },
        }).addTo(map),
      )
      .catch(() => null); // the markers serve without the land
  }

  // The button loads the tiles and goes: the street map stays for this page.
  function offerTiles(map, button, url, attribution) {
    if (!button || !url) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      L.tileLayer(url, { attribution: attribution, maxZoom: 18 }).addTo(map);
      map.setMaxZoom(18);
      button.hidden = true;
      map.getContainer().focus();
    });
  }

  window.clusterdirectoryMap = { addBasemap: addBasemap, offerTiles: offerTiles, basemapMaxZoom: 12 };
})();
