from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from portal import page_routes

urlpatterns = [
    # One login page (allauth's, with its rate limits) for residents and staff alike.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin-login",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", home_views.search, name="search"),
    path("language/<str:language>/", home_views.set_language, name="set-language"),
    path("", include("home.notices.urls")),
    path("display/<str:mode>/", home_views.set_display_mode, name="set-display-mode"),
    path("", include("participation.urls")),
    path("accounts/", include("allauth.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA_LOCALLY:
    # Uploaded images and documents. In a real deployment media live on S3-compatible
    # storage (django-storages) and this is off.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media"
        )
    ]

# Wagtail's own URLs (the password form of a protected page, ``_util/...``), then its
# page serving with each route remembered (portal/page_routes.py) on Wagtail's own
# pattern and name: the pattern matches ``_util/...`` too, so it must come last.
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, page_routes.serve, name="wagtail_serve"),
]

# The site's own error pages, never developer text (home/errors.py).
handler404 = "home.errors.page_not_found"
handler403 = "home.errors.permission_denied"
