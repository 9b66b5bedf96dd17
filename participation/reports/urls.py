"""Resident reports: the board, a report, reporting, rating, photos, the 幸福账单."""

from django.urls import path

from participation.reports import views

urlpatterns = [
    path("reports/", views.report_board, name="report-board"),
    path("reports/new/", views.report_new, name="report-new"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("reports/<int:pk>/rate/", views.report_rate, name="report-rate"),
    path("reports/photos/<int:pk>/", views.report_photo, name="report-photo"),
    path("reports/bill/", views.bill_current, name="report-bill-current"),
    path("reports/bill/<int:year>/<int:month>/", views.report_bill, name="report-bill"),
    path(
        "reports/bill/<int:year>/<int:month>/poster/",
        views.report_bill_poster,
        name="report-bill-poster",
    ),
]
