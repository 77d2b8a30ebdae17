from django.dispatch import Signal

# Sent once a school's Site, home page and profile exist, inside the same transaction, so that
# other apps (roles, moderation workflow) add their part of a new school or fail it whole.
# Arguments: site, home_page, profile.
school_created = Signal()

# Sent when a visitor's message has been stored (argument: message), inside the request's
# transaction. Moderation answers it: runs the checker and either puts the message in the school's
# inbox (telling the site administrators) or holds it for the school's content moderators.
visitor_message_received = Signal()
