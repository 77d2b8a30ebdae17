"""Forms of the school-accounts screens: only the school's own roles that the person may give
can be chosen, and there is no field for superuser or staff status, so none can be set through
them."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .roles import ROLES


def role_field(role_keys):
    return forms.MultipleChoiceField(
        label=_("Roles"),
        choices=[(key, ROLES[key].name) for key in role_keys],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )


class AccountCreateForm(forms.ModelForm):
    """`role_keys`: the roles the person filling the form may give (membership.grantable_roles)."""

    class Meta:
        model = get_user_model()
        fields = ["username", "first_name", "last_name", "email"]

    def __init__(self, *args, role_keys, **kwargs):
        super().__init__(*args, **kwargs)
        # The invitation to set a password goes to this address.
        self.fields["email"].required = True
        self.fields["roles"] = role_field(role_keys)


class RolesForm(forms.Form):
    def __init__(self, *args, role_keys, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"] = role_field(role_keys)
