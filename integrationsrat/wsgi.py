import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integrationsrat.settings")

if not os.environ.get("DJANGO_SECRET_KEY"):
    # Fail loudly: a server with a throwaway key would log everyone out on every restart.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. `make run` creates a local one; in production set it to a long random value."
    )

application = get_wsgi_application()
