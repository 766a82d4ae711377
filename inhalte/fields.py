"""Model fields shared by the content apps."""

import functools

from django_prose_editor.fields import ProseEditorField

from inhalte import richtext


def editor_extensions(ueberschriften: tuple[int, ...]) -> dict:
    """The editor's buttons: exactly what `richtext.sanitize` keeps."""
    headings = {"Heading": {"levels": list(ueberschriften)}} if ueberschriften else {}
    return {
        "Bold": True,
        "Italic": True,
        "HardBreak": True,
        **headings,
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Link": {"enableTarget": False, "protocols": sorted(richtext.URL_SCHEMES)},
    }


class FormatierterTextField(ProseEditorField):
    """Formatted text with the editor in the admin, cleaned on every save whatever the browser sent.

    One line makes a field formatted: `beschreibung = FormatierterTextField(_("Beschreibung"), blank=True)`.
    `ueberschriften` are the heading levels the text may use below the page's own headings.
    In the database it is a TextField of HTML (migrations see a TextField);
    templates show it with `{{ value|formatiert }}`, which cleans it again.
    """

    def __init__(self, *args, ueberschriften: tuple[int, ...] = (2, 3), **kwargs):
        self.ueberschriften = tuple(ueberschriften)
        kwargs["extensions"] = editor_extensions(self.ueberschriften)
        kwargs["sanitize"] = functools.partial(richtext.sanitize, ueberschriften=self.ueberschriften)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        # The admin's form cleans too (Field.clean); this also covers every other way of saving.
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
