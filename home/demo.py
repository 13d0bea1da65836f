"""Demo accounts for each role (demo only)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from workspace.accounts.roles import COMITE_FINANCEURS, COMITE_PILOTAGE, COMITE_TECHNIQUE, COORDINATION

# username, password, first name, last name, group (None: superuser), label
ACCOUNTS = (
    ("coordination", "Coordination66!", "Camille", "Roig", COORDINATION, "Coordination (accès à l'administration)"),
    ("copil", "Comite66!", "Hélène", "Dupré", COMITE_PILOTAGE, "Comité de pilotage"),
    ("financeur", "Comite66!", "Pierre", "Sanchez", COMITE_FINANCEURS, "Comité des financeurs"),
    ("technique", "Comite66!", "Julie", "Comas", COMITE_TECHNIQUE, "Comité technique"),
    ("admin", "Admin66!", "Admin", "Technique", None, "Superutilisateur (administration technique)"),
)


def load(stdout):
    User = get_user_model()
    printed = []
    for username, password, first, last, group_name, label in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"}
        )
        if created:
            user.set_password(password)
        if group_name is None:
            user.is_superuser = user.is_staff = True
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        printed.append((username, password, label))
    return printed
