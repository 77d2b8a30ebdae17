"""Visitors' reports of wrong or harmful content on a school's public pages.

A visitor reports a live page from the link in every page's footer (public.py); the reports of
one page are grouped in the content moderators' queue (queue.py), where a moderator takes the
page down or dismisses them (actions.py).
"""
