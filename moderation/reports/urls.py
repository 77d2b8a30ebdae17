from django.urls import path

from . import public

urlpatterns = [
    path("", public.report_page, name="report_page"),
    path("thanks/", public.report_thanks, name="report_thanks"),
]
