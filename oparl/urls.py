from django.urls import path, re_path, register_converter

from oparl import views
from oparl.sources import KINDS

app_name = "oparl"


class IdConverter:
    """An id as the API writes it: no leading zeros (one URL per object, spec 2.3), within the database's range."""

    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "oparl_id")

urlpatterns = [
    path("", views.system, name="system"),
    path("body", views.body_list, name="body_list"),
    path("body/1", views.body, name="body"),
    path(
        "organization/<oparl_id:pk>/meeting",
        views.object_list,
        {"typ": "meeting"},
        name="organization_meeting_list",
    ),
    path(
        "organization/<oparl_id:pk>/consultation",
        views.object_list,
        {"typ": "consultation"},
        name="organization_consultation_list",
    ),
]
for typ in KINDS:
    urlpatterns += [
        path(typ, views.object_list, {"typ": typ}, name=f"{typ}_list"),
        path(f"{typ}/<oparl_id:pk>", views.object_detail, {"typ": typ}, name=typ),
    ]
# Anything else under the API is answered in JSON too, pointing to the start.
urlpatterns.append(re_path(r"", views.not_found, name="not_found"))
