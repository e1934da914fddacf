# Rows per table that a backup holds (core.backup: everything except what
# migrate rebuilds or what stays per server), one "app.model count" a line.
# For the restore drill: run it against the live database and the restored
# one and compare (README, Production: restore drill).
#   .venv/bin/python manage.py shell --no-imports < deploy/row_counts.py
from django.apps import apps

from core.backup import EXCLUDED

for model in sorted(apps.get_models(), key=lambda m: m._meta.label_lower):
    label = model._meta.label_lower
    if model._meta.proxy or label in EXCLUDED or label.split(".")[0] in EXCLUDED:
        continue
    print(label, model._base_manager.count())
