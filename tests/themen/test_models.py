import pytest
from django.core.exceptions import ValidationError

from inhalte.richtext import list_html
from tests.factories import make_image_upload, make_thema
from themen.models import Thema

pytestmark = pytest.mark.django_db


def test_points_entered_one_per_line_became_a_list_without_blanks_and_bullets():
    """How the data migration and the seed turn the old "one point per line" text into a list."""
    assert (
        list_html("- Erster Punkt\n\n  • Zweiter <Punkt>  \n")
        == "<ul><li>Erster Punkt</li><li>Zweiter &lt;Punkt&gt;</li></ul>"
    )
    assert list_html("Eins\nZwei", nummeriert=True) == "<ol><li>Eins</li><li>Zwei</li></ol>"
    assert list_html(" \n") == ""


def test_published_queryset():
    public = make_thema()
    make_thema(veroeffentlicht=False)
    assert list(Thema.objects.published()) == [public]


def test_image_needs_alt_text_unless_decorative():
    thema = make_thema()
    thema.bild = make_image_upload()
    with pytest.raises(ValidationError) as error:
        thema.full_clean()
    assert error.value.error_dict["bild_alt_de"][0].code == "alt_text_required"
    thema.bild_dekorativ = True
    thema.full_clean()
