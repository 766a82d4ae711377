import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_image_upload, make_thema
from themen.models import Thema

pytestmark = pytest.mark.django_db


def test_punkte_liste_splits_lines_and_drops_blanks_and_bullets():
    thema = make_thema(punkte="- Erster Punkt\n\n  • Zweiter Punkt  \n")
    assert thema.punkte_liste == ["Erster Punkt", "Zweiter Punkt"]


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
