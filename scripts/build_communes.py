"""Regenerate network/directory/data/communes-66.json from the official list of communes.

    python scripts/build_communes.py                       # npm pack of the version below, then extract
    python scripts/build_communes.py --version 6.1.0       # another vintage (see the package's README)
    python scripts/build_communes.py --tarball etalab-decoupage-administratif-6.0.0.tgz

The source is the npm package @etalab/decoupage-administratif (data under the Licence Ouverte
d'Etalab, code under MIT): its data/communes.json (INSEE's Code officiel géographique, La Poste's
postcodes, INSEE's legal populations) and data/epci.json (the DGCL's list of intercommunalities
with their member communes). Only the current communes of one département are kept, with their
INSEE code, name, postcodes, population and the code and name of their intercommunality (EPCI).

It needs ``npm`` only when no --tarball is given; it writes nothing else. After a new vintage,
``manage.py load_communes`` updates the database.
"""

import argparse
import datetime
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
DEFAULT_VERSION = "6.0.0"
DATA_DIR = Path(__file__).resolve().parents[1] / "network" / "directory" / "data"


def fetch_tarball(version, workdir):
    """``npm pack`` downloads the package's tarball from the registry, without installing it."""
    output = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--silent"], cwd=workdir, check=True, capture_output=True, text=True
    )
    return Path(workdir) / output.stdout.strip().splitlines()[-1]


def read_package(tarball):
    with tarfile.open(tarball) as archive:

        def load(name):
            return json.load(archive.extractfile(f"package/{name}"))

        return load("package.json"), load("data/communes.json"), load("data/epci.json")


def extract(departement, communes, epcis):
    intercommunality = {member["code"]: (epci["code"], epci["nom"]) for epci in epcis for member in epci["membres"]}
    rows = []
    for commune in communes:
        if commune.get("departement") != departement or commune.get("type") != "commune-actuelle":
            continue
        epci_code, epci_name = intercommunality.get(commune["code"], ("", ""))
        rows.append(
            {
                "code": commune["code"],
                "name": commune["nom"],
                "postcodes": sorted(commune.get("codesPostaux", [])),
                "population": commune.get("population") or 0,
                "epci_code": epci_code,
                "epci_name": epci_name,
            }
        )
    return sorted(rows, key=lambda row: row["code"])


def to_json(document):
    """Indented, with one commune per line: a new vintage reads as a short diff."""
    head = json.dumps({**document, "communes": []}, ensure_ascii=False, indent=1)
    lines = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in document["communes"])
    return head.replace('"communes": []', '"communes": [\n' + lines + "\n ]") + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", default=DEFAULT_VERSION, help=f"version of {PACKAGE} (default {DEFAULT_VERSION})")
    parser.add_argument("--tarball", type=Path, help="a tarball already downloaded with npm pack")
    parser.add_argument("--departement", default="66")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        tarball = arguments.tarball or fetch_tarball(arguments.version, workdir)
        package, communes, epcis = read_package(tarball)
    rows = extract(arguments.departement, communes, epcis)
    if not rows:
        sys.exit(f"Aucune commune pour le département {arguments.departement}.")
    document = {
        "source": f"{PACKAGE} {package['version']} (npm), data/communes.json et data/epci.json",
        "licence": "Licence Ouverte / Open Licence (Etalab) : https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        "producers": "INSEE (Code officiel géographique, populations légales), DGCL (EPCI), La Poste (codes postaux)",
        "departement": arguments.departement,
        "generated_on": datetime.date.today().isoformat(),
        "generated_by": "scripts/build_communes.py",
        "communes": rows,
    }
    target = DATA_DIR / f"communes-{arguments.departement}.json"
    target.write_text(to_json(document), encoding="utf-8")
    print(f"{len(rows)} communes écrites dans {target}")


if __name__ == "__main__":
    main()
