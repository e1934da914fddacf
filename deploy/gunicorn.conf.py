"""gunicorn settings for regiokaart behind nginx (deploy/nginx/regiokaart.conf).

Sync workers, cores + 1 of them (3 on the 2-core machine), chosen by
measurement (bench/fresh.sh, fresh URL per request through nginx, issue 21;
figures in deploy/README.md): every miss is CPU-bound Python (rendering a
template), so threads only add GIL contention. gthread with 2 workers x 4
threads gave about half the throughput of 3 sync workers (fresh search 160 vs
305 req/s at 64 connections, p99 1.07 s vs 0.28 s). A cached page costs one
query. The timeout leaves room for the largest spreadsheet preview the import
limits allow (IMPORT_MAX_ROWS, measured by bench/import_organisations.py).
GUNICORN_WORKERS, GUNICORN_WORKER_CLASS and GUNICORN_THREADS exist to repeat
the comparison.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# URLs up to 8 kB (nginx allows 16 kB): the default 4 kB gave a 414 for a
# long filter or search URL.
limit_request_line = 8190
# Recycle workers now and then; jitter so they do not restart together.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
proxy_allow_ips = "127.0.0.1"
