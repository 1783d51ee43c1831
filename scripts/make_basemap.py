"""The map's own basemap: the land and borders of the Danish-German region as GeoJSON, which
the site serves itself, so that showing the map asks no third party for anything.

Made from Natural Earth's 1:10m countries (public domain) as npm's world-atlas packs them
(TopoJSON; `npm install` brings it, pinned in package.json), clipped to the region:

    .venv/bin/python scripts/make_basemap.py [node_modules/world-atlas/countries-10m.json]

writes clusterdirectory/static/clusterdirectory/basemap.geojson (committed; run it again only
to change the region or the source).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-10m.json"
OUT = ROOT / "clusterdirectory" / "static" / "clusterdirectory" / "basemap.geojson"
# West, south, east, north: from the Dutch border to Copenhagen, from Bremen to Aalborg.
REGION = (6.5, 52.8, 13.5, 57.5)
DECIMALS = 4  # about 10 m: finer than the 1:10m source


def arcs_of(topology):
    """TopoJSON's arcs as lists of (longitude, latitude): undo the quantisation and the
    delta encoding."""
    (scale_x, scale_y), (move_x, move_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    """A ring from arcs, a negative index (~i) meaning arc i backwards; joined arcs share
    their end points."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def clip(points, region):
    """Sutherland-Hodgman: the ring cut to the region's rectangle (still closed)."""
    west, south, east, north = region
    edges = [
        (lambda p: p[0] >= west, lambda a, b: crossing_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: crossing_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: crossing_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: crossing_y(a, b, north)),
    ]
    for inside, crossing in edges:
        if not points:
            break
        kept = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    kept.append(crossing(previous, point))
                kept.append(point)
            elif inside(previous):
                kept.append(crossing(previous, point))
            previous = point
        points = kept
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


def crossing_x(a, b, x):
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def crossing_y(a, b, y):
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def rounded(points):
    kept = []
    for x, y in points:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not kept or kept[-1] != point:
            kept.append(point)
    return kept


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def basemap(topology, region):
    arcs = arcs_of(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        shapes = []
        for polygon in polygons(geometry):
            rings = [rounded(clip(ring(arcs, indexes), region)) for indexes in polygon]
            if len(rings[0]) >= 4:  # the outer ring still encloses land in the region
                shapes.append([r for r in rings if len(r) >= 4])
        if shapes:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": geometry["properties"]["name"]},
                    "geometry": {"type": "MultiPolygon", "coordinates": shapes},
                }
            )
    return {
        "type": "FeatureCollection",
        "attribution": "Natural Earth (public domain)",
        "features": features,
    }


def main(source=SOURCE):
    topology = json.loads(Path(source).read_text())
    OUT.write_text(json.dumps(basemap(topology, REGION), separators=(",", ":")) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size // 1024} KB")  # noqa: T201


if __name__ == "__main__":
    main(*sys.argv[1:])
