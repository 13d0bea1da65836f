"""Onboarding of a new promeneur (issue 11, item 3): the seeded checklist, the steps the site sees
ticking themselves, the coordinator's ticks, the cockpit blocks and their bounded cost."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.activity.models import ActivityGrid
from network.coordination.models import IndividualReview, OnboardingCompletion, OnboardingStep
from network.coordination.models.onboarding import DEFAULT_STEPS, Onboarding, seed_onboarding_steps
from network.directory.models import Promeneur, SocialProfile, Structure
from tests.factories import (
    ActivityGridFactory,
    ApplicationFactory,
    EventFactory,
    PromeneurFactory,
    RegistrationFactory,
    SocialProfileFactory,
    UserFactory,
)
from workspace.cockpit.blocks import forget_every_block

pytestmark = pytest.mark.django_db

Observed = OnboardingStep.Observed
NEWCOMERS = "/admin/accompagnement/accueil/"


def checklist(promeneur):
    return f"{NEWCOMERS}{promeneur.pk}/"


def done_steps(promeneur):
    onboarding = Onboarding()
    annotated = onboarding.for_promeneur(promeneur)
    return {step.label for step in onboarding.steps if onboarding.is_done(annotated, step)}


def complete_profile(promeneur):
    promeneur.job_title = "Animatrice"
    promeneur.presentation = "Je réponds aux jeunes sur Instagram."
    promeneur.hours_online = "mardi 17h–19h"
    promeneur.save()
    SocialProfileFactory(promeneur=promeneur)


def charter_step():
    return OnboardingStep.objects.get(label="Charte signée")


def test_the_checklist_is_seeded_after_migrate_and_not_twice():
    assert [(step.label, step.observed) for step in OnboardingStep.objects.all()] == [
        (label, str(observed)) for label, observed in DEFAULT_STEPS
    ]
    seed_onboarding_steps()
    assert OnboardingStep.objects.count() == len(DEFAULT_STEPS)


def test_a_bare_newcomer_has_done_nothing():
    newcomer = PromeneurFactory(user=None, job_title="", presentation="", hours_online="")
    assert done_steps(newcomer) == set()


def test_the_steps_the_site_sees_tick_themselves():
    user = UserFactory(role="promeneur")
    newcomer = PromeneurFactory(user=user, job_title="", presentation="", hours_online="")
    assert done_steps(newcomer) == {"Compte créé"}

    newcomer.charter_signed_on = datetime.date(2026, 9, 1)
    newcomer.save()
    complete_profile(newcomer)
    assert done_steps(newcomer) == {"Compte créé", "Charte signée", "Profil complété"}

    # A training: yes; a cancelled registration or another kind of event: no.
    RegistrationFactory(user=user, event=EventFactory(kind="rencontre"))
    RegistrationFactory(user=user, event=EventFactory(kind="formation"), status="annulee")
    assert "Première formation" not in done_steps(newcomer)
    RegistrationFactory(user=user, event=EventFactory(kind="formation"), status="attente")
    assert "Première formation" in done_steps(newcomer)

    # A draft grid is not a submitted one; a reopened grid was submitted once.
    grid = ActivityGridFactory(promeneur=newcomer, status="brouillon")
    assert "Première grille" not in done_steps(newcomer)
    ActivityGrid.objects.filter(pk=grid.pk).update(status="rouverte", submitted_at=timezone.now())
    assert "Première grille" in done_steps(newcomer)

    IndividualReview.objects.create(promeneur=newcomer, kind="prise_de_poste")
    assert done_steps(newcomer) == {label for label, _ in DEFAULT_STEPS}
    assert newcomer not in Onboarding().newcomers()
    assert not OnboardingCompletion.objects.exists()  # nothing the site sees is stored


def test_the_account_is_created_when_the_invited_promeneur_chooses_a_password(client):
    """Accepting an application links the sheet to an account without a password: the promeneur has
    not created anything yet, and the coordinator must see that the invitation is still unused."""
    from network.coordination.joining import INVITATION, accept_application
    from workspace.accounts.tokens import SecretToken

    application = accept_application(ApplicationFactory())
    newcomer = Promeneur.objects.get(user=application.invited_user)
    assert "Compte créé" not in done_steps(newcomer)
    assert "Compte créé" in [step.label for step in Onboarding().missing_steps(Onboarding().for_promeneur(newcomer))]

    key = SecretToken.objects.get(user=application.invited_user, purpose=INVITATION).key
    client.post(
        f"/invitation/{key}/",
        {"new_password1": "Un-mot-de-passe-solide-66", "new_password2": "Un-mot-de-passe-solide-66"},
    )
    assert "Compte créé" in done_steps(newcomer)


def test_a_profile_is_completed_with_every_field_and_a_social_profile():
    newcomer = PromeneurFactory(user=None)
    complete_profile(newcomer)
    assert "Profil complété" in done_steps(newcomer)
    SocialProfile.objects.filter(promeneur=newcomer).delete()
    assert "Profil complété" not in done_steps(newcomer)
    complete_profile(newcomer)
    Promeneur.objects.filter(pk=newcomer.pk).update(structure=None)
    assert "Profil complété" not in done_steps(newcomer)


def test_newcomers_are_the_active_promeneurs_not_finished_and_say_what_is_missing():
    manual = OnboardingStep.objects.create(label="Rencontre avec la structure", order=5)
    newcomer = PromeneurFactory(user=None, last_name="Nouvelle")
    gone = PromeneurFactory(user=None, last_name="Partie", is_active=False)
    onboarding = Onboarding()
    found = list(onboarding.newcomers())
    assert newcomer in found and gone not in found
    missing = [step.label for step in onboarding.missing_steps(found[found.index(newcomer)])]
    assert missing[0] == "Rencontre avec la structure" and "Compte créé" in missing
    OnboardingCompletion.objects.create(promeneur=newcomer, step=manual)
    annotated = Onboarding().for_promeneur(newcomer)
    assert manual not in Onboarding().missing_steps(annotated)


def test_an_empty_checklist_has_no_newcomer():
    PromeneurFactory(user=None)
    OnboardingStep.objects.all().delete()
    assert not Onboarding().newcomers().exists()


# The coordinator's screen -------------------------------------------------------------------------


def test_coordination_ticks_the_manual_steps_and_who_and_when_is_recorded(client_as, users):
    promeneur = users["promeneur"].promeneur
    first = OnboardingStep.objects.create(label="Rencontre avec la structure", order=1)
    second = OnboardingStep.objects.create(label="Remise du kit", order=2)
    client = client_as("coordination")
    body = client.get(checklist(promeneur)).content.decode()
    assert 'name="steps"' in body and "Rencontre avec la structure" in body
    assert body.count('name="steps"') == 2  # observed steps are shown, never ticked by hand
    assert "pas encore — constaté par le site : charte signée (date de signature" in body  # no nested brackets

    response = client.post(checklist(promeneur), {"steps": [first.pk, second.pk, charter_step().pk]})
    assert response.status_code == 302
    ticks = OnboardingCompletion.objects.filter(promeneur=promeneur)
    assert {tick.step for tick in ticks} == {first, second}  # an observed step is not stored
    assert {tick.ticked_by for tick in ticks} == {users["coordination"]}

    client.post(checklist(promeneur), {"steps": [second.pk]})
    assert [tick.step for tick in OnboardingCompletion.objects.filter(promeneur=promeneur)] == [second]
    assert "cochée par" in client.get(checklist(promeneur)).content.decode()


def test_the_newcomers_list(client_as, users):
    PromeneurFactory(user=None, first_name="Nina", last_name="Nouvelle")
    client = client_as("coordination")
    body = client.get(NEWCOMERS).content.decode()
    assert "Nina Nouvelle" in body and "Compte créé" in body
    assert client.get(NEWCOMERS, {"p": "999"}).status_code == 200


@pytest.mark.parametrize("role", ["promeneur", "pilotage", "financeurs", "technique"])
def test_promeneurs_and_committees_never_reach_onboarding(client_as, users, role):
    promeneur = users["promeneur"].promeneur
    step = OnboardingStep.objects.create(label="Manuelle", order=1)
    client = client_as(role)
    for address in (NEWCOMERS, checklist(promeneur), "/admin/coordination/onboardingstep/"):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), address
    client.post(checklist(promeneur), {"steps": [step.pk]})
    assert not OnboardingCompletion.objects.exists()


# The cockpit --------------------------------------------------------------------------------------


def test_the_cockpit_shows_newcomers_with_what_is_missing(client_as, users):
    PromeneurFactory(user=None, first_name="Nina", last_name="Nouvelle", entry_date=datetime.date(2026, 9, 1))
    body = client_as("coordination").get("/admin/").content.decode()
    block = body.split('id="cockpit-accueil"')[1].split("</section>")[0]
    assert "Nina Nouvelle" in block and "manque : " in block and "Compte créé" in block


def test_the_cockpit_sees_the_account_created_as_soon_as_the_invitation_is_used(client_as):
    """Choosing a password writes the user, not the directory: the cached block must still hear of it."""
    from django.test import Client

    from network.coordination.joining import INVITATION, accept_application
    from workspace.accounts.tokens import SecretToken

    application = accept_application(ApplicationFactory(contact_first_name="Nina", contact_last_name="Nouvelle"))
    coordinator = client_as("coordination")

    def newcomer_line():
        body = coordinator.get("/admin/").content.decode()
        block = body.split('id="cockpit-accueil"')[1].split("</section>")[0]
        return block.split("Nina Nouvelle")[1].split("</li>")[0]

    assert "Compte créé" in newcomer_line()
    key = SecretToken.objects.get(user=application.invited_user, purpose=INVITATION).key
    password = "Un-mot-de-passe-solide-66"
    Client().post(f"/invitation/{key}/", {"new_password1": password, "new_password2": password})
    assert "Compte créé" not in newcomer_line()


def populate(size):
    """``size`` newcomers at various stages, each with reviews, grids and registrations."""
    structure = Structure.objects.create(name=f"Employeur {size}")
    users = [UserFactory(username=f"charge-{size}-{i}", role="promeneur") for i in range(size)]
    promeneurs = Promeneur.objects.bulk_create(
        Promeneur(
            user=users[i] if i % 2 else None,
            first_name="Charge",
            last_name=f"{size}-{i:03}",
            slug=f"charge-{size}-{i}",
            email=f"charge-{size}-{i}@example.org",
            structure=structure,
            job_title="Animateur" if i % 3 else "",
            entry_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
        )
        for i in range(size)
    )
    IndividualReview.objects.bulk_create(
        IndividualReview(promeneur=p, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i))
        for i, p in enumerate(promeneurs)
        if i % 4
    )
    ActivityGrid.objects.bulk_create(
        ActivityGrid(promeneur=p, month=datetime.date(2026, 1, 1), status="transmise", submitted_at=timezone.now())
        for i, p in enumerate(promeneurs)
        if i % 5
    )
    manual = OnboardingStep.objects.get_or_create(label="Rencontre", defaults={"order": 1})[0]
    OnboardingCompletion.objects.bulk_create(
        OnboardingCompletion(promeneur=p, step=manual) for i, p in enumerate(promeneurs) if i % 2
    )


def cockpit_queries(client):
    # populate() writes with bulk_create, behind the signals' back: the blocks are measured built.
    forget_every_block()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_cockpit_costs_the_same_with_a_few_and_300_promeneurs(client_as, users):
    client = client_as("coordination")
    client.get("/admin/")
    populate(5)
    small, body = cockpit_queries(client)
    assert 'id="cockpit-bilans"' in body and 'id="cockpit-accueil"' in body
    populate(300)
    large, body = cockpit_queries(client)
    assert small == large, f"{small} queries with a few promeneurs, {large} with 300"
    newcomers_block = body.split('id="cockpit-accueil"')[1].split("</section>")[0]
    assert '306<span class="w-sr-only"> éléments</span>' in newcomers_block  # every newcomer counted, a few shown
    assert newcomers_block.count("/admin/accompagnement/accueil/") <= 6


def test_a_training_the_promeneur_was_marked_absent_from_is_not_their_first_training():
    """Registering counts until the coordinator marks attendance: once marked absent, the training
    did not happen for them and the step waits for another one."""
    user = UserFactory(role="promeneur")
    newcomer = PromeneurFactory(user=user)
    registration = RegistrationFactory(user=user, event=EventFactory(kind="formation"), status="confirmee")
    assert "Première formation" in done_steps(newcomer)

    registration.attended = False
    registration.save()
    assert "Première formation" not in done_steps(newcomer)

    registration.attended = True
    registration.save()
    assert "Première formation" in done_steps(newcomer)
