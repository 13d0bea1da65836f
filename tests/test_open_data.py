"""Open data: the structures that agreed to it, in the national data·inclusion schema, as JSON and
CSV at stable public addresses; every record validated by the schema's own published models
(PyPI data-inclusion-schema), never the referent, never a structure that did not agree."""

import io
import json

import pandas
import pytest
from data_inclusion.schema import v1 as data_inclusion

from network.directory.models import Structure
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def structures():
    return {
        "mjc": StructureFactory(
            name="MJC d'Elne & environs",
            kind="mjc",
            address="2 rue de l'Église",
            postcode="66200",
            commune="Elne",
            phone="04 68 22 00 00",
            website="https://mjc-elne.example.org/",
            referent_name="Jordi Référent",
            referent_email="referent.secret@example.org",
            open_data=True,
        ),
        "social": StructureFactory(name="Centre social Saint-Jacques", kind="centre_social", open_data=True),
        "refused": StructureFactory(name="Structure discrète", open_data=False),
        "closed": StructureFactory(name="Structure fermée", status="inactive", open_data=True),
    }


def test_the_json_validates_with_the_schema_models_and_holds_only_consenting_structures(client, structures):
    response = client.get("/donnees/structures.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    records = [data_inclusion.Structure.model_validate(item, context={"ignore_warnings": False}) for item in data]
    assert [record.nom for record in records] == ["Centre social Saint-Jacques", "MJC d'Elne & environs"]
    mjc = records[1]
    assert mjc.source == "promeneurs-du-net-66"
    assert mjc.id == f"promeneurs-du-net-66--{structures['mjc'].slug}"
    assert (mjc.adresse, mjc.code_postal, mjc.commune) == ("2 rue de l'Église", "66200", "Elne")
    assert mjc.reseaux_porteurs == {data_inclusion.ReseauPorteur.MJC}
    assert str(mjc.site_web) == "https://mjc-elne.example.org/"
    assert str(mjc.lien_source).endswith(f"/annuaire/structure/{structures['mjc'].slug}/")
    assert "Promeneurs du Net" in mjc.description
    body = response.content.decode()
    for secret in ("Jordi Référent", "referent.secret@example.org", "Structure discrète", "Structure fermée"):
        assert secret not in body


def test_the_csv_reads_in_french_excel_and_validates_with_the_schema_models(client, structures):
    response = client.get("/donnees/structures.csv")
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    frame = pandas.read_csv(io.BytesIO(response.content), sep=";", encoding="utf-8-sig", dtype=str)
    assert list(frame.columns) == list(data_inclusion.Structure.model_fields)
    assert list(frame["nom"]) == ["Centre social Saint-Jacques", "MJC d'Elne & environs"]
    for row in frame.to_dict("records"):
        item = {name: value for name, value in row.items() if isinstance(value, str)}
        if "reseaux_porteurs" in item:
            item["reseaux_porteurs"] = item["reseaux_porteurs"].split(" | ")
        data_inclusion.Structure.model_validate(item, context={"ignore_warnings": False})
    assert "referent" not in response.content.decode("utf-8-sig").lower()


def test_no_structure_agreed_yet_gives_headers_only(client):
    StructureFactory(name="Structure discrète")
    assert json.loads(client.get("/donnees/structures.json").content) == []
    frame = pandas.read_csv(io.BytesIO(client.get("/donnees/structures.csv").content), sep=";", encoding="utf-8-sig")
    assert frame.empty and "nom" in frame.columns


def test_consent_is_off_by_default():
    assert Structure(name="Nouvelle structure").open_data is False


def test_the_demo_publishes_some_structures_not_all(settings):
    from io import StringIO

    from network.directory import demo

    demo.load(StringIO())
    published = Structure.objects.filter(open_data=True).count()
    assert 0 < published < Structure.objects.count()


@pytest.mark.parametrize("address", ["/donnees/structures.json", "/donnees/structures.csv"])
def test_open_data_is_read_only(client, address):
    assert client.post(address).status_code == 405
