"""Spreadsheet import and export of organisations, in bulk.

Organisations are written with bulk_create/bulk_update (with history), so a
file of 10,000 rows imports in seconds. Their region links are set after the
rows are written: 'regios' (active in) and 'regionale_organisatie_van'.
"""

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from import_export import fields, widgets
from import_export.instance_loaders import CachedInstanceLoader
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from regions.models import Region
from regions.resources import KeysWidget, SpreadsheetResource

from .models import Organisation

REGIONS = "regios"
LEADS = "regionale_organisatie_van"


class OrganisationResource(SpreadsheetResource):
    slug = fields.Field("slug", "sleutel")
    name = fields.Field("name", "naam")
    type = fields.Field("type", "soort")
    kvk_number = fields.Field("kvk_number", "kvk")
    street_address = fields.Field("street_address", "adres")
    postal_code = fields.Field("postal_code", "postcode")
    city = fields.Field("city", "plaats")
    phone = fields.Field("phone", "telefoon")
    email = fields.Field("email", "email")
    website = fields.Field("website", "website")
    region_links = fields.Field(
        column_name=REGIONS,
        widget=KeysWidget(Region, "slug", "regio's"),
        dehydrate_method="dehydrate_region_links",
    )
    lead_links = fields.Field(
        column_name=LEADS,
        widget=KeysWidget(Region, "slug", "regio's"),
        dehydrate_method="dehydrate_lead_links",
    )
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("sleutel", "naam", "soort")

    class Meta:
        model = Organisation
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "type",
            "kvk_number",
            "street_address",
            "postal_code",
            "city",
            "phone",
            "email",
            "website",
            "region_links",
            "lead_links",
            "is_demo",
        ]
        use_bulk = True
        batch_size = 1000
        instance_loader_class = CachedInstanceLoader

    validate_in_database = False  # see before_import: one query for the whole file

    def get_queryset(self):
        regions = Region.objects.only("pk", "slug")
        return Organisation.objects.prefetch_related(
            Prefetch("regions", queryset=regions),
            Prefetch("regions_led", queryset=regions),
        )

    def dehydrate_region_links(self, organisation):
        return ";".join(sorted(r.slug for r in organisation.regions.all()))

    def dehydrate_lead_links(self, organisation):
        return ";".join(sorted(r.slug for r in organisation.regions_led.all()))

    def current_links(self) -> dict[str, dict[str, str]]:
        """Every organisation's region links as the file would write them."""
        links = defaultdict(lambda: {REGIONS: [], LEADS: []})
        through = Organisation.regions.through.objects.values_list(
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
        self.has_links = {c: c in (dataset.headers or []) for c in (REGIONS, LEADS)}
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
                {"kvk": f"KvK-nummer {kvk} hoort al bij een andere organisatie."}
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
        organisations = Organisation.objects.in_bulk(self.links, field_name="slug")
        Through = Organisation.regions.through
        if self.has_links[REGIONS]:
            Through.objects.filter(organisation__in=organisations.values()).delete()
            Through.objects.bulk_create(
                Through(organisation=organisations[slug], region=region)
                for slug, (regions, _leads) in self.links.items()
                for region in regions or []
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
        for region in affected.distinct():
            organisation = wanted.get(region.pk)
            if region.regional_organisation_id != getattr(organisation, "pk", None):
                region.regional_organisation = organisation
                region.save()
