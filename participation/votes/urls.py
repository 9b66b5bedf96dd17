"""Plan votes: list, ballot, receipt check, results."""

from django.urls import path

from participation.votes import views

urlpatterns = [
    path("votes/", views.vote_list, name="vote-list"),
    path("votes/<int:pk>/", views.vote_detail, name="vote-detail"),
    path("votes/<int:pk>/cast/", views.vote_cast, name="vote-cast"),
    path("votes/<int:pk>/receipt/", views.vote_receipt, name="vote-receipt"),
    path("votes/<int:pk>/results/", views.vote_results, name="vote-results"),
    path("votes/<int:pk>/results.json", views.vote_results_json, name="vote-results-json"),
]
