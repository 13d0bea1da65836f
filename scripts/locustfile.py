"""Load test (issue 14): anonymous visitors, promeneurs who browse and reply, and the coordinator.

Run by scripts/load-test.sh against gunicorn on 127.0.0.1 (production settings, PostgreSQL,
Redis), on a database filled by ``load_demo`` and ``fill_scale_data`` (accounts echelle-N,
password Promeneur66!). Every request says it came through the TLS proxy
(X-Forwarded-Proto: https), as nginx does in production; the session and CSRF cookies that
production marks Secure are then sent back over the loopback's plain HTTP.
"""

import os
import random
import re

from locust import HttpUser, between, task

PROXY = {"X-Forwarded-Proto": "https"}
PROMENEURS = int(os.environ.get("LOAD_PROMENEURS", "3000"))
PASSWORD = os.environ.get("LOAD_PASSWORD", "Promeneur66!")
COORDINATOR = os.environ.get("LOAD_COORDINATOR", "coordination")
COORDINATOR_PASSWORD = os.environ.get("LOAD_COORDINATOR_PASSWORD", "Coordination66!")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
DISCUSSION = re.compile(r'href="/espace/echanges/(\d+)/"')


class Visitor(HttpUser):
    """Where a young person or a parent goes: home, directory, a sheet, publications, agenda, search."""

    weight = 6
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update(PROXY)

    @task(4)
    def home(self):
        self.client.get("/")

    @task(3)
    def directory(self):
        response = self.client.get("/annuaire/")
        sheets = re.findall(r'href="(/annuaire/[-\w]+/)"', response.text)
        if sheets:
            self.client.get(random.choice(sheets), name="/annuaire/[fiche]/")

    @task(2)
    def publications(self):
        self.client.get("/publications/")

    @task(1)
    def agenda(self):
        self.client.get("/agenda/")

    @task(1)
    def search(self):
        self.client.get("/recherche/", params={"q": random.choice(("jeunes", "harcèlement", "formation"))})


class Member(HttpUser):
    """Logs in, then browses the members' space and posts now and then."""

    abstract = True

    def login(self, username, password):
        self.client.headers.update(PROXY)
        page = self.client.get("/connexion/")
        self.unsecure_cookies()
        with self.client.post(
            "/connexion/",
            {"username": username, "password": password, "csrfmiddlewaretoken": CSRF.search(page.text).group(1)},
            headers={"Referer": self.secure_url("/connexion/"), **PROXY},
            catch_response=True,
        ) as response:
            self.unsecure_cookies()
            if "sessionid" not in self.client.cookies:
                response.failure(f"connexion refusée pour {username}")

    def secure_url(self, address):
        """The address as the browser saw it through the proxy: Django's CSRF check compares the
        Referer of an HTTPS request with the site's HTTPS origin."""
        return self.host.replace("http://", "https://", 1) + address

    def unsecure_cookies(self):
        """Production's cookies are Secure (set again by many responses); the proxy in front would
        carry them over HTTPS: before each request, this client may send them over the loopback."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def get(self, address, **kwargs):
        self.unsecure_cookies()
        return self.client.get(address, **kwargs)

    def post(self, address, data, **kwargs):
        self.unsecure_cookies()
        return self.client.post(address, data, **kwargs)


class Promeneur(Member):
    weight = 3
    wait_time = between(2, 5)

    def on_start(self):
        self.login(f"echelle-{random.randrange(PROMENEURS)}", PASSWORD)

    @task(3)
    def space(self):
        self.get("/espace/")

    @task(2)
    def resources(self):
        self.get("/espace/ressources/")

    def open_a_discussion(self):
        """One of the discussions of the exchanges' list, opened: (its address, its page), or None
        when the list shows none."""
        pks = DISCUSSION.findall(self.get("/espace/echanges/").text)
        if not pks:
            return None
        address = f"/espace/echanges/{random.choice(pks)}/"
        return address, self.get(address, name="/espace/echanges/[discussion]/")

    @task(2)
    def exchanges(self):
        self.open_a_discussion()

    @task(1)
    def directory(self):
        self.get("/espace/annuaire/")

    @task(1)
    def activity(self):
        self.get("/espace/mon-activite/")

    @task(1)
    def reply(self):
        opened = self.open_a_discussion()
        if opened is None:
            return
        address, page = opened
        csrf, token = CSRF.search(page.text), FORM_TOKEN.search(page.text)
        if not (csrf and token):
            return
        self.post(
            f"{address}repondre/",
            {
                "body": "Merci pour ce partage, je note la démarche pour mes permanences.",
                "form_token": token.group(1),
                "csrfmiddlewaretoken": csrf.group(1),
            },
            headers={"Referer": self.secure_url(address), **PROXY},
            name="/espace/echanges/[discussion]/repondre/",
        )


class Coordinator(Member):
    weight = 1
    wait_time = between(3, 6)

    def on_start(self):
        self.login(COORDINATOR, COORDINATOR_PASSWORD)

    @task(2)
    def admin_home(self):
        self.get("/admin/")

    @task(1)
    def dashboard(self):
        self.get("/admin/activite/")

    @task(1)
    def exchanges(self):
        self.get("/espace/echanges/")
