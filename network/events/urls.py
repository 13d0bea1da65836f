from django.urls import path

from network.events import views

app_name = "events"

urlpatterns = [
    path("evenements/<int:pk>/", views.event_detail, name="detail"),
    path("evenements/<int:pk>/inscription/", views.register, name="register"),
    path("evenements/<int:pk>/annulation/", views.cancel, name="cancel"),
    path("evenements/<int:pk>/evenement.ics", views.event_ics, name="ics"),
    path("agenda.ics", views.public_ics, name="public_ics"),
    path("calendrier/<str:token>.ics", views.personal_ics, name="personal_ics"),
]
