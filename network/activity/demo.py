"""Twelve months of activity grids for the demo promeneurs and a coordination journal (demo only).

Figures vary with the seasons (quiet in August, busy at the start of the school
year) and are drawn from a seeded generator, so that two runs give the same data.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from network.activity.models import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity
from network.activity.models.grids import Device, add_months, previous_month
from network.activity.totals import rebuild as rebuild_activity_totals
from network.directory.models import Promeneur, Structure, Theme

SEASON = {1: 1.0, 2: 0.95, 3: 1.1, 4: 0.9, 5: 1.0, 6: 0.9, 7: 0.6, 8: 0.35, 9: 1.15, 10: 1.25, 11: 1.2, 12: 0.8}
ACTIONS = (
    "Atelier sur le cyberharcèlement",
    "Live questions-réponses sur l'orientation",
    "Intervention en classe sur les réseaux sociaux",
    "Permanence numérique au point jeunes",
    "Tournoi en ligne et temps d'échange",
    "Atelier « image de soi » sur Instagram",
)
DIFFICULTIES = (
    "",
    "",
    "Peu de réponses pendant les vacances scolaires.",
    "Téléphone professionnel partagé avec l'équipe : difficile d'être réactif le soir.",
)
JOURNAL = (
    (3, "accueil", "presentiel", 90, "Accueil d'un nouveau promeneur : présentation de la charte et des outils."),
    (10, "accompagnement_promeneur", "telephone", 30, "Point sur une situation de mal-être repérée en ligne."),
    (17, "rencontre", "presentiel", 210, "Rencontre départementale : analyse de pratiques."),
    (24, "accompagnement_structure", "visio", 60, "Point avec la direction sur le temps dédié en ligne."),
    (40, "comite", "presentiel", 120, "Comité technique : préparation du bilan."),
    (52, "publication", "email", 45, "Lettre d'information du réseau."),
    (65, "partenariat", "visio", 60, "Rencontre avec la Maison des adolescents."),
    (80, "bilan", "presentiel", 75, "Bilan individuel annuel."),
    (95, "accompagnement_promeneur", "messagerie", 20, "Conseils sur le paramétrage d'un compte TikTok professionnel."),
    (120, "rencontre", "visio", 120, "Formation : repérer les signes de cyberviolence."),
    (150, "comite", "presentiel", 150, "Comité de pilotage : présentation des chiffres du semestre."),
    (180, "accompagnement_structure", "presentiel", 90, "Visite d'une structure candidate."),
    (220, "publication", "email", 30, "Actualité : nouvelle fiche ressource sur le droit à l'image."),
    (260, "accompagnement_promeneur", "telephone", 25, "Appui demandé dans une grille mensuelle."),
    (300, "partenariat", "presentiel", 120, "Forum des acteurs jeunesse du département."),
    (340, "bilan", "visio", 60, "Bilan individuel annuel, à distance."),
)


def months_back(count):
    last = previous_month()
    return [add_months(last, -offset) for offset in range(count - 1, -1, -1)]


@transaction.atomic
def load(stdout):
    promeneurs = list(Promeneur.objects.filter(is_active=True, user__isnull=False).prefetch_related("social_profiles"))
    themes = list(Theme.objects.order_by("pk"))
    months = months_back(12)
    created = 0
    for promeneur in promeneurs:
        networks = [profile.network for profile in promeneur.social_profiles.all()] or ["instagram"]
        for month in months:
            rng = random.Random(f"{promeneur.slug}-{month:%Y-%m}")
            # The last month is not finished by everyone: some drafts, some missing.
            if month == months[-1] and rng.random() < 0.35:
                continue
            season = SEASON[month.month]
            grid, was_created = ActivityGrid.objects.get_or_create(promeneur=promeneur, month=month)
            created += was_created
            grid.hours_per_week = round(rng.uniform(2, 6) * 2) / 2
            grid.devices = rng.sample([d.value for d in Device], rng.randint(1, 2))
            grid.actions_planned = (
                "Atelier prévu le mois prochain avec le groupe de jeunes." if rng.random() < 0.4 else ""
            )
            grid.support_needed = ""
            grid.training_wishes = "Formation sur les jeux vidéo en ligne." if rng.random() < 0.15 else ""
            grid.difficulties = rng.choice(DIFFICULTIES)
            if month == months[-1] and rng.random() < 0.4:
                grid.status, grid.submitted_at = ActivityGrid.Status.DRAFT, None
            else:
                grid.status = ActivityGrid.Status.SUBMITTED
                grid.submitted_at = datetime.datetime.combine(
                    add_months(month, 1) + datetime.timedelta(days=rng.randint(0, 9)),
                    datetime.time(18, 0),
                    tzinfo=datetime.UTC,
                )
            grid.save()
            grid.themes.set(rng.sample(themes, rng.randint(2, 4)))
            grid.network_activities.all().delete()
            rows = []
            for network in networks:
                young = max(0, round(rng.randint(3, 14) * season))
                rows.append(
                    NetworkActivity(
                        grid=grid,
                        network=network,
                        young_people=young,
                        new_young_people=min(young, round(young * rng.uniform(0.1, 0.4))),
                        messages=round(young * rng.uniform(2, 6)),
                    )
                )
            NetworkActivity.objects.bulk_create(rows)
            grid.led_actions.all().delete()
            if rng.random() < 0.5 * season:
                LedAction.objects.create(
                    grid=grid,
                    title=rng.choice(ACTIONS),
                    theme=rng.choice(themes),
                    young_people_reached=rng.randint(6, 25),
                )
    # The rows by network are written behind the signals' back: the monthly totals are summed again.
    rebuild_activity_totals()
    journal = load_journal(promeneurs)
    stdout.write(f"Activité : {created} grilles mensuelles créées (12 mois), {journal} actions au journal.")
    return []


def load_journal(promeneurs):
    author = get_user_model().objects.filter(username="coordination").first()
    structures = list(Structure.objects.order_by("pk"))
    today = datetime.date.today()
    count = 0
    for index, (days_ago, kind, medium, minutes, notes) in enumerate(JOURNAL):
        entry, created = CoordinationJournalEntry.objects.get_or_create(
            kind=kind,
            notes=notes,
            defaults={
                "date": today - datetime.timedelta(days=days_ago),
                "medium": medium,
                "duration_minutes": minutes,
                "author": author,
            },
        )
        if created:
            if promeneurs and kind in ("accueil", "accompagnement_promeneur", "bilan"):
                entry.promeneurs.set([promeneurs[index % len(promeneurs)]])
            if structures and kind == "accompagnement_structure":
                entry.structures.set([structures[index % len(structures)]])
            entry.save()
        count += 1
    return count
