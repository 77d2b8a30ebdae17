from .home import HomePage
from .school import SchoolPhone, SchoolProfile

__all__ = ["HomePage", "SchoolPhone", "SchoolProfile"]
