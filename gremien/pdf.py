"""Uploaded PDFs: checked to be real PDFs of sensible size, and read once for their text (the site search)."""

import hashlib
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
# Text beyond this is not needed to find a document, and reading it would slow the save.
MAX_TEXT_PAGES = 300


def validate_pdf(datei) -> None:
    """A non-empty PDF of at most 20 MB that a PDF library can open: anything else is a form error."""
    if getattr(datei, "_committed", False):
        return  # checked when it was uploaded; saving its meeting again must not read it again
    size = datei.size
    if not size:
        raise ValidationError(_("Die Datei ist leer."), code="empty_file")
    if size > MAX_BYTES:
        raise ValidationError(
            _("Die Datei ist zu groß (höchstens 20 MB). Bitte verkleinern Sie das PDF."), code="file_too_large"
        )
    datei.seek(0)
    header = datei.read(1024)
    datei.seek(0)
    if b"%PDF-" not in header:
        raise ValidationError(_("Das ist kein PDF. Bitte laden Sie eine PDF-Datei hoch."), code="not_a_pdf")
    try:
        reader = PdfReader(datei)
        if len(reader.pages) == 0:
            raise ValidationError(_("Das PDF hat keine Seiten."), code="pdf_without_pages")
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise ValidationError(_("Das PDF ist beschädigt und lässt sich nicht öffnen."), code="broken_pdf") from error
    finally:
        datei.seek(0)


@dataclass(frozen=True)
class PdfFacts:
    groesse: int
    sha512: str
    text: str


def pdf_facts(datei) -> PdfFacts:
    """Size, checksum (OParl's sha512Checksum) and text of an uploaded PDF."""
    datei.seek(0)
    content = datei.read()
    datei.seek(0)
    try:
        reader = PdfReader(datei)
        text = "\n".join((page.extract_text() or "") for page in reader.pages[:MAX_TEXT_PAGES])
    except Exception:  # noqa: BLE001  a PDF whose text cannot be read is still a valid document
        logger.warning("Could not read the text of the PDF %s", getattr(datei, "name", "?"), exc_info=True)
        text = ""
    finally:
        datei.seek(0)
    # NUL bytes break PostgreSQL text columns.
    return PdfFacts(groesse=len(content), sha512=hashlib.sha512(content).hexdigest(), text=text.replace("\x00", ""))
