from django.urls import path

from .views.invitation import invitation

app_name = "coordination"

urlpatterns = [
    path("invitation/<str:key>/", invitation, name="invitation"),
]
