"""The example documents of `seed_content --demo`: small real PDFs, so downloads and OParl files can be tried."""

from fpdf import FPDF


def _latin1(text: str) -> str:
    # The PDF's built-in font covers Latin-1 (German umlauts); dashes and quotes outside it are simplified.
    text = text.replace("–", "-").replace("„", '"').replace("“", '"')
    return text.encode("latin-1", "replace").decode("latin-1")


def beispiel_pdf(*, ueberschrift: str, zeilen: list[str]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(ueberschrift))
    pdf.set_creator("Integrationsrat Beckum – seed_content --demo")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, _latin1(ueberschrift))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for zeile in zeilen:
        pdf.multi_cell(0, 6, _latin1(zeile))
        pdf.ln(1)
    return bytes(pdf.output())
