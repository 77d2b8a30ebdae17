"""Query parameters of the public API checked before they reach the database.

Wagtail's API v2 answers most bad parameters with 400 and a JSON message (`BadRequestError`), but
lets some through to the database or the search backend, where they end in a server error:
a NUL (PostgreSQL refuses it in text), a search operator other than and/or, a search without
words, an offset past the database's integer range, a field filter value of the wrong type
(`first_published_at=abc`) and a non-numeric `find/?id=`. These endpoints check them first.
The messages are in English, like Wagtail's own: they are read by developers, not visitors.
"""

from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import connection, models
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from cms_pages.search_terms import MAX_QUERY_LENGTH, search_terms

SEARCH_OPERATORS = {"and", "or"}


def integer_in_range(value: int, field: models.Field) -> bool:
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)


class CheckedFieldsFilter(FieldsFilter):
    """?title=...&first_published_at=...: each value must be one its field can hold."""

    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name in names:
                self.check_value(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def check_value(model, name, value):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return
        if isinstance(field, TaggableManager):
            return  # names of tags: any text
        if isinstance(field, models.ForeignKey):
            field = field.target_field
        elif field.is_relation:  # child records (?leaders=3): compared by their primary key
            field = field.related_model._meta.pk
        if isinstance(field, models.BooleanField):
            return  # Wagtail checks these itself
        try:
            python_value = field.to_python(value)
            field.get_db_prep_value(python_value, connection)
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            raise BadRequestError(f"'{value}' is not a valid value for {name}") from error
        if isinstance(python_value, int) and not integer_in_range(python_value, field):
            raise BadRequestError(f"{name} is out of range")


class CheckedSearchFilter(SearchFilter):
    """?search=...: the words of the query only (cms_pages.search_terms); none finds nothing."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        if len(query) > MAX_QUERY_LENGTH:
            raise BadRequestError(f"search can be at most {MAX_QUERY_LENGTH} characters long")
        terms = search_terms(query)
        if not terms:
            return queryset.none()
        parameters = request.GET.copy()
        parameters["search"] = terms
        # Wagtail's filter reads only request.GET.
        return super().filter_queryset(SimpleNamespace(GET=parameters), queryset, view)


class CheckedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        # Past the end there is nothing to fetch: an offset beyond the database's integer range
        # (?offset=99999999999999999999) never reaches it.
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return page


BACKEND_REPLACEMENTS = {FieldsFilter: CheckedFieldsFilter, SearchFilter: CheckedSearchFilter}


class CheckedParametersMixin:
    """For an API v2 endpoint: bad query parameters are answered with 400, never 500."""

    pagination_class = CheckedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            # The search strips control characters itself; nothing else may carry a NUL.
            if name != "search" and any("\x00" in value for value in [name, *values]):
                raise BadRequestError("null characters are not allowed in query parameters")
        operator = request.GET.get("search_operator")
        if operator is not None and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def filter_queryset(self, queryset):
        for backend in self.filter_backends:
            backend = BACKEND_REPLACEMENTS.get(backend, backend)
            queryset = backend().filter_queryset(self.request, queryset, self)
        return queryset

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                int(request.GET["id"])  # Django finds nothing for one past the column's range
            except ValueError as error:
                raise BadRequestError("id must be an integer") from error
        try:
            return super().find_object(queryset, request)
        except ObjectDoesNotExist:
            # With ?type=, the queryset's model is that page type, whose DoesNotExist is not
            # Page.DoesNotExist (Wagtail's find view catches only that one) when an abstract
            # model stands between them.
            return None
