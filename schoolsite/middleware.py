from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside the language prefixes. Django's LocaleMiddleware turns any 404 into a redirect
# to /ky/<path> when that path resolves, and Wagtail's catch-all resolves every path; a 404 in
# the admin or the API must stay a 404.
UNPREFIXED_PATHS = ("/admin/", "/api/", "/documents/", "/i18n/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        localised = super().process_response(request, response)
        if localised is not response and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return localised
