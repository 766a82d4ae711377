from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from seiten.models import Seite


def seite(request, schluessel: str):
    page = Seite.objects.visible_to(request.user).filter(schluessel=schluessel).prefetch_related("abschnitte").first()
    if page is None:
        raise Http404(_("Diese Seite gibt es nicht."))
    return render(request, "seiten/seite_detail.html", {"seite": page})
