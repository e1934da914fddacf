"""gunicorn settings for regiokaart behind nginx (deploy/nginx/regiokaart.conf).

Sync workers: a page is either served from the page cache (one query) or
rendered once per data generation; on 2 cores more workers or threads do not
add throughput. The timeout leaves room for the largest spreadsheet preview the
import limits allow (IMPORT_MAX_ROWS, measured by bench/import_organisations.py).
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
