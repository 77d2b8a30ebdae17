"""The automatic check's own account, so the audit log and the workflow history name it instead
of the editor whose submission started it.

The account cannot sign in: it is inactive, has no usable password and holds no school role. Its
name is given in both languages, since one account is shown to readers of either.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

USERNAME = "mektep-automatic-check"


def automatic_check_account():
    account, _created = get_user_model().objects.get_or_create(
        username=USERNAME,
        defaults={
            "first_name": "Автоматтык текшерүү",
            "last_name": "/ Автоматическая проверка",
            "is_active": False,
            "password": make_password(None),
        },
    )
    return account
