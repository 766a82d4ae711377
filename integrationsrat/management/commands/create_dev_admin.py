"""Create a local `admin` superuser with a generated password and print it once.

For trying the portal out on the SQLite development default only (`make run`
calls it); it refuses anywhere else, so it can never open a production admin.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Legt lokal einen Admin-Zugang an (nur mit DEBUG und SQLite)."

    def handle(self, *args, **options):
        engine = settings.DATABASES["default"]["ENGINE"]
        if not settings.DEBUG or not engine.endswith("sqlite3"):
            raise CommandError("create_dev_admin works only with DJANGO_DEBUG=true on the SQLite default.")
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Admin login: {admin_url} as '{USERNAME}' "
                f"(password shown at first run; new one: python manage.py changepassword {USERNAME})"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Admin login: {admin_url}  user: {USERNAME}  password: {password}"))
        self.stdout.write("This password is shown only once.")
