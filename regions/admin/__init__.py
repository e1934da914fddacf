"""The admin for curators: regions, their composition, activities and figures,
and the organisations and insurers (whose changes redraw the map).

- `regions`: regions, status history, reminders sent, gemeente moves;
- `organisations`: organisations and insurers with the regions they work in;
- `gemeenten`: gemeenten and the reference imports (`imports`);
- `activities`: activities and region figures;
- `filters`: the list filters the curator's `workbench` links to;
- `mixins`: what these (and higher apps' admins) share.
"""

from . import activities, gemeenten, organisations, regions  # noqa: F401 (register)
