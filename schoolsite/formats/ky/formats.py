"""Kyrgyz dates and numbers as official Kyrgyz texts write them.

A date is "2025-жылдын 24-октябры": the year with the genitive "-жылдын", then the day with a
hyphen and the month in its possessive form (the "alt. month" names in
locale/upstream/ky/LC_MESSAGES/django.po). Django's own Kyrgyz formats say "24 Октябрь 2025 ж.".
Decimals take a comma and thousands a no-break space, as in Russian.
"""

DATE_FORMAT = "Y-жылдын j-E"
DATETIME_FORMAT = "Y-жылдын j-E, G:i"
YEAR_MONTH_FORMAT = "Y-жылдын E"
MONTH_DAY_FORMAT = "j-E"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
