"""Demo conventions and network contacts (fictitious), so that the cockpit's blocks and the
"Réseau et conventions" menu have something to show. Safe to run again: matched by reference
and by organisation."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from network.activity.models.grids import add_months
from network.coordination.models import Convention, NetworkContact
from network.directory.models import Structure, Territory

# structure (start of its name), reference, months since the start, length in months, status, hours, amount
CONVENTIONS = (
    ("Centre social Les Oliviers", "CAF66-PDN-2025-01", 10, 12, Convention.Status.RUNNING, 6, "4800.00"),
    ("MJC du Conflent", "CAF66-PDN-2025-02", 4, 24, Convention.Status.SIGNED, 4, "3200.00"),
    ("Mission locale Vallespir", "CAF66-PDN-2026-03", -1, 12, Convention.Status.DRAFT, 3, "2400.00"),
    ("Point Information Jeunesse de Cerdagne", "CAF66-PDN-2023-04", 30, 24, Convention.Status.ENDED, 4, "3000.00"),
)

# organisation, person, role, kind, territory, committee account
CONTACTS = (
    (
        "Caf des Pyrénées-Orientales (fictif)",
        "Pierre Sanchez",
        "Conseiller action sociale",
        "financeur",
        None,
        "financeur",
    ),
    ("Conseil départemental (fictif)", "Hélène Dupré", "Cheffe de service jeunesse", "institution", None, "copil"),
    ("Maison des adolescents 66 (fictive)", "Julie Comas", "Psychologue", "sante", None, "technique"),
    ("Collège du Conflent (fictif)", "Jordi Vila", "Conseiller principal d'éducation", "education", "Conflent", None),
)


def load(stdout):
    today = timezone.localdate()
    for prefix, reference, months_ago, length, status, hours, amount in CONVENTIONS:
        structure = Structure.objects.filter(name__startswith=prefix).first()
        if structure is None:
            continue
        start = add_months(today.replace(day=1), -months_ago)
        convention, _ = Convention.objects.update_or_create(
            reference=reference,
            defaults={
                "structure": structure,
                "start_date": start,
                "end_date": add_months(start, length) - datetime.timedelta(days=1),
                "status": status,
                "weekly_hours": hours,
                "amount": amount,
            },
        )
        convention.promeneurs.set(structure.promeneurs.filter(is_active=True))
    accounts = get_user_model().objects.in_bulk([row[5] for row in CONTACTS if row[5]], field_name="username")
    for organisation, person, role, kind, territory, username in CONTACTS:
        NetworkContact.objects.update_or_create(
            organisation=organisation,
            defaults={
                "person": person,
                "role": role,
                "kind": kind,
                "territory": Territory.objects.filter(name=territory).first() if territory else None,
                "email": f"{slugify(person)}@example.org",
                "committee_member": accounts.get(username),
            },
        )
    stdout.write(f"Conventions : {len(CONVENTIONS)}, contacts du réseau : {len(CONTACTS)}.")
    return []
