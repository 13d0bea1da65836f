"""Demo content of the joining area: the charter's first version accepted by the demo promeneurs,
a few applications and messages to follow up (fictional)."""

import datetime

from django.utils import timezone

from network.directory.models import Promeneur

from .models import Application, CharterPage, ContactMessage
from .models.charter import accept

APPLICATIONS = (
    (
        "Centre social du Vallespir",
        "2 avenue du Roussillon",
        "Céret",
        "Nadia",
        "Ferrer",
        "Référente famille",
        ["instagram", "snapchat"],
        Application.Status.RECEIVED,
        "Nos animateurs répondent déjà aux jeunes sur Instagram le soir : nous voulons le faire dans un cadre.",
    ),
    (
        "MJC de Prades",
        "14 rue de l'Hospice",
        "Prades",
        "Hugo",
        "Garcia",
        "Directeur",
        ["discord", "tiktok"],
        Application.Status.UNDER_STUDY,
        "Un serveur Discord de jeunes du Conflent nous a sollicités : nous aimerions y assurer une présence éducative.",
    ),
)
MESSAGES = (
    (
        "Aurélie Py",
        "aurelie.py@example.org",
        "Intervention au collège",
        ContactMessage.Status.NEW,
        "Bonjour, un promeneur pourrait-il présenter le dispositif à nos élèves de 4e en mars ?",
    ),
    (
        "Marc Sala",
        "marc.sala@example.org",
        "Mon fils et les réseaux",
        ContactMessage.Status.ANSWERED,
        "Bonjour, à qui m'adresser pour parler des réseaux sociaux de mon fils de 13 ans ?",
    ),
)


def load(stdout):
    charter = CharterPage.objects.live().first()
    if charter is not None:
        version = charter.publish_version()
        promeneurs = Promeneur.objects.filter(user__isnull=False, is_active=True).select_related("user")
        for promeneur in promeneurs:
            signed_on = promeneur.charter_signed_on or timezone.localdate()
            accepted_at = timezone.make_aware(datetime.datetime.combine(signed_on, datetime.time(10)))
            accept(promeneur.user, version, accepted_at=accepted_at)
    for name, address, town, first, last, role, networks, status, motivation in APPLICATIONS:
        Application.objects.get_or_create(
            structure_name=name,
            defaults={
                "address": address,
                "town": town,
                "contact_first_name": first,
                "contact_last_name": last,
                "contact_role": role,
                "contact_email": f"{first}.{last}@example.org".lower(),
                "contact_phone": "04 68 00 00 00",
                "professionals_count": 2,
                "networks": networks,
                "motivation": motivation,
                "status": status,
            },
        )
    for name, email, subject, status, message in MESSAGES:
        ContactMessage.objects.get_or_create(
            subject=subject, email=email, defaults={"name": name, "status": status, "message": message}
        )
    stdout.write("Charte, candidatures et messages de démonstration chargés.")
    return []
