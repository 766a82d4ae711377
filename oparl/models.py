from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Loeschung(models.Model):
    """An object the OParl API may have listed, deleted since: clients syncing with `modified_since` learn it is gone.

    Only the type and id are kept (the OParl "deleted" object needs nothing else).
    """

    typ = models.CharField(_("OParl-Typ"), max_length=30)
    objekt_id = models.PositiveBigIntegerField(_("ID"))
    erstellt_am = models.DateTimeField(_("angelegt am"), null=True)
    geloescht_am = models.DateTimeField(_("gelöscht am"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("gelöschtes OParl-Objekt")
        verbose_name_plural = _("gelöschte OParl-Objekte")
        ordering = ["geloescht_am", "pk"]
        constraints = [models.UniqueConstraint(fields=["typ", "objekt_id"], name="loeschung_einmal_je_objekt")]

    def __str__(self):
        return f"{self.typ} {self.objekt_id}"
