"""Bytes of the map layer, raw and gzipped: the demo regions, and all 342 gemeenten
each as its own region (the worst case the map must carry). Target: <= 200 KB gzip.

    .venv/bin/python bench/layer_size.py
"""

import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiokaart.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from geo import geometry  # noqa: E402
from geo.models import Gemeente  # noqa: E402
from regions.maplayer import layer  # noqa: E402


def sizes(text: str) -> tuple[int, int]:
    data = text.encode()
    return len(data), len(gzip.compress(data, 9))


def report(label: str, text: str, features: int, vertices: int) -> None:
    raw, zipped = sizes(text)
    print(
        f"{label:<34} {features:>4} features {vertices:>7} vertices "
        f"{raw / 1024:>8.1f} KB raw {zipped / 1024:>7.1f} KB gzip"
    )


def vertices(collection: dict) -> int:
    return sum(
        len(ring)
        for f in collection["features"]
        for polygon in f["geometry"]["coordinates"]
        for ring in polygon
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    text = layer.build_regions_layer()
    report("demo regions (stored layer)", text, *counts(json.loads(text)))

    shapes = [geometry.to_shape(g.geometry) for g in Gemeente.objects.order_by("code")]
    source = {"features": [{"geometry": geometry.to_geojson(s)} for s in shapes]}
    report("342 gemeenten, unsimplified", json.dumps(source), 342, vertices(source))
    for tolerance in (geometry.DISPLAY_TOLERANCE, 0.001):
        started = time.perf_counter()
        simplified = geometry.simplify_coverage(shapes, tolerance)
        seconds = time.perf_counter() - started
        collection = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": gemeente.code,
                    "properties": {
                        "slug": gemeente.code.lower(),
                        "name": gemeente.name,
                        "status": "onbekend",
                        "status_label": "Status regioplan onbekend",
                        "colour": "#aed0ef",
                        "insurer": "",
                        "url": f"/regio/{gemeente.code.lower()}/",
                    },
                    "geometry": geometry.to_geojson(shape, geometry.DISPLAY_DECIMALS),
                }
                for gemeente, shape in zip(
                    Gemeente.objects.order_by("code"), simplified, strict=True
                )
            ],
        }
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        report(
            f"342 gemeenten as regions, tol {tolerance}",
            text,
            342,
            vertices(collection),
        )
        print(f"{'':<34} coverage_simplify took {seconds * 1000:.0f} ms")


def counts(collection: dict) -> tuple[int, int]:
    return len(collection["features"]), vertices(collection)


if __name__ == "__main__":
    main()
