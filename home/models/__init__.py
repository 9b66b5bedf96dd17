from home.models.home_page import HomePage
from home.models.notices import NoticeIndexPage, NoticePage, NoticeTag
from home.models.site_settings import CommunitySettings
from home.models.standard_page import StandardPage

__all__ = [
    "CommunitySettings",
    "HomePage",
    "NoticeIndexPage",
    "NoticePage",
    "NoticeTag",
    "StandardPage",
]
