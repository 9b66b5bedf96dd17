"""Fixed routes of the participation module (see DESIGN.md, "Public URL contract").

The ``accounts/`` routes here come before allauth's own (portal/urls.py includes this
module first) and serve allauth's views with 4xx answers to bad input.
"""

from django.urls import path, re_path

from participation.views import accounts, household, me, votes

app_name = "participation"
urlpatterns = [
    path("accounts/login/", accounts.login, name="login"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/password/reset/", accounts.password_reset, name="password-reset"),
    re_path(
        r"^accounts/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        accounts.password_reset_from_key,
        name="password-reset-from-key",
    ),
    path("accounts/password/change/", accounts.password_change, name="password-change"),
    path("accounts/household/", household.claim, name="claim-unit"),
    path("me/", me.me, name="me"),
    path("me/profile/", me.edit_profile, name="me-profile"),
    path("me/data.json", me.download_data, name="me-data"),
    path("me/privacy/", me.privacy, name="me-privacy"),
    path("me/privacy/consent/", me.consent, name="me-consent"),
    path("me/delete/", me.delete_account, name="me-delete"),
    path("me/building/", me.building_residents, name="building-residents"),
    path("me/building/<int:pk>/", me.building_residents, name="building-residents-for"),
    path("votes/", votes.vote_list, name="vote-list"),
    path("votes/<int:pk>/", votes.vote_detail, name="vote-detail"),
    path("votes/<int:pk>/receipt/", votes.vote_receipt, name="vote-receipt"),
    path("votes/<int:pk>/results/", votes.vote_results, name="vote-results"),
    path("votes/<int:pk>/results.json", votes.vote_results_json, name="vote-results-json"),
]
