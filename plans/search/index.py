"""Writes the search index. Called explicitly by whoever saves a document:
Mijn regio, the admin, the spreadsheet import and `manage.py index_plans`.

A document is indexed only while it is public; anything else removes it.
"""

from django.db import transaction

from regions.models import Region

from . import text
from .models import PageText, PlanText, Posting

Kind = PlanText.Kind


def public_file(region: Region, kind: str):
    """The region's document of this kind if visitors may read it, else None."""
    if kind == Kind.REGIOPLAN:
        if region.is_plan_public and region.plan_document:
            return region.plan_document
        return None
    regiobeeld = getattr(region, "regiobeeld", None)  # may not exist
    if regiobeeld is not None and regiobeeld.document_public and regiobeeld.document:
        return regiobeeld.document
    return None


def _read(field_file) -> bytes | None:
    try:
        field_file.open("rb")
        try:
            return field_file.read()
        finally:
            field_file.close()
    except OSError:
        return None


def remove(region: Region, kind: str) -> None:
    PlanText.objects.filter(region=region, kind=kind).delete()


@transaction.atomic
def index_document(region: Region, kind: str, force: bool = False) -> PlanText | None:
    """Bring the index for one document of a region up to date; returns its
    PlanText, or None when the document is not public (and so not indexed)."""
    document = public_file(region, kind)
    if document is None:
        remove(region, kind)
        return None
    current = PlanText.objects.filter(region=region, kind=kind).first()
    if current and current.file_name == document.name and not force:
        return current  # same file (file names are unique per upload)
    data = _read(document)
    extracted = (
        text.extract(data)
        if data is not None
        else text.Extracted(text.State.UNREADABLE)
    )
    remove(region, kind)
    plan_text = PlanText.objects.create(
        region=region,
        kind=kind,
        file_name=document.name,
        state=extracted.state,
        page_count=extracted.page_count,
        pages_indexed=len(extracted.pages),
        truncated=extracted.truncated,
    )
    PageText.objects.bulk_create(
        [
            PageText(document=plan_text, number=number, text=page)
            for number, page in enumerate(extracted.pages, start=1)
        ]
    )
    write_postings(plan_text, extracted.pages)
    return plan_text


def write_postings(plan_text: PlanText, pages: list[str]) -> None:
    Posting.objects.bulk_create(
        [
            Posting(
                document=plan_text,
                stem=stem,
                count=found.total,
                pages=found.encoded_counts(),
                positions=found.encoded_positions(),
            )
            for stem, found in text.postings(pages).items()
        ],
        batch_size=2000,
    )


def index_region(region: Region, force: bool = False) -> list[PlanText]:
    """Both documents of a region: call after saving either, or its status."""
    done = [index_document(region, kind, force) for kind in Kind.values]
    return [d for d in done if d is not None]


def document_text(region: Region, kind: str = Kind.REGIOPLAN) -> PlanText | None:
    return PlanText.objects.filter(region=region, kind=kind).first()


class Action:
    INDEX = "index"
    REMOVE = "remove"
    UNCHANGED = "unchanged"


def pending(region: Region, kind: str, force: bool = False) -> str | None:
    """What index_document would do, without doing it (None: nothing there)."""
    document = public_file(region, kind)
    current = PlanText.objects.filter(region=region, kind=kind).first()
    if document is None:
        return Action.REMOVE if current else None
    if current and current.file_name == document.name and not force:
        return Action.UNCHANGED
    return Action.INDEX
