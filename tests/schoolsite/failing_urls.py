"""The site's URLs and one view that fails, for the logging tests."""

from django.urls import path

from schoolsite.urls import handler404
from schoolsite.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "urlpatterns"]


def fail(request):
    raise RuntimeError("the view failed")


urlpatterns = [path("ky/fails/", fail), *site_urlpatterns]
