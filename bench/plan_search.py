"""Search inside plans, in-process, at the issue's size: 100 generated plans of
60 pages each (text PDFs written with fpdf2), on SQLite and PostgreSQL in one
run. Prints extraction time per page, index rows and bytes, and search latency
(median, p95, p99) over a fixed mixed query set (single words, stemmed plurals,
two words, phrases in quotes; each without and with filters), several rounds,
the two databases side by side. Goal: p99 <= 50 ms. Not a test.

    .venv/bin/python bench/plan_search.py                  # both databases
    .venv/bin/python bench/plan_search.py sqlite           # one of them
    .venv/bin/python bench/plan_search.py --pg-url postgres://...  # or BENCH_PG_URL
    .venv/bin/python bench/plan_search.py sqlite --profile # cProfile of the queries

PostgreSQL: the database named in the URL is dropped and created again
(default postgres://postgres@127.0.0.1:5432/rk_psearch_bench). The PDFs are
kept in the temp folder between runs (they are the same every time).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLANS = int(os.environ.get("BENCH_PLANS", 100))
PAGES = int(os.environ.get("BENCH_PAGES", 60))
WORDS_PER_PAGE = 350
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
EXTRACT_SAMPLE = 10  # plans whose extraction is timed on its own
PG_URL = os.environ.get(
    "BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/rk_psearch_bench"
)
TERMS = (
    "huisartsenpost huisartsenposten ouderenzorg wijkverpleging samenwerking "
    "monitoring governance digitalisering huisartsen praktijk wijk regio opgave "
    "tijdpad visie missie draagvlak zorgverzekeraar afspraken indicatoren "
    "dementie acute zorg spoedzorg praktijkondersteuner ggz welzijn gemeente "
    "preventie jeugd chronische mantelzorg ziekenhuis apotheek informatie"
).split()
INSURERS = ["vgz", "menzis", "zilveren-kruis"]


def vocabulary(rng: random.Random, n: int = 4000) -> list[str]:
    syllables = "ka ver zorg wijk huis arts be ge ont en te lo ma ri de pla ne".split()
    made = {
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5)))
        for _ in range(n)
    }
    return sorted(made) + TERMS * 20  # the terms are common


def queries() -> list[str]:
    """The fixed query set: every kind a visitor types."""
    rare = vocabulary(random.Random(20))[100:3000:700]  # made-up, rarer words
    return [
        # single words
        "huisartsenpost",
        "ouderenzorg",
        "dementie",
        "governance",
        "ggz",
        *rare,
        # stemmed plurals / other forms than in the text
        "huisartsenposten",
        "praktijken",
        "gemeenten",
        "afspraak",
        "indicator",
        # two and three words
        "wijkverpleging samenwerking",
        "acute spoedzorg",
        "dementie mantelzorg preventie",
        f"huisartsen {rare[0]}",
        # phrases in quotes
        '"acute zorg"',
        '"zorgverzekeraar afspraken"',
        '"wijk regio"',
        'huisartsenposten "acute zorg"',
        # nothing found
        "onbestaandwoord",
    ]


def make_pdf(pages: list[str]) -> bytes:
    import textwrap

    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 1, 1))
    pdf.set_auto_page_break(False)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("helvetica", "B", 14)
        pdf.text(10, 20, f"Benchplan pagina {number}")
        pdf.set_font("helvetica", "", 10)
        y = 28
        for line in textwrap.wrap(page, 100):
            y += 5
            pdf.text(10, y, line)
    return bytes(pdf.output())


def make_pdfs(folder: Path) -> list[Path]:
    rng = random.Random(20)
    vocab = vocabulary(rng)
    paths = []
    for i in range(PLANS):
        pages = [
            " ".join(rng.choice(vocab) for _ in range(WORDS_PER_PAGE))
            for _ in range(PAGES)
        ]
        path = folder / f"plan{i}.pdf"
        if not path.exists():
            path.write_bytes(make_pdf(pages))
        paths.append(path)
    return paths


def ensure_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, round(p / 100 * len(sorted_values) + 0.4999))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def run(db: str, pdf_folder: Path, profile: bool) -> dict:
    os.environ["DJANGO_MEDIA_ROOT"] = tempfile.mkdtemp()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiokaart.settings")
    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection

    from organisations.models import Insurer
    from plans.search import filters, index, query, text
    from plans.search.models import PageText, PlanText, Posting
    from regions.models import Region, RegioplanStatus

    call_command("migrate", verbosity=0)
    insurers = [
        Insurer.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]
        for slug in INSURERS
    ]
    pdfs = make_pdfs(pdf_folder)
    extract_seconds, extract_pages = 0.0, 0
    for path in pdfs[:EXTRACT_SAMPLE]:
        t = time.perf_counter()
        extract_pages += len(text.extract(path.read_bytes()).pages)
        extract_seconds += time.perf_counter() - t
    started = time.perf_counter()
    for i, path in enumerate(pdfs):
        region = Region(
            name=f"Benchregio {i}",
            slug=f"bench-{i}",
            status=RegioplanStatus.OPENBAAR,
            preferred_insurer=insurers[i % len(insurers)],
        )
        region.plan_document.save("p.pdf", ContentFile(path.read_bytes()), save=False)
        region.save()
        index.index_document(region, index.Kind.REGIOPLAN)
    index_seconds = time.perf_counter() - started
    assert PlanText.objects.filter(state="geindexeerd").count() == PLANS
    pages = PageText.objects.count()

    tables = [m._meta.db_table for m in (PlanText, PageText, Posting)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c)) FROM unnest(%s::regclass[]) c",
                [tables],
            )
            size = int(cursor.fetchone()[0] or 0)
        else:
            cursor.execute("ANALYZE")
            cursor.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM "
                "sqlite_master WHERE tbl_name IN (%s, %s, %s))",
                tables,
            )
            size = int(cursor.fetchone()[0] or 0)

    # Each query without filters and with the insurer and status filters, as
    # the search page applies them.
    one_insurer = filters.Filters(
        status=RegioplanStatus.OPENBAAR, insurer=insurers[0].slug
    )
    cases = []
    for q in queries():
        cases.append((q, None))
        cases.append((q, one_insurer))

    def search(q, flt):
        regions = filters.apply(Region.objects.all(), flt) if flt else None
        return query.search(query.parse(q), regions)

    for q, flt in cases:  # warm-up round, not counted
        search(q, flt)
    timings, per_case = [], {}
    profiler = cProfile.Profile() if profile else None
    for _round in range(ROUNDS):
        for q, flt in cases:
            if profiler:
                profiler.enable()
            t = time.perf_counter()
            hits = search(q, flt)
            ms = (time.perf_counter() - t) * 1000
            if profiler:
                profiler.disable()
            timings.append(ms)
            key = f"{q}{' [filter]' if flt else ''}"
            per_case.setdefault(key, []).append(ms)
            per_case.setdefault(f"{key}#hits", len(hits))
    timings.sort()
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    slowest = sorted(
        ((statistics.median(v), k) for k, v in per_case.items() if "#" not in k),
        reverse=True,
    )[:3]
    return {
        "db": db,
        "plans": PLANS,
        "pages": pages,
        "extract_ms_page": extract_seconds / extract_pages * 1000,
        "index_ms_page": index_seconds / pages * 1000,
        "rows": {
            "plantext": PlanText.objects.count(),
            "pagetext": pages,
            "posting": Posting.objects.count(),
        },
        "bytes": size,
        "queries": len(timings),
        "cases": len(cases),
        "median": statistics.median(timings),
        "p95": percentile(timings, 95),
        "p99": percentile(timings, 99),
        "max": timings[-1],
        "slowest": [f"{k} {ms:.1f} ms" for ms, k in slowest],
        "hits": {k[:-5]: v for k, v in per_case.items() if k.endswith("#hits")},
    }


def table(results: list[dict]) -> str:
    def each(fmt) -> list[str]:
        return [fmt(r) for r in results]

    rows = [
        ("", *each(lambda r: r["db"])),
        (
            "plans x pages",
            *each(lambda r: f"{r['plans']} x {r['pages'] // r['plans']}"),
        ),
        ("extraction ms/page", *each(lambda r: f"{r['extract_ms_page']:.1f}")),
        ("indexing ms/page (all)", *each(lambda r: f"{r['index_ms_page']:.1f}")),
        ("rows PlanText", *each(lambda r: f"{r['rows']['plantext']:,}")),
        ("rows PageText", *each(lambda r: f"{r['rows']['pagetext']:,}")),
        ("rows Posting", *each(lambda r: f"{r['rows']['posting']:,}")),
        ("index MB (tables+indexes)", *each(lambda r: f"{r['bytes'] / 1e6:.1f}")),
        ("searches", *each(lambda r: f"{r['queries']} ({r['cases']} x {ROUNDS})")),
        ("median ms", *each(lambda r: f"{r['median']:.1f}")),
        ("p95 ms", *each(lambda r: f"{r['p95']:.1f}")),
        ("p99 ms", *each(lambda r: f"{r['p99']:.1f}")),
        ("max ms", *each(lambda r: f"{r['max']:.1f}")),
    ]
    width = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(str(c).ljust(w) for c, w in zip(row, width, strict=True))
        for row in rows
    ]
    for r in results:
        lines.append(f"slowest on {r['db']}: " + "; ".join(r["slowest"]))
    if len(results) == 2 and results[0]["hits"] != results[1]["hits"]:
        a, b = (r["hits"] for r in results)
        differ = [f"{k} ({a[k]}/{b.get(k)})" for k in a if a[k] != b.get(k)]
        lines.append("NOTE: regions found differ: " + "; ".join(differ))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", nargs="*", help="sqlite, postgresql (default both)")
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    which = args.db or ["sqlite", "postgresql"]
    if set(which) - {"sqlite", "postgresql"}:
        parser.error("databases: sqlite, postgresql")
    pdf_folder = Path(tempfile.gettempdir()) / f"rk-psearch-bench-{PLANS}x{PAGES}"
    pdf_folder.mkdir(exist_ok=True)
    if not args.json:  # one child process per database, one table
        results = []
        for db in which:
            command = [sys.executable, __file__, db, "--json", "--pg-url", args.pg_url]
            if args.profile:
                command.append("--profile")
            done = subprocess.run(command, check=True, stdout=subprocess.PIPE)
            results.append(json.loads(done.stdout.decode().splitlines()[-1]))
        print(table(results))
        return
    db = which[0]
    if db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    else:
        ensure_pg_database(args.pg_url)
        os.environ["DATABASE_URL"] = args.pg_url
    print(json.dumps(run(db, pdf_folder, args.profile)))


if __name__ == "__main__":
    main()
