"""Cells a spreadsheet will not run as formulas (OWASP "CSV injection").

What visitors typed (a registration's name, a contact's city) reaches staff as CSV: the open
data export and every admin listing's "Download CSV", Wagtail's reports included (a draft
page's title comes from a registration). A text starting with one of ``FORMULA_PREFIXES``
gets a leading apostrophe, which spreadsheets show as text. Wagtail's XLSX export already
stores such cells as text.
"""

from functools import wraps

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_admin_csv_exports():
    """Every CSV export of Wagtail's admin (``SpreadsheetExportMixin``: model and snippet
    listings, reports) writes its cells through ``neutralise``. Wagtail has no setting or hook
    for it, so its one row writer is wrapped, once, when the app is ready."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    write_csv_row = SpreadsheetExportMixin.write_csv_row
    if getattr(write_csv_row, "neutralises_formulas", False):
        return

    @wraps(write_csv_row)
    def write_neutralised_csv_row(self, writer, row_dict):
        # Wagtail turns values into text first (dates, lists, lazy strings), then the row.
        cells = {
            field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
        return writer.writerow(cells)

    write_neutralised_csv_row.neutralises_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_neutralised_csv_row
