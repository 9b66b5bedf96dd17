"""The content app's face: every model by name, for Django and tests. Inside the app,
import from the feature's own module (``home.notices.models``, ``home.pages``…).
"""

from home.events.models import EventCalendarPage, EventException, EventPage
from home.mottos.models import FamilyMotto, MottoGalleryPage, MottoTheme
from home.notices.models import NoticeIndexPage, NoticePage, NoticeTag
from home.pages import HomePage, StandardPage
from home.site_settings import CommunitySettings

__all__ = [
    "CommunitySettings",
    "FamilyMotto",
    "MottoGalleryPage",
    "MottoTheme",
    "EventCalendarPage",
    "EventException",
    "EventPage",
    "HomePage",
    "NoticeIndexPage",
    "NoticePage",
    "NoticeTag",
    "StandardPage",
]
