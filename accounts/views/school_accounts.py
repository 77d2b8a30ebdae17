"""School accounts: a site administrator lists, creates, (de)activates and assigns roles to the
accounts of their own school, and nothing beyond it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Site

from .. import membership
from ..forms import AccountCreateForm, RolesForm
from ..roles import ROLES, Can
from ..scope import school_users, sites_where, user_can


def school_for(request, site_id: int, *capabilities: Can) -> Site:
    site = get_object_or_404(Site, pk=site_id)
    if not all(user_can(request.user, capability, site) for capability in capabilities):
        raise PermissionDenied
    return site


def managed_account(request, site: Site, user_id: int):
    account = school_users(site).filter(pk=user_id).first()
    if account is None or not membership.is_manageable(account, site, request.user):
        raise PermissionDenied
    return account


def index(request):
    sites = sites_where(request.user, Can.MANAGE_ACCOUNTS)
    if not sites:
        raise PermissionDenied
    if len(sites) == 1:
        return redirect("accounts_school_accounts", sites[0].pk)
    return render(request, "accounts/school_accounts_index.html", {"sites": sites})


def school_accounts(request, site_id: int):
    site = school_for(request, site_id, Can.MANAGE_ACCOUNTS)
    rows = [
        {
            "account": account,
            "roles": [ROLES[key].name for key in membership.roles_held(site, account)],
            "manageable": membership.is_manageable(account, site, request.user),
        }
        for account in school_users(site)
    ]
    return render(request, "accounts/school_accounts.html", {"site": site, "rows": rows})


def create(request, site_id: int):
    site = school_for(request, site_id, Can.MANAGE_ACCOUNTS, Can.GRANT_ROLES)
    form = AccountCreateForm(
        request.POST or None, role_keys=membership.grantable_roles(site, request.user)
    )
    if form.is_valid():
        data = form.cleaned_data
        account = membership.create_account(
            site,
            request.user,
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            role_keys=data["roles"],
        )
        messages.success(
            request,
            _("Account %(username)s created; an e-mail asks them to set a password.")
            % {"username": account.username},
        )
        return redirect("accounts_school_accounts", site.pk)
    return render(request, "accounts/school_account_form.html", {"site": site, "form": form})


def edit_roles(request, site_id: int, user_id: int):
    site = school_for(request, site_id, Can.GRANT_ROLES)
    account = managed_account(request, site, user_id)
    initial = {"roles": membership.roles_held(site, account)}
    role_keys = membership.grantable_roles(site, request.user)
    form = RolesForm(request.POST or None, initial=initial, role_keys=role_keys)
    if form.is_valid():
        membership.set_roles(site, request.user, account, form.cleaned_data["roles"])
        messages.success(request, _("Roles of %(username)s saved.") % {"username": account})
        return redirect("accounts_school_accounts", site.pk)
    context = {"site": site, "form": form, "account": account}
    return render(request, "accounts/school_account_form.html", context)


@require_POST
def set_active(request, site_id: int, user_id: int, active: bool):
    site = school_for(request, site_id, Can.MANAGE_ACCOUNTS)
    account = managed_account(request, site, user_id)
    membership.set_active(site, request.user, account, active)
    return redirect("accounts_school_accounts", site.pk)
