from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from seiten import facts


def seite(request, schluessel: str):
    page = facts.seite(schluessel, request.user)
    if page is None:
        raise Http404(_("Diese Seite gibt es nicht."))
    return render(request, "seiten/seite_detail.html", {"seite": page})
