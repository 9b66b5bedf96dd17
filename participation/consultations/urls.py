"""Consultations: list and board, a proposal, raising one, a resident's actions."""

from django.urls import path

from participation.consultations import views

urlpatterns = [
    path("consultations/", views.proposal_list, name="proposal-list"),
    path("consultations/new/", views.proposal_new, name="proposal-new"),
    path("consultations/<int:pk>/", views.proposal_detail, name="proposal-detail"),
    path("consultations/<int:pk>/support/", views.proposal_support, name="proposal-support"),
    path("consultations/<int:pk>/comments/", views.comment_create, name="comment-create"),
    path("consultations/comments/<int:pk>/edit/", views.comment_edit, name="comment-edit"),
    path("consultations/comments/<int:pk>/report/", views.comment_report, name="comment-report"),
    path("consultations/comments/<int:pk>/review/", views.comment_review, name="comment-review"),
]
