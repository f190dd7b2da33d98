from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditQuerySet(models.QuerySet):
    def for_scope(self, scope: str):
        return self.filter(scope=scope)

    def newest_first(self):
        return self.order_by("-at", "-id")

    # The log is append-only for bulk writes too (``update``, ``delete``, ``bulk_update``),
    # not only for an instance's save and delete. Deleting a person's account keeps their
    # entries: Django nulls ``actor`` through the base manager, which this does not reach.
    def update(self, **kwargs):
        raise RuntimeError("Audit entries are append-only: they cannot be updated.")

    update.alters_data = True

    def delete(self):
        raise RuntimeError("Audit entries are append-only: they cannot be deleted.")

    delete.alters_data = True
    delete.queryset_only = True


class AuditEntry(models.Model):
    """One change made through a service. Written once, never updated or deleted."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")

    # When it happened: now, except for a history loaded after the fact (the demo's plans of
    # 2018 and 2020), which carries the dates its events had (``audit.dated``).
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=60)  # "app_label.model"
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    # Which public history page lists this entry, e.g. "plan:12"; empty for private ones.
    scope = models.CharField(max_length=60, blank=True, db_index=True)
    # {"field": [before, after]}; personal fields are kept here but left out of public pages.
    changes = models.JSONField(default=dict, blank=True)
    personal_fields = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Audit entries are append-only.")

    def public_changes(self):
        return {
            field: values for field, values in self.changes.items()
            if field not in self.personal_fields
        }


class RateEvent(models.Model):
    """One counted event for a rate limit (see core/ratelimit.py)."""

    key = models.CharField(max_length=200)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["key", "at"], name="core_rateevent_key_at")]

    def __str__(self):
        return f"{self.key} @ {self.at:%Y-%m-%d %H:%M:%S}"
