"""django-import-export in the admin: Dutch read errors, safe exports, an import log."""

from django.contrib import messages
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, SelectableFieldsExportForm
from import_export.results import RowResult

from . import staging
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

    # The version check (core.spreadsheets.SpreadsheetResource): the preview
    # records every row it saw beside the staged upload; the confirmation is
    # refused when any of them changed since.

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        request = kwargs.get("request")
        kwargs = super().get_import_data_kwargs(**kwargs)
        if isinstance(form, ConfirmImportForm):
            name = form.cleaned_data["import_file_name"]
            kwargs["expected_versions"] = staging.load_versions(name) or {}
        elif request is not None:
            request.import_versions = kwargs["recorded_versions"] = {}
        return kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        versions = getattr(request, "import_versions", None)
        if initial and versions is not None:
            staging.save_versions(initial["import_file_name"], versions)
        return initial

    def process_import(self, request, **kwargs):
        name = request.POST.get("import_file_name", "")
        if request.method == "POST" and staging.load_versions(name) is None:
            return self._import_refused(
                request,
                _(
                    "Dit voorbeeld is niet meer geldig (verlopen of al "
                    "geïmporteerd). Er is niets geïmporteerd; upload het bestand "
                    "opnieuw."
                ),
            )
        with staging.confirming(name):
            return super().process_import(request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Refused at confirmation (rows changed since the preview): nothing
            # was written; show why, as the preview shows its errors.
            return self._import_refused(request, result=result)
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

    def _import_refused(self, request, message="", result=None):
        form = self.get_import_form_class(request)(
            self.get_import_formats(),
            self.get_import_resource_classes(request),
            initial=self.get_import_form_initial(request),
        )
        if message:
            messages.error(request, message)
        context = {
            **self.admin_site.each_context(request),
            **self.get_import_context_data(),
            "title": _("Importeren"),
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
            "result": result,
            "import_error_display": self.import_error_display,
            "fields_list": [],
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)
