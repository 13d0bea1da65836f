from django.urls import path

from resources.library import feeds, views

app_name = "resources"

urlpatterns = [
    path("espace/mes-flux/", views.my_feeds, name="my_feeds"),
    path("flux/<str:key>/", feeds.member_feed, name="member_feed"),
    path("flux/<str:key>/<slug:section>/", feeds.member_feed, name="member_feed"),
]
