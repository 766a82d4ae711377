import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # The manifest storage needs `collectstatic` first; test_static.py checks
    # that build separately. Uploads go to a throwaway folder.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # Staff users are made in many tests; the slow production hasher adds nothing here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
