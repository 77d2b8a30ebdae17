from .alerts import SiteAlert
from .events import Event, EventIndexPage
from .home import HomePage
from .news import NewsIndexPage, NewsPage
from .school import SchoolPhone, SchoolProfile

__all__ = [
    "Event",
    "EventIndexPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SchoolPhone",
    "SchoolProfile",
    "SiteAlert",
]
