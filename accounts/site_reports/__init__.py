"""The report on the site's operation that the school's director approves (issue 16, part 3).

Once a month (and whenever staff ask) the school's changes, disclosure completeness, statistics,
visitors' messages and moderation decisions of a period are gathered into a stored snapshot; the
director approves it, after which it never changes, and it can be downloaded as HTML or PDF.
"""
