"""Fixed routes of the participation module (see DESIGN.md, "Public URL contract"),
gathered from each feature's ``urls.py`` under one namespace, ``participation:``.

The ``accounts/`` routes here come before allauth's own (portal/urls.py includes this
module first) and serve allauth's views with 4xx answers to bad input.
"""

from participation.consultations.urls import urlpatterns as consultation_urls
from participation.me.urls import urlpatterns as me_urls
from participation.reports.urls import urlpatterns as report_urls
from participation.residents.urls import urlpatterns as resident_urls
from participation.volunteering.urls import urlpatterns as volunteering_urls
from participation.votes.urls import urlpatterns as vote_urls

app_name = "participation"
urlpatterns = [
    *resident_urls,
    *me_urls,
    *vote_urls,
    *consultation_urls,
    *volunteering_urls,
    *report_urls,
]
