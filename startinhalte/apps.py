from django.apps import AppConfig


class StartinhalteConfig(AppConfig):
    """The council's starting content (the 2024 review) and `seed_content`, which loads it into every content app."""

    name = "startinhalte"
    verbose_name = "Startinhalte"  # no models, so never shown in the admin
