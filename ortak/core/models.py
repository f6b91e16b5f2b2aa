"""Shared kernel: abstract base models only (no domain models live in core)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Every domain row knows when it was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class TurkishSortedName(models.Model):
    """A model with a ``name`` whose Turkish sort key is kept in ``name_sort``.

    The key is derived data (a denormalisation for database-side sorting and pagination), so it
    is refreshed on every save; it carries no business rule.
    """

    name_sort = models.CharField(max_length=200, editable=False, db_index=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from ortak.core.turkish import collation_key

        self.name_sort = collation_key(self.name)  # type: ignore[attr-defined]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_sort"}
        super().save(*args, **kwargs)
