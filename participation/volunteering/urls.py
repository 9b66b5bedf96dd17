"""Volunteering: opportunities, shifts, the roster and check-in, certificates."""

from django.urls import path

from participation.volunteering import certificate_views, views

urlpatterns = [
    path("volunteer/", views.opportunity_list, name="opportunity-list"),
    path("volunteer/<int:pk>/", views.opportunity_detail, name="opportunity-detail"),
    path("volunteer/shifts/<int:pk>/sign-up/", views.shift_sign_up, name="shift-sign-up"),
    path("volunteer/shifts/<int:pk>/calendar.ics", views.shift_ical, name="shift-ical"),
    path("volunteer/shifts/<int:pk>/roster/", views.shift_roster, name="shift-roster"),
    path(
        "volunteer/shifts/<int:pk>/check-in/<str:token>/",
        views.shift_check_in,
        name="shift-check-in",
    ),
    path("volunteer/sign-ups/<int:pk>/cancel/", views.signup_cancel, name="signup-cancel"),
    path("volunteer/sign-ups/<int:pk>/claim/", views.signup_claim, name="signup-claim"),
    path("volunteer/certificates/", certificate_views.certificate_new, name="certificate-new"),
    path(
        "volunteer/certificates/<str:number>/",
        certificate_views.certificate_detail,
        name="certificate-detail",
    ),
    path(
        "volunteer/certificates/<str:number>/check/",
        certificate_views.certificate_check,
        name="certificate-check",
    ),
]
