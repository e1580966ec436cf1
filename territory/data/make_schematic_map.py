"""Writes quang-ngai-2025-schematic.geojson: the schematic map of the province's 96 commune-level units.

No open boundary data of the units made on 1 July 2025 could be found (see README.md here), so the map is a
cartogram: every unit is an equal square, placed as near as a free cell allows to the seat of the district it mostly
came from (approximate coordinates, WGS 84), so the map keeps the province's shape and the units their neighbours,
not their real outlines or sizes. Run it again after a data migration changes the units:

    python territory/data/make_schematic_map.py
"""

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = Path(__file__).resolve().parent / "quang-ngai-2025-schematic.geojson"
CELL = 0.11  # degrees: one unit's square
GAP = 0.006  # degrees left empty around each square

# Approximate seats of the former districts (longitude, latitude), from general maps; placement only.
DISTRICT_SEATS = {
    "Huyện Lý Sơn": (109.11, 15.38),
    "Thành phố Quảng Ngãi": (108.80, 15.12),
    "Huyện Bình Sơn": (108.76, 15.30),
    "Huyện Sơn Tịnh": (108.70, 15.18),
    "Huyện Tư Nghĩa": (108.74, 15.06),
    "Huyện Nghĩa Hành": (108.70, 14.97),
    "Huyện Mộ Đức": (108.88, 14.95),
    "Thị xã Đức Phổ": (108.95, 14.80),
    "Huyện Ba Tơ": (108.70, 14.76),
    "Huyện Minh Long": (108.60, 14.95),
    "Huyện Trà Bồng": (108.50, 15.25),
    "Huyện Sơn Hà": (108.47, 15.05),
    "Huyện Sơn Tây": (108.33, 14.97),
    "Huyện Kon Plông": (108.24, 14.70),
    "Huyện Kon Rẫy": (108.15, 14.53),
    "Thành phố Kon Tum": (108.00, 14.35),
    "Huyện Đăk Hà": (107.93, 14.53),
    "Huyện Tu Mơ Rông": (107.97, 14.88),
    "Huyện Đăk Tô": (107.83, 14.68),
    "Huyện Ngọc Hồi": (107.68, 14.70),
    "Huyện Đăk Glei": (107.76, 15.00),
    "Huyện Sa Thầy": (107.76, 14.40),
    "Huyện Ia H'Drai": (107.66, 14.22),
}


def units() -> list[tuple]:
    """The units as the data migration writes them."""
    sys.path.insert(0, str(ROOT))
    return importlib.import_module("territory.migrations.0002_the_96_units").UNITS


def place(all_units: list[tuple]) -> dict[str, tuple[int, int]]:
    """Each unit's cell (column, row), the districts in DISTRICT_SEATS's order, each unit in the free cell nearest its
    district's seat (ties: nearer the cells its district already has)."""
    taken: dict[tuple[int, int], str] = {}
    cells = {}
    for district, (lon, lat) in DISTRICT_SEATS.items():
        centre = (lon / CELL, lat / CELL)
        members = [unit for unit in all_units if unit[4] == district]
        for unit in members:
            best = min(
                (
                    (column, row)
                    for column in range(round(centre[0]) - 6, round(centre[0]) + 7)
                    for row in range(round(centre[1]) - 6, round(centre[1]) + 7)
                    if (column, row) not in taken
                ),
                key=lambda cell: (cell[0] + 0.5 - centre[0]) ** 2 + (cell[1] + 0.5 - centre[1]) ** 2,
            )
            taken[best] = unit[0]
            cells[unit[0]] = best
    return cells


def feature(unit: tuple, cell: tuple[int, int]) -> dict:
    west, south = cell[0] * CELL + GAP, cell[1] * CELL + GAP
    east, north = (cell[0] + 1) * CELL - GAP, (cell[1] + 1) * CELL - GAP
    ring = [[round(x, 4), round(y, 4)] for x, y in ((west, south), (east, south), (east, north), (west, north))]
    return {
        "type": "Feature",
        "properties": {"code": unit[0], "name": unit[2], "former_district": unit[4]},
        "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
    }


def main() -> None:
    all_units = units()
    missing = {unit[4] for unit in all_units} - set(DISTRICT_SEATS)
    if missing:
        raise SystemExit(f"No seat in DISTRICT_SEATS for {sorted(missing)}")
    cells = place(all_units)
    collection = {
        "type": "FeatureCollection",
        "metadata": {
            "title": "Sơ đồ 96 đơn vị hành chính cấp xã tỉnh Quảng Ngãi (từ 1/7/2025)",
            "schematic": True,
            "method": (
                "Cartogram: one equal square per unit, placed near the seat of its former district. Not real "
                "boundaries, areas or distances."
            ),
            "licence": "CC0-1.0",
            "generator": "territory/data/make_schematic_map.py",
        },
        "features": [feature(unit, cells[unit[0]]) for unit in all_units],
    }
    OUTPUT.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
