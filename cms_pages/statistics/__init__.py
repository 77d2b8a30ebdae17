"""Usage statistics without tracking: the server counts what anonymous visitors read and what
they searched for in vain, per school and day, with no cookie, no script and no stored address.

Counting a view touches only Django's shared cache (`buffer`), so a page answered from the
public page cache still costs no database query; `manage.py flush_page_views` writes the
buffered counts to the database in bulk (`flush`). Which requests count lives in `counting`,
the figures the admin and the site report show in `summary`.
"""
