from django.urls import path

from home.notices import views

urlpatterns = [path("n/<int:pk>/", views.short_link, name="notice-short-link")]
