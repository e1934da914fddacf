"""How fast the map is painted on a slow phone: Chromium with 4x CPU throttling
and a 1.6 Mbit/s, 150 ms network, against gunicorn serving the demo data with
production settings (whitenoise, compressed static files). Prints its figures.

    .venv/bin/python bench/phone.py [runs, default 5] [--waterfall]

Two moments, medians of the runs:
- "map visible": the first contentful paint, when the page's SVG preview of the
  map (regions/preview.py) is painted; the run only counts it if the preview
  (or the interactive map) was in the page at that paint.
- "interactive map": Leaflet has drawn every region from the layer (the map
  element gets data-loaded) and replaced the preview.
Both are noted by a small script in the page (PAINT_WATCH) and read afterwards.
With the bytes the page and the layer cost.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8821
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main() -> None:
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    runs = int(numbers[0]) if numbers else 5
    work = Path(tempfile.mkdtemp())
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "regiokaart.settings",
        "DATABASE_URL": f"sqlite:///{work}/phone.sqlite3",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "0123456789" * 5,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_STATIC_ROOT": str(work / "static"),
    }
    manage(env, "migrate", "--verbosity=0")
    manage(env, "load_demo", "--verbosity=0")
    manage(env, "collectstatic", "--noinput", "--verbosity=0")
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "regiokaart.wsgi",
            "-c",
            "deploy/gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{PORT}", "GUNICORN_WORKERS": "2"},
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/gezond")
                break
            except OSError:
                time.sleep(0.1)
        measure(base, runs)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


WATERFALL = "--waterfall" in sys.argv

# Runs in the page before its own scripts: notes the first contentful paint
# and whether a map (the SVG preview, or Leaflet's regions) was in it.
PAINT_WATCH = """
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    if (entry.name !== "first-contentful-paint") { return; }
    window.fcpAt = entry.startTime;
    window.mapAtFcp = !!document.querySelector(
      "#kaart .map-preview path, #kaart .leaflet-overlay-pane path");
  });
}).observe({ type: "paint", buffered: true });
new MutationObserver(function (changes, observer) {
  var map = document.getElementById("kaart");
  if (map && map.hasAttribute("data-loaded")) {
    window.interactiveAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {
  subtree: true, attributes: true, attributeFilter: ["data-loaded"]
});
"""


def wait_for(page, expression: str, timeout: float = 60):
    """Poll a plain expression in the page. Not wait_for_selector: that injects
    Playwright's own script, about 0.2 s of the throttled CPU during the load."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value is not None:
            return value
        time.sleep(0.1)
    raise TimeoutError(expression)


def print_waterfall(page, painted: float) -> None:
    """When each request started and ended, and the paint events (ms)."""
    entries = page.evaluate(
        """() => performance.getEntriesByType("resource").map(e => [
            e.name.replace(location.origin, ""), e.startTime, e.responseEnd,
            e.transferSize]).concat(performance.getEntriesByType("navigation")
            .map(e => ["(page)", e.startTime, e.responseEnd, e.transferSize]))
            .concat(performance.getEntriesByType("paint")
            .map(e => [e.name, e.startTime, e.startTime, 0]))"""
    )
    for name, start, end, size in sorted(entries, key=lambda e: e[1]):
        print(f"  {start:6.0f} → {end:6.0f} ms {size / 1024:6.1f} KB  {name[:70]}")
    print(f"  map painted at {painted:.0f} ms")


def measure(base: str, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    visible, times, transferred = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, is_mobile=True
            )
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": 150,
                    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
                    "uploadThroughput": 750 * 1024 / 8,
                },
            )
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            sizes = {}
            cdp.on(
                "Network.loadingFinished",
                lambda e, sizes=sizes: sizes.__setitem__(
                    e["requestId"], e["encodedDataLength"]
                ),
            )
            page.add_init_script(PAINT_WATCH)
            page.goto(base + "/", wait_until="commit")
            painted = wait_for(page, "window.interactiveAt")
            fcp, map_at_fcp = page.evaluate("[window.fcpAt, window.mapAtFcp]")
            if not map_at_fcp:
                sys.exit("the first paint had no map in it: nothing to count")
            visible.append(fcp / 1000)
            page.wait_for_load_state("networkidle")
            times.append(painted / 1000)
            if WATERFALL:
                print_waterfall(page, painted)
            transferred.append(sum(sizes.values()))
            context.close()
        browser.close()
    print(
        "phone (4x CPU, 1.6 Mbit/s, 150 ms), "
        f"{runs} runs: map visible after {statistics.median(visible):.2f} s median "
        f"(min {min(visible):.2f}, max {max(visible):.2f}); "
        f"interactive map after {statistics.median(times):.2f} s median "
        f"(min {min(times):.2f}, max {max(times):.2f}); "
        f"{statistics.median(transferred) / 1024:.0f} KB transferred"
    )


if __name__ == "__main__":
    main()
