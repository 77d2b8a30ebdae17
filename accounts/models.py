"""Which Django Group is which school's which role.

Scoping reads this record, never a group's name: a renamed group keeps its meaning, and a group
that merely looks like a school's cannot grant anything.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .roles import ROLES, Role


class SchoolRole(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("school"), on_delete=models.CASCADE, related_name="school_roles"
    )
    role_key = models.CharField(
        _("role"), max_length=32, choices=[(key, role.name) for key, role in ROLES.items()]
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="school_role"
    )

    class Meta:
        verbose_name = _("school role")
        verbose_name_plural = _("school roles")
        constraints = [
            models.UniqueConstraint(fields=["site", "role_key"], name="one_group_per_school_role")
        ]

    def __str__(self):
        return f"{self.site}: {self.role.name}"

    @property
    def role(self) -> Role:
        return ROLES[self.role_key]


# The director's report on the site's operation lives in its own package; imported here so
# Django sees it.
from .site_reports.models import SiteReport  # noqa: E402, F401
