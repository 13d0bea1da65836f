"""Bar charts drawn on the server as inline SVG: no JavaScript, no external asset.

Each chart carries a title and a description for assistive technologies; the page
shows the same figures in a table next to it.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

BAR_COLOUR = "#1d5f8a"
TEXT_COLOUR = "#1b1b1b"
GRID_COLOUR = "#c8c8c8"


def _number(value):
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value).replace(".", ",")


def horizontal_bars(chart_id, title, rows, key, label_key="label", label_width=230):
    """One bar per row (networks, themes, types of action), longest first; ``label_width`` in
    pixels for the labels on the left."""
    rows = [row for row in rows if row[key]] or rows[:0]
    bar_width, bar_height, gap = 380, 22, 8
    height = max(1, len(rows)) * (bar_height + gap) + gap
    width = label_width + bar_width + 70
    biggest = max((row[key] for row in rows), default=0) or 1
    parts = []
    for index, row in enumerate(rows):
        y = gap + index * (bar_height + gap)
        length = max(2, round(bar_width * row[key] / biggest))
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" fill="{TEXT_COLOUR}">'
            f"{escape(row[label_key])}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height}" fill="{BAR_COLOUR}"/>'
            f'<text x="{label_width + length + 6}" y="{y + 16}" fill="{TEXT_COLOUR}">{_number(row[key])}</text>'
        )
    if not rows:
        parts.append(f'<text x="10" y="20" fill="{TEXT_COLOUR}">Aucune donnée sur la période.</text>')
    return _svg(chart_id, title, width, height, "".join(parts))


def columns(chart_id, title, rows, key, label_key="short_label"):
    """One column per month (the finished ones: an unfinished month's column would read as a fall)."""
    column_width, gap, chart_height, top, bottom, left = 34, 10, 180, 20, 40, 10
    width = left + len(rows) * (column_width + gap) + gap
    height = top + chart_height + bottom
    biggest = max((row[key] for row in rows), default=0) or 1
    parts = [
        f'<line x1="{left}" y1="{top + chart_height}" x2="{width}" y2="{top + chart_height}" stroke="{GRID_COLOUR}"/>'
    ]
    for index, row in enumerate(rows):
        x = left + gap + index * (column_width + gap)
        bar = round(chart_height * row[key] / biggest)
        y = top + chart_height - bar
        centre = x + column_width / 2
        parts.append(
            f'<rect x="{x}" y="{y}" width="{column_width}" height="{bar}" fill="{BAR_COLOUR}"/>'
            f'<text x="{centre}" y="{max(y - 4, 12)}" text-anchor="middle" font-size="11" fill="{TEXT_COLOUR}">'
            f"{_number(row[key])}</text>"
            f'<text x="{centre}" y="{top + chart_height + 16}" text-anchor="middle" font-size="11" '
            f'fill="{TEXT_COLOUR}">{escape(row[label_key])}</text>'
        )
    if not rows:
        parts.append(f'<text x="10" y="20" fill="{TEXT_COLOUR}">Aucun mois échu sur la période.</text>')
    return _svg(chart_id, title, max(width, 200), height, "".join(parts))


def _svg(chart_id, title, width, height, body):
    return mark_safe(  # noqa: S308 - every label above is escaped
        f'<svg class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13">'
        f'<title id="{chart_id}-title">{escape(title)} (les chiffres sont dans le tableau qui suit)</title>'
        f"{body}</svg>"
    )


def event_charts(events):
    """Events held by kind, and the attendance marked on their confirmed registrations."""
    total = events["total"]
    attendance = [
        {"label": "Présents", "count": total["present"]},
        {"label": "Absents", "count": total["absent"]},
        {"label": "Présence non renseignée", "count": total["unmarked"]},
    ]
    return {
        "events_by_kind": horizontal_bars(
            "graphique-evenements", "Événements tenus par type", events["by_kind"], "events"
        ),
        "attendance": horizontal_bars(
            "graphique-presence", "Présence des inscrits confirmés aux événements tenus", attendance, "count"
        ),
    }


def dashboard_charts(figures):
    charts = event_charts(figures["events"]) if "events" in figures else {}
    # The current month's grids are still to come: its figures are in the table, marked "en cours".
    finished = [row for row in figures["by_month"] if not row["in_progress"]]
    return charts | {
        "by_month": columns("graphique-mois", "Jeunes accompagnés par mois", finished, "young_people"),
        "grids_by_month": columns("graphique-grilles", "Grilles reçues par mois", finished, "grids"),
        "by_network": horizontal_bars(
            "graphique-reseaux", "Jeunes accompagnés par réseau social", figures["by_network"], "young_people"
        ),
        "by_theme": horizontal_bars(
            "graphique-thematiques", "Grilles où la thématique a été abordée", figures["by_theme"], "grids"
        ),
        "journal": horizontal_bars(
            "graphique-coordination", "Actions de coordination par type", figures["journal_by_kind"], "count"
        ),
    }
