import os

from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integrationsrat.settings")

if not os.environ.get("DJANGO_SECRET_KEY"):
    # Fail loudly: a server with a throwaway key would log everyone out on every restart.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. `make run` creates a local one; in production set it to a long random value."
    )

application = get_asgi_application()
