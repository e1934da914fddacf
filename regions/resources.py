"""Spreadsheet resources for regions and what belongs to them.

See core.spreadsheets for what every resource shares.
"""

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets
from import_export.instance_loaders import CachedInstanceLoader
from import_export.resources import Diff
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.spreadsheets import (
    CURATOR,
    KeysWidget,
    KeyWidget,
    SpreadsheetResource,
    columns_resource,
    reset_sequence,
)
from geo.models import Gemeente
from organisations.models import Insurer, Organisation
from organisations.resources import InsurerResource

from . import services
from .columns import ORGANISATION_COLUMNS, REGION_COLUMNS
from .models import (
    ACTIVITY_FIELDS,
    Activity,
    Region,
    RegionFigure,
    RegionGemeente,
    RegionOrganisation,
)


class MapDataResourceMixin:
    """A committed import of these rows changes the map: rebuild it once."""

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run") and not result.has_errors():
            if not result.has_validation_errors():
                services.data_changed()


class InsurerMapResource(MapDataResourceMixin, InsurerResource):
    pass


class RegionResource(
    MapDataResourceMixin,
    columns_resource(
        SpreadsheetResource,
        Region,
        REGION_COLUMNS,
        CURATOR,
        widgets={
            "preferred_insurer": KeyWidget(
                Insurer, "slug", gettext_lazy("zorgverzekeraar")
            ),
            "regional_organisation": KeyWidget(
                Organisation, "slug", gettext_lazy("organisatie")
            ),
            "plan_start_year": widgets.IntegerWidget(),
            "plan_end_year": widgets.IntegerWidget(),
            "is_demo": widgets.BooleanWidget(),
        },
    ),
):
    required_columns = REGION_COLUMNS.headers_of("slug", "name", "status")

    class Meta:
        import_id_fields = ["slug"]

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.old_statuses = dict(Region.objects.values_list("pk", "status"))

    def after_import(self, dataset, result, **kwargs):
        """Record each row's status change, then (the mixin) rebuild the map."""
        if not kwargs.get("dry_run") and not result.has_errors():
            if not result.has_validation_errors():
                for region in Region.objects.only("pk", "status", "is_demo"):
                    services.record_status(
                        region,
                        self.old_statuses.get(region.pk),
                        self.import_user,
                        note=_("spreadsheetimport"),
                    )
                    services.documents_changed(region)
        super().after_import(dataset, result, **kwargs)

    def dehydrate_status_label(self, region):
        return str(region.get_status_display())


class CompositionResource(SpreadsheetResource):
    """Which gemeente belongs to which region: one row per gemeente.

    The gemeenten themselves never change here; the moves are made after the
    whole file checked out, through services.move_gemeenten (recorded, borders
    rebuilt once).
    """

    code = fields.Field("code", "gemeentecode")
    name = fields.Field("name", "gemeente", readonly=True)
    region = fields.Field(
        column_name="regio",
        widget=KeyWidget(Region, "slug", gettext_lazy("regio")),
        dehydrate_method="dehydrate_region",
    )
    required_columns = ("gemeentecode", "regio")

    class Meta:
        model = Gemeente
        name = gettext_lazy("Samenstelling van regio's")
        import_id_fields = ["code"]
        fields = ["code", "name", "region"]
        clean_model_instances = False  # only the region changes; checked by its widget

    def get_queryset(self):
        return Gemeente.objects.without_borders().select_related("region_link__region")

    def dehydrate_region(self, gemeente):
        link = getattr(gemeente, "region_link", None)
        return link.region.slug if link else ""

    def fingerprint(self, gemeente) -> str:
        """A gemeente's row is its region: a move by someone else between the
        preview and the confirmation refuses the import."""
        try:
            region_id = gemeente.region_link.region_id  # joined by get_queryset
        except RegionGemeente.DoesNotExist:
            region_id = "-"
        return f"{super().fingerprint(gemeente)}:{region_id}"

    def init_instance(self, row=None):
        code = (row or {}).get("gemeentecode")
        raise ValidationError(
            {
                "code": _(
                    "onbekende gemeentecode ‘%(code)s’; importeer eerst de grenzen."
                )
                % {"code": code}
            }
        )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.current = dict(
            Gemeente.objects.filter(region_link__isnull=False).values_list(
                "code", "region_link__region_id"
            )
        )
        self.wanted = {}

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        try:
            self.wanted[instance] = self.fields["region"].clean(row)
        except ValueError as exc:
            raise ValidationError({"regio": str(exc)}) from None

    def skip_row(self, instance, original, row, import_validation_errors=None):
        region = self.wanted.get(instance)
        return self.current.get(instance.code) == (region.pk if region else None)

    def save_instance(self, instance, is_create, row, **kwargs):
        """The gemeente stays as it is; its move is made in after_import."""

    def after_import(self, dataset, result, **kwargs):
        if kwargs.get("dry_run") or result.has_errors():
            return
        if result.has_validation_errors():
            return
        services.move_gemeenten(self.wanted, user=self.import_user)


class RegionFigureResource(SpreadsheetResource):
    region = fields.Field(
        "region", "regio", widget=KeyWidget(Region, "slug", gettext_lazy("regio"))
    )
    kind = fields.Field("kind", "kerngetal")
    year = fields.Field("year", "jaar", widget=widgets.IntegerWidget())
    value = fields.Field("value", "waarde", widget=widgets.IntegerWidget())
    source = fields.Field("source", "bron")
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("regio", "kerngetal", "jaar", "waarde", "bron")

    class Meta:
        model = RegionFigure
        import_id_fields = ["region", "kind", "year"]
        fields = ["region", "kind", "year", "value", "source", "is_demo"]


class ActivityResource(SpreadsheetResource):
    id = fields.Field("id", "id", widget=widgets.IntegerWidget())
    region = fields.Field(
        "region", "regio", widget=KeyWidget(Region, "slug", gettext_lazy("regio"))
    )
    title = fields.Field("title", "titel")
    description = fields.Field("description", "beschrijving")
    organisation = fields.Field(
        "organisation",
        "organisatie",
        widget=KeyWidget(Organisation, "slug", gettext_lazy("organisatie")),
    )
    start_date = fields.Field("start_date", "begindatum", widget=widgets.DateWidget())
    end_date = fields.Field("end_date", "einddatum", widget=widgets.DateWidget())
    url = fields.Field("url", "link")
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("id", "regio", "titel")

    class Meta:
        model = Activity
        import_id_fields = ["id"]
        fields = ["id", "region", *ACTIVITY_FIELDS, "is_demo"]

    def after_import(self, dataset, result, **kwargs):
        # Rows may bring their own ids; keep PostgreSQL's sequence ahead of them.
        if not kwargs.get("dry_run"):
            reset_sequence(Activity)


REGIONS = ORGANISATION_COLUMNS.header("region_links")
LEADS = ORGANISATION_COLUMNS.header("lead_links")


class LinksDiff(Diff):
    """The preview's before/after through the resource's dehydrate methods, so
    the region columns (which have no model attribute) are filled."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.left = self._values(resource, instance)

    def compare_with(self, resource, instance):
        self.right = self._values(resource, instance)

    @staticmethod
    def _values(resource, instance) -> list:
        if instance is None:
            return [""] * len(resource.get_import_fields())
        return [
            resource.export_field(f, instance) for f in resource.get_import_fields()
        ]


class OrganisationResource(
    MapDataResourceMixin,
    columns_resource(
        SpreadsheetResource,
        Organisation,
        ORGANISATION_COLUMNS,
        CURATOR,
        widgets={
            "region_links": KeysWidget(Region, "slug", gettext_lazy("regio's")),
            "lead_links": KeysWidget(Region, "slug", gettext_lazy("regio's")),
            "is_demo": widgets.BooleanWidget(),
        },
    ),
):
    required_columns = ORGANISATION_COLUMNS.headers_of("slug", "name", "type")

    class Meta:
        import_id_fields = ["slug"]
        use_bulk = True
        batch_size = 1000
        instance_loader_class = CachedInstanceLoader

    validate_in_database = False  # see before_import: one query for the whole file

    # The workbook (regions.workbook) imports this sheet before the regions
    # sheet: it names the regions that sheet brings (pending_regions), asks
    # the links to wait for apply_links() (defer_links), and leaves the leads
    # to the regions sheet when that has them (leads_from_regions).
    pending_regions: frozenset = frozenset()
    defer_links = False
    leads_from_regions = False

    def get_queryset(self):
        """What an import loads: plain rows. Prefetched region links would be
        deep-copied with every row of the import (half its time, measured)."""
        return Organisation.objects.all()

    def export(self, queryset=None, **kwargs):
        """An export reads every organisation's links: three queries in all,
        whatever its size (core.spreadsheets.OnePassExport)."""
        regions = Region.objects.only("pk", "slug")
        # The led regions are matched on regional_organisation: load it too, or
        # every region would fetch it in a query of its own.
        led = Region.objects.only("pk", "slug", "regional_organisation")
        queryset = queryset if queryset is not None else self.get_queryset()
        queryset = queryset.prefetch_related(
            Prefetch("regions", queryset=regions),
            Prefetch("regions_led", queryset=led),
        )
        return super().export(queryset=queryset, **kwargs)

    def dehydrate_region_links(self, organisation):
        in_file = self._links_in_file(organisation, 0)
        if in_file is not None:
            return in_file
        return ";".join(sorted(r.slug for r in organisation.regions.all()))

    def dehydrate_lead_links(self, organisation):
        in_file = self._links_in_file(organisation, 1)
        if in_file is not None:
            return in_file
        return ";".join(sorted(r.slug for r in organisation.regions_led.all()))

    def _links_in_file(self, organisation, index: int) -> str | None:
        """During an import's preview, the links as the file has them: they are
        written after the rows (after_import), so the instance has them not yet."""
        links = getattr(self, "links", {}).get(organisation.slug)
        if links is not None and links[index] is not None:
            return ";".join(sorted(region.slug for region in links[index]))
        if organisation.pk is None:
            return ""  # a new organisation has no links yet
        existing = getattr(self, "existing_links", None)
        if existing is not None:  # an import: the links as they were, read once
            return existing.get(organisation.slug, {}).get((REGIONS, LEADS)[index], "")
        return None

    def get_diff_class(self):
        return LinksDiff

    def current_links(self) -> dict[str, dict[str, str]]:
        """Every organisation's region links as the file would write them."""
        links = defaultdict(lambda: {REGIONS: [], LEADS: []})
        through = RegionOrganisation.objects.values_list(
            "organisation__slug", "region__slug"
        )
        for organisation, region in through:
            links[organisation][REGIONS].append(region)
        led = Region.objects.filter(regional_organisation__isnull=False)
        for region, organisation in led.values_list(
            "slug", "regional_organisation__slug"
        ):
            links[organisation][LEADS].append(region)
        return {
            slug: {column: ";".join(sorted(keys)) for column, keys in columns.items()}
            for slug, columns in links.items()
        }

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.links = {}  # slug -> (regions, leads), for after_import
        self.raw_links = {}  # slug -> the cells, for apply_links
        self.has_links = {c: c in (dataset.headers or []) for c in (REGIONS, LEADS)}
        if self.leads_from_regions:
            self.has_links[LEADS] = False
        for name in ("region_links", "lead_links"):
            self.fields[name].widget.pending = set(self.pending_regions)
        self.existing_links = self.current_links()
        # KvK numbers are unique: the file may not reuse another organisation's.
        self.kvk_owner = dict(
            Organisation.objects.exclude(kvk_number="").values_list(
                "kvk_number", "slug"
            )
        )
        kvks = (
            [str(k or "").strip() for k in dataset["kvk"]]
            if "kvk" in dataset.headers
            else []
        )
        self.kvk_in_file = Counter(k for k in kvks if k)

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        kvk = str(row.get("kvk") or "").strip()
        owner = self.kvk_owner.get(kvk)
        if kvk and (
            self.kvk_in_file[kvk] > 1 or owner not in (None, row.get("sleutel"))
        ):
            raise ValidationError(
                {
                    "kvk": _("KvK-nummer %(kvk)s hoort al bij een andere organisatie.")
                    % {"kvk": kvk}
                }
            )

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        links = []
        for column, field in (
            (REGIONS, self.fields["region_links"]),
            (LEADS, self.fields["lead_links"]),
        ):
            try:
                links.append(
                    field.widget.clean(row.get(column)) if column in row else None
                )
            except ValueError as exc:
                errors[column] = str(exc)
                links.append(None)
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        if errors:
            raise ValidationError(errors)
        self.links[instance.slug] = links
        self.raw_links[instance.slug] = [
            row.get(c) if c in row else None for c in (REGIONS, LEADS)
        ]

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if any(self.has_links.values()) and self._links_changed(original, row):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def _links_changed(self, original, row) -> bool:
        if original is None or original.pk is None:
            return True
        current = self.existing_links.get(original.slug, {REGIONS: "", LEADS: ""})
        return any(
            self.has_links[column]
            and ";".join(
                sorted(
                    k.strip()
                    for k in str(row.get(column) or "").split(";")
                    if k.strip()
                )
            )
            != current[column]
            for column in (REGIONS, LEADS)
        )

    def bulk_create(
        self, using_transactions, dry_run, raise_errors, batch_size=None, result=None
    ):
        if self.create_instances and (using_transactions or not dry_run):
            try:
                bulk_create_with_history(
                    self.create_instances,
                    Organisation,
                    batch_size=batch_size,
                    default_user=self.import_user,
                )
            except Exception as exc:
                self.handle_import_error(result, exc, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(
        self, using_transactions, dry_run, raise_errors, batch_size=None, result=None
    ):
        if self.update_instances and (using_transactions or not dry_run):
            try:
                bulk_update_with_history(
                    self.update_instances,
                    Organisation,
                    self.get_bulk_update_fields(),
                    batch_size=batch_size,
                    default_user=self.import_user,
                )
            except Exception as exc:
                self.handle_import_error(result, exc, raise_errors)
            finally:
                self.update_instances.clear()

    def after_import(self, dataset, result, **kwargs):
        if result.has_errors() or result.has_validation_errors() or not self.links:
            return
        if self.defer_links:
            return  # the workbook calls apply_links() after the regions sheet
        self._set_links()
        super().after_import(dataset, result, **kwargs)

    def apply_links(self) -> None:
        """Write the deferred links, now that the regions they name exist."""
        if not getattr(self, "raw_links", None):
            return
        widgets_ = (
            self.fields["region_links"].widget,
            self.fields["lead_links"].widget,
        )
        for widget in widgets_:
            widget.known, widget.pending = None, set()
        self.links = {
            slug: [
                None if raw is None else widget.clean(raw)
                for raw, widget in zip(cells, widgets_, strict=True)
            ]
            for slug, cells in self.raw_links.items()
        }
        self._set_links()
        services.data_changed()

    def _set_links(self) -> None:
        organisations = Organisation.objects.in_bulk(self.links, field_name="slug")
        if self.has_links[REGIONS]:
            services.set_organisation_links(
                {
                    organisations[slug]: regions or []
                    for slug, (regions, _leads) in self.links.items()
                },
                user=self.import_user,
            )
        if self.has_links[LEADS]:
            self._set_leads(organisations)

    def _set_leads(self, organisations) -> None:
        """Region.regional_organisation, saved per region so history records it."""
        wanted = {}
        for slug, (_regions, leads) in self.links.items():
            for region in leads or []:
                wanted[region.pk] = organisations[slug]
        affected = Region.objects.filter(pk__in=list(wanted)) | Region.objects.filter(
            regional_organisation__in=organisations.values()
        )
        for region in affected.distinct().without_borders():
            organisation = wanted.get(region.pk)
            if region.regional_organisation_id != getattr(organisation, "pk", None):
                region.regional_organisation = organisation
                region.save()
