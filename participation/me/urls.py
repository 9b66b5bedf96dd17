"""A resident's own record and personal data, and a captain's building list."""

from django.urls import path

from participation.me import views

urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/profile/", views.edit_profile, name="me-profile"),
    path("me/data.json", views.download_data, name="me-data"),
    path("me/privacy/", views.privacy, name="me-privacy"),
    path("me/privacy/consent/", views.consent, name="me-consent"),
    path("me/delete/", views.delete_account, name="me-delete"),
    path("me/building/", views.building_residents, name="building-residents"),
    path("me/building/<int:pk>/", views.building_residents, name="building-residents-for"),
]
