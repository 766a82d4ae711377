"""The storage of council documents, looked up at every use.

A FileField resolves its storage once, when the model class is made; this
stand-in asks `storages["dokumente"]` (settings.STORAGES) each time instead, so
that a changed setting (another deployment's S3 bucket, a test's folder)
applies to documents as it does to every other storage.
"""

from django.core.files.storage import Storage, storages

DELEGATED = (
    "open",
    "save",
    "delete",
    "exists",
    "size",
    "path",
    "listdir",
    "get_valid_name",
    "get_alternative_name",
    "get_available_name",
    "generate_filename",
    "get_accessed_time",
    "get_created_time",
    "get_modified_time",
)


class DokumentStorage(Storage):
    def __getattr__(self, name):
        return getattr(storages["dokumente"], name)

    def url(self, name):
        # A stored document has no address of its own (never /media/, never a bucket URL):
        # its address is the portal's view, which checks that it may be shown.
        from gremien.models import Dokument

        dokument = Dokument.objects.filter(datei=name).first()
        return dokument.get_absolute_url() if dokument else ""


for _name in DELEGATED:
    setattr(
        DokumentStorage,
        _name,
        lambda self, *args, _name=_name, **kwargs: getattr(storages["dokumente"], _name)(*args, **kwargs),
    )

dokument_storage_instance = DokumentStorage()
