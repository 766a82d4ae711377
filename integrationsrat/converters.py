"""URL converters shared by the apps. Imported by their urls.py; registering happens once, on import."""

from django.urls import register_converter


class JahrConverter:
    """A four-digit year from 1000 to 9999: anything else never reaches a date lookup (no 500 for /9999999/)."""

    regex = "[1-9][0-9]{3}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


register_converter(JahrConverter, "jahr")
