"""Search inside plans, in-process: extraction time per page, index size and
search latency (median, p99) over 100 generated plans of 60 pages each, on
SQLite and on PostgreSQL. Goal: p99 <= 50 ms. Not a test.

    .venv/bin/python bench/plan_search.py            # both databases
    .venv/bin/python bench/plan_search.py sqlite     # one of them

PostgreSQL: BENCH_PG_URL, default
postgres://postgres@127.0.0.1:5432/rk_wt20a_bench (created if missing).
"""

import os
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
PAGES, WORDS_PER_PAGE, QUERIES = 60, 350, 300
PG_URL = os.environ.get(
    "BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/rk_wt20a_bench"
)
TERMS = (
    "huisartsenpost huisartsenposten ouderenzorg wijkverpleging samenwerking "
    "monitoring governance digitalisering huisartsen praktijk wijk regio opgave "
    "tijdpad visie missie draagvlak zorgverzekeraar afspraken indicatoren "
    "dementie acute zorg spoedzorg praktijkondersteuner ggz welzijn gemeente "
    "preventie jeugd chronische mantelzorg ziekenhuis apotheek informatie"
).split()


def vocabulary(rng: random.Random, n: int = 4000) -> list[str]:
    syllables = "ka ver zorg wijk huis arts be ge ont en te lo ma ri de pla ne".split()
    made = {
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5)))
        for _ in range(n)
    }
    return sorted(made) + TERMS * 20  # the terms are common


def page_text(rng: random.Random, vocab: list[str]) -> str:
    return " ".join(rng.choice(vocab) for _ in range(WORDS_PER_PAGE))


def make_pdfs(folder: Path) -> list[Path]:
    from tests.plan_pdfs import make_pdf

    rng = random.Random(20)
    vocab = vocabulary(rng)
    paths = []
    for i in range(PLANS):
        path = folder / f"plan{i}.pdf"
        if not path.exists():
            pages = [page_text(rng, vocab) for _ in range(PAGES)]
            path.write_bytes(make_pdf(pages))
        paths.append(path)
    return paths


def ensure_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')


def run(db: str, pdf_folder: Path) -> None:
    os.environ["DJANGO_MEDIA_ROOT"] = tempfile.mkdtemp()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiokaart.settings")
    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection

    from plans.search import index, query
    from plans.search.models import PageText, PlanText, Posting
    from regions.models import Region, RegioplanStatus

    call_command("migrate", verbosity=0)
    pdfs = make_pdfs(pdf_folder)
    extract_seconds = 0.0
    started = time.perf_counter()
    for i, path in enumerate(pdfs):
        region = Region(
            name=f"Benchregio {i}", slug=f"bench-{i}", status=RegioplanStatus.OPENBAAR
        )
        region.plan_document.save("p.pdf", ContentFile(path.read_bytes()), save=False)
        region.save()
        t = time.perf_counter()
        from plans.search import text

        text.extract(path.read_bytes())
        extract_seconds += time.perf_counter() - t
        index.index_document(region, index.Kind.REGIOPLAN)
        if i % 10 == 9:
            print(f"{db}: {i + 1} plans indexed", flush=True)
    total_index = time.perf_counter() - started
    pages = PageText.objects.count()
    assert PlanText.objects.filter(state="geindexeerd").count() == PLANS

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c)) FROM unnest(%s::regclass[]) c",
                [
                    [
                        PlanText._meta.db_table,
                        PageText._meta.db_table,
                        Posting._meta.db_table,
                    ]
                ],
            )
            size = float(cursor.fetchone()[0] or 0)
        else:
            cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'plans_p%'")
            size = float(cursor.fetchone()[0] or 0)

    rng = random.Random(7)
    vocab = vocabulary(random.Random(20))

    def one() -> str:
        kind = rng.random()
        if kind < 0.4:
            return rng.choice(TERMS)
        if kind < 0.7:
            return f"{rng.choice(TERMS)} {rng.choice(TERMS)}"
        if kind < 0.85:
            return rng.choice(vocab[:3000])
        return f'"{rng.choice(TERMS)} {rng.choice(TERMS)}"'

    timings = []
    for _ in range(QUERIES):
        q = query.parse(one())
        t = time.perf_counter()
        query.search(q)
        timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(
        f"{db}: {PLANS} plans x {PAGES} pages ({pages} pages), "
        f"extraction {extract_seconds / pages * 1000:.1f} ms/page, "
        f"indexing in all {total_index / pages * 1000:.1f} ms/page; "
        f"index {size / 1e6:.1f} MB, {Posting.objects.count():,} postings; "
        f"search over {QUERIES} queries: median "
        f"{statistics.median(timings):.1f} ms, p99 {p99:.1f} ms",
        flush=True,
    )


def main() -> None:
    which = sys.argv[1:] or ["sqlite", "postgresql"]
    pdf_folder = Path(tempfile.gettempdir()) / "rk-plan-search-bench"
    pdf_folder.mkdir(exist_ok=True)
    if len(which) > 1:
        for db in which:
            subprocess.run([sys.executable, __file__, db], check=True)
        return
    db = which[0]
    if db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    else:
        ensure_pg_database(PG_URL)
        os.environ["DATABASE_URL"] = PG_URL
    run(db, pdf_folder)


if __name__ == "__main__":
    main()
