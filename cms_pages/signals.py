from django.dispatch import Signal

# Sent once a school's Site, home page and profile exist, inside the same transaction, so that
# other apps (roles, moderation workflow) add their part of a new school or fail it whole.
# Arguments: site, home_page, profile.
school_created = Signal()
