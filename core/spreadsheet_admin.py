"""django-import-export in the admin: Dutch read errors, safe exports, an import log."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin
from import_export.forms import SelectableFieldsExportForm
from import_export.results import RowResult

from .models import ImportLog
from .spreadsheets import SafeCSV, SafeXLSX, SpreadsheetRefused


class ExportForm(SelectableFieldsExportForm):
    """Each column to export is labelled with its (Dutch) column name."""

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        return field.column_name if field else field_name


class DataImportExportMixin(ImportExportMixin):
    """Import and export for curators, CSV and XLSX, every import logged."""

    formats = [SafeCSV, SafeXLSX]
    export_form_class = ExportForm
    import_template_name = "admin/core/import.html"
    skip_admin_log = False

    def add_data_read_fail_error_to_form(self, form, exc):
        if isinstance(exc, SpreadsheetRefused):
            message = str(exc)
        elif isinstance(exc, UnicodeDecodeError):
            message = _(
                "Het bestand is geen UTF-8 (misschien Latin-1 of Windows-1252). Sla "
                "het in Excel op als ‘CSV UTF-8 (door komma’s gescheiden)’ of kies "
                "XLSX."
            )
        else:
            message = _(
                "Dit bestand kan niet worden gelezen als het gekozen formaat (CSV of "
                "XLSX). Kies het juiste formaat of sla het bestand opnieuw op."
            )
        form.add_error("import_file", message)

    def get_export_filename(self, request, queryset, file_format):
        """organisaties-2026-11-23.xlsx, not Organisation-2026-11-23.xlsx."""
        name = slugify(self.model._meta.verbose_name_plural)
        extension = file_format.get_extension()
        return f"{name}-{timezone.localdate():%Y-%m-%d}.{extension}"

    def process_result(self, result, request):
        totals = result.totals
        ImportLog.objects.create(
            user=request.user,
            model=str(self.model._meta.verbose_name_plural),
            file_name=request.POST.get("original_file_name", "")[:255],
            new=totals[RowResult.IMPORT_TYPE_NEW],
            updated=totals[RowResult.IMPORT_TYPE_UPDATE],
            unchanged=totals[RowResult.IMPORT_TYPE_SKIP],
            deleted=totals[RowResult.IMPORT_TYPE_DELETE],
        )
        return super().process_result(result, request)
