"""The public pages of regions, one module per kind of page."""
