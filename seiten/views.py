from django.shortcuts import get_object_or_404, render

from seiten.models import Seite


def seite(request, schluessel: str):
    page = get_object_or_404(Seite.objects.visible_to(request.user).by_key(schluessel))
    return render(request, "seiten/seite_detail.html", {"seite": page})
