"""Forms of the school-accounts screens: only the school's own roles can be chosen, and there
is no field for superuser or staff status, so none can be set through them."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .roles import ROLES


def role_field():
    return forms.MultipleChoiceField(
        label=_("Roles"),
        choices=[(key, role.name) for key, role in ROLES.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )


class AccountCreateForm(forms.ModelForm):
    roles = role_field()

    class Meta:
        model = get_user_model()
        fields = ["username", "first_name", "last_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The invitation to set a password goes to this address.
        self.fields["email"].required = True


class RolesForm(forms.Form):
    roles = role_field()
