"""The province's map as inline SVG, drawn on the server from the GeoJSON file kept in the repository.

No tile server, no script, no request to anywhere: each unit's shape is an SVG path inside a link with an accessible
name, and the list beside the map is its text alternative. The file today is a schematic map (see
territory/data/README.md); a file of real boundaries with the same `code` properties would be drawn the same way.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

MAP_FILE = Path(__file__).resolve().parent / "data" / "quang-ngai-2025-schematic.geojson"
WIDTH = 600  # SVG user units; the SVG scales to its container


@dataclass(frozen=True)
class Shape:
    """One unit as drawn: its code, its SVG path data and where its label goes."""

    code: str
    path: str
    label_x: float
    label_y: float


@dataclass
class ProvinceMap:
    """The SVG's size, the units' shapes each with its unit (None for a shape no unit has), and the file's notes."""

    width: int
    height: int
    shapes: list
    metadata: dict


@functools.cache
def load_shapes(path: Path = MAP_FILE) -> tuple[tuple[Shape, ...], int, int, dict]:
    """The shapes of the GeoJSON file at `path`, projected (equirectangular, at the map's mean latitude) into an SVG
    WIDTH units wide; read and projected once per process. Returns the shapes, the width, the height and the file's
    `metadata` member."""
    data = json.loads(path.read_text(encoding="utf-8"))
    features = data["features"]
    rings = {feature["properties"]["code"]: list(polygon_rings(feature["geometry"])) for feature in features}
    points = [point for code_rings in rings.values() for ring in code_rings for point in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    x_scale = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * x_scale)
    height = round((north - south) * scale)

    def project(point):
        return round((point[0] - west) * x_scale * scale, 1), round((north - point[1]) * scale, 1)

    shapes = []
    for code, code_rings in rings.items():
        projected = [[project(point) for point in ring] for ring in code_rings]
        path_data = " ".join("M" + " L".join(f"{x} {y}" for x, y in ring) + " Z" for ring in projected)
        outer = max(projected, key=len)
        xs, ys = [x for x, _y in outer], [y for _x, y in outer]
        shapes.append(Shape(code, path_data, round(sum(xs) / len(xs), 1), round(sum(ys) / len(ys), 1)))
    return tuple(shapes), WIDTH, height, data.get("metadata", {})


def polygon_rings(geometry: dict):
    """The outer rings of a Polygon or MultiPolygon geometry (holes are not drawn at this scale)."""
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"][0]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield polygon[0]


def province_map(units: list, page_url: str) -> ProvinceMap:
    """The map of `units` (AdministrativeUnit rows): each shape with its unit and the URL of the unit's entry in the
    page's list (the page without filter, so every unit's entry is there)."""
    shapes, width, height, metadata = load_shapes()
    by_code = {unit.code: unit for unit in units}
    drawn = [
        {"shape": shape, "unit": by_code[shape.code], "href": f"{page_url}#dv-{shape.code}"}
        for shape in shapes
        if shape.code in by_code
    ]
    return ProvinceMap(width=width, height=height, shapes=drawn, metadata=metadata)
