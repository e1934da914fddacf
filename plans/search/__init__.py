"""Search inside every public regioplan and regiobeeld.

Our own index, the same on SQLite and PostgreSQL: per document a PlanText, per
page its text (PageText) and one Posting per (page, Dutch Snowball stem) with
its count. `index.py` writes it, called explicitly by every path that saves a
document (no signals); `query.py` reads it.

Invariant: only a public document is indexed, and the query itself checks
again that the document is still the region's current, public one, so a plan
made private or replaced never shows, even before its rows are removed.
"""
