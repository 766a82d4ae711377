"""CSV downloads from the admin, made for the spreadsheet programs staff use."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

# Cells a spreadsheet would read as a formula (names and answers are typed by people).
FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")


def zelle(wert) -> object:
    """A cell that is never run as a formula: text starting like one gets a leading apostrophe."""
    return f"'{wert}" if isinstance(wert, str) and wert.startswith(FORMELZEICHEN) else wert


def csv_response(filename: str, kopf: list[str], zeilen: Iterable[Iterable]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # German Excel reads a CSV as Windows-1252 unless it starts with a byte order mark (umlauts
    # would break), and splits columns at semicolons, the list separator of the German locale.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(kopf)
    for zeile in zeilen:
        writer.writerow([zelle(wert) for wert in zeile])
    return response
