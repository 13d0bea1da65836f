from django.urls import path

from resources.library import feeds

app_name = "resources"

urlpatterns = [
    path("flux/<str:key>/", feeds.member_feed, name="member_feed"),
    path("flux/<str:key>/<slug:section>/", feeds.member_feed, name="member_feed"),
]
