from django.contrib import admin

from .models import ImportLog


@admin.register(ImportLog)
class ImportLogAdmin(admin.ModelAdmin):
    """Every spreadsheet import, to review; nobody edits the log."""

    list_display = [
        "created_at",
        "user",
        "model",
        "file_name",
        "new",
        "updated",
        "unchanged",
    ]
    list_filter = ["model", "user"]
    search_fields = ["file_name", "user__username"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
