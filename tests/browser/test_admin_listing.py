"""The conventions' listing (wagtail-modeladmin) read to its last row, on a desktop and a phone.

Our listing CSS lets a wide table scroll sideways inside its column (coordination/admin/listing.css);
Wagtail pulls the pagination up under a full-width listing with a negative bottom margin, which inside
that scrolling box cut the last row's lower part off, under the pagination bar.
"""

import pytest

from tests.browser.conftest import admin_log_in
from tests.factories import StructureFactory, UserFactory
from tests.test_coordination_conventions import make_convention

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LISTING = "/admin/coordination/convention/"
VIEWPORTS = [(1280, 800), (390, 844)]

# Once the reader has scrolled to the pagination (the page's own scrolling, not the table's): what the
# browser shows at the centre and at the lower edge of the last row's first cell.
LAST_ROW = """() => {
    const list = document.querySelector('.result-list');
    const rows = list.querySelectorAll('table tbody tr');
    const row = rows[rows.length - 1];
    document.querySelector('.pagination').scrollIntoView({block: 'end', behavior: 'instant'});
    const cell = row.cells[0].getBoundingClientRect();
    const x = Math.min(Math.max(cell.left + cell.width / 2, 1), window.innerWidth - 1);
    const shown = (y) => {
        const element = document.elementFromPoint(x, y);
        return row.contains(element) ? 'row' : (element ? element.outerHTML.slice(0, 80) : 'nothing');
    };
    return {
        rows: rows.length,
        centre: shown(cell.top + cell.height / 2),
        lowerEdge: shown(cell.bottom - 4),
        hiddenInsideTheList: list.scrollHeight - list.clientHeight,
    };
}"""


def test_the_pagination_covers_no_part_of_the_last_row(browser_page):
    UserFactory(username="coord", role="coordination")
    structure = StructureFactory(name="MJC de Céret")
    for number in range(55):  # 50 a page: two pages
        make_convention(structure=structure, reference=f"CONV-2026-{number:02d}")
    page = browser_page
    admin_log_in(page, "coord")
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(LISTING)
        page.wait_for_load_state("networkidle")
        assert page.locator(".pagination").is_visible()
        found = page.evaluate(LAST_ROW)
        assert found == {"rows": 50, "centre": "row", "lowerEdge": "row", "hiddenInsideTheList": 0}, width
