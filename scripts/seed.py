#!/usr/bin/env python3
"""Seed the local dev/test Keystone + Glance with demo projects, users and images.

Run by scripts/stack.sh on first start; safe to run again (looks things up before
creating them). Plain HTTP with `requests`, no openstack CLI (too slow).

    seed.py identity   # Keystone only: projects, users, roles, glance service user + endpoint
    seed.py images     # Glance images (needs Glance up), then writes $STACK_DIR/seed.json
                       # (reuses ids from $STACK_DIR/seed-identity.json if the identity
                       # phase wrote it; otherwise redoes the identity phase)
    seed.py all        # both (default)

Settings via env: KEYSTONE_URL (…/v3), GLANCE_URL, STACK_DIR, ADMIN_PASSWORD,
GLANCE_SERVICE_PASSWORD, REGION.
"""
import json
import os
import subprocess
import sys
import tempfile

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
KEYSTONE_URL = os.environ.get("KEYSTONE_URL", "http://127.0.0.1:5000/v3").rstrip("/")
GLANCE_URL = os.environ.get("GLANCE_URL", "http://127.0.0.1:9292").rstrip("/")
STACK_DIR = os.environ.get("STACK_DIR", os.path.join(os.path.dirname(HERE), ".stack"))
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin-pass")
GLANCE_SERVICE_PASSWORD = os.environ.get("GLANCE_SERVICE_PASSWORD", "glance-pass")
REGION = os.environ.get("REGION", "RegionOne")
DOMAIN = "default"  # id of domain "Default"
IDENTITY_CACHE = os.path.join(STACK_DIR, "seed-identity.json")

PROJECTS = ["alpha", "beta", "gamma", "service"]
USERS = {  # name -> projects where the user has the member role
    "alice": ["alpha"],
    "bob": ["beta"],
    "carol": ["gamma"],
    "dave": ["alpha", "beta"],
}
# name -> spec. "as": who creates it ("admin" is needed to make an image public).
IMAGES = [
    dict(name="alpha-cirros", project="alpha", user="alice", visibility="private",
         disk_format="qcow2", data="qcow2", tags=["demo", "cirros", "linux"],
         props={"os_distro": "cirros", "os_version": "0.6.2", "demo_note": "small test image"}),
    dict(name="alpha-raw-disk", project="alpha", user="alice", visibility="private",
         disk_format="raw", data="raw", tags=["demo", "raw"],
         props={"demo_note": "1 MiB raw disk", "hw_disk_bus": "virtio"}),
    dict(name="alpha-shared-with-beta", project="alpha", user="alice", visibility="shared",
         disk_format="qcow2", data="qcow2", tags=["demo", "shared"],
         props={"os_distro": "debian", "demo_note": "shared with beta (pending)"},
         members=["beta"]),
    dict(name="alpha-public-tools", project="alpha", user="admin", visibility="public",
         disk_format="qcow2", data="qcow2", tags=["demo", "public", "tools"],
         props={"os_distro": "alpine", "demo_note": "public, owned by alpha"}),
    dict(name="alpha-no-data", project="alpha", user="alice", visibility="private",
         disk_format="qcow2", data=None, tags=["demo", "queued"],
         props={"demo_note": "no data uploaded (queued)"}),
    dict(name="beta-private", project="beta", user="bob", visibility="private",
         disk_format="qcow2", data="qcow2", tags=["demo", "beta"],
         props={"os_distro": "ubuntu", "demo_note": "private to beta"}),
]

S = requests.Session()
TIMEOUT = 30


def password(user):
    return ADMIN_PASSWORD if user == "admin" else f"{user}-pass"


def fail(resp, what):
    sys.exit(f"seed: {what} failed: {resp.status_code} {resp.text[:500]}")


def token(user, project):
    body = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": user, "domain": {"id": DOMAIN}, "password": password(user)}}},
        "scope": {"project": {"name": project, "domain": {"id": DOMAIN}}}}}
    r = S.post(f"{KEYSTONE_URL}/auth/tokens", json=body, timeout=TIMEOUT)
    if r.status_code != 201:
        fail(r, f"login {user}@{project}")
    return r.headers["X-Subject-Token"]


class Keystone:
    def __init__(self, tok):
        self.h = {"X-Auth-Token": tok, "Accept": "application/json"}

    def get(self, path, **params):
        r = S.get(f"{KEYSTONE_URL}{path}", headers=self.h, params=params, timeout=TIMEOUT)
        if r.status_code != 200:
            fail(r, f"GET {path}")
        return r.json()

    def create(self, coll, key, body):
        r = S.post(f"{KEYSTONE_URL}/{coll}", headers=self.h, json={key: body}, timeout=TIMEOUT)
        if r.status_code != 201:
            fail(r, f"create {key} {body.get('name', '')}")
        return r.json()[key]["id"]

    def grant(self, project_id, user_id, role_id):
        r = S.put(f"{KEYSTONE_URL}/projects/{project_id}/users/{user_id}/roles/{role_id}",
                  headers=self.h, timeout=TIMEOUT)
        if r.status_code not in (200, 204):
            fail(r, "role grant")


def seed_identity():
    # Few requests on purpose (each costs 100-200 ms on a busy machine): list once, create
    # only what is missing.
    ks = Keystone(token("admin", "admin"))
    created = []
    existing = {p["name"]: p["id"] for p in ks.get("/projects", domain_id=DOMAIN)["projects"]}
    projects = {}
    for p in PROJECTS:
        if p not in existing:
            existing[p] = ks.create("projects", "project", {
                "name": p, "domain_id": DOMAIN, "enabled": True,
                "description": f"demo project {p}"})
            created.append(f"project {p}")
        projects[p] = existing[p]
    existing = {r["name"]: r["id"] for r in ks.get("/roles")["roles"]}
    roles = {}
    for role in ("member", "admin", "reader"):  # bootstrap normally made them all
        if role not in existing:
            existing[role] = ks.create("roles", "role", {"name": role})
            created.append(f"role {role}")
        roles[role] = existing[role]
    existing = {u["name"]: u["id"] for u in ks.get("/users", domain_id=DOMAIN)["users"]}
    users = {}
    for u in list(USERS) + ["glance"]:
        if u not in existing:
            pw = GLANCE_SERVICE_PASSWORD if u == "glance" else password(u)
            existing[u] = ks.create("users", "user", {
                "name": u, "domain_id": DOMAIN, "password": pw, "enabled": True})
            created.append(f"user {u}")
        users[u] = existing[u]
    have = {(a["scope"]["project"]["id"], a["user"]["id"], a["role"]["id"])
            for a in ks.get("/role_assignments")["role_assignments"]
            if "project" in a.get("scope", {}) and "user" in a}
    want = [(projects[p], users[u], roles["member"]) for u, ps in USERS.items() for p in ps]
    want.append((projects["service"], users["glance"], roles["admin"]))
    for grant in want:
        if grant not in have:
            ks.grant(*grant)
            created.append("grant")
    users.pop("glance")
    # Image service + public endpoint (Glance's auth middleware needs the catalog entry).
    services = ks.get("/services", type="image")["services"]
    if services:
        sid = services[0]["id"]
    else:
        sid = ks.create("services", "service", {
            "name": "glance", "type": "image", "description": "OpenStack Image", "enabled": True})
        created.append("service glance (image)")
    eps = ks.get("/endpoints", service_id=sid, interface="public")["endpoints"]
    eps = [e for e in eps if e.get("region_id") == REGION]
    if not eps:
        ks.create("endpoints", "endpoint", {
            "service_id": sid, "interface": "public", "region_id": REGION,
            "url": GLANCE_URL, "enabled": True})
        created.append(f"endpoint image public {GLANCE_URL}")
    elif eps[0]["url"].rstrip("/") != GLANCE_URL:
        r = S.patch(f"{KEYSTONE_URL}/endpoints/{eps[0]['id']}", headers=ks.h, timeout=TIMEOUT,
                    json={"endpoint": {"url": GLANCE_URL}})
        if r.status_code != 200:
            fail(r, "update image endpoint")
        created.append(f"endpoint image public -> {GLANCE_URL}")
    n = created.count("grant")
    created = [c for c in created if c != "grant"] + ([f"{n} role grants"] if n else [])
    print(f"seed identity: {', '.join(created) if created else 'nothing new'}")
    with open(IDENTITY_CACHE, "w") as f:
        json.dump({"projects": projects, "users": users}, f)
    return projects, users


def make_data(kind, tmp):
    path = os.path.join(tmp, f"disk.{kind}")
    if not os.path.exists(path):
        size = "64M" if kind == "qcow2" else "1M"
        subprocess.run(["qemu-img", "create", "-q", "-f", kind, path, size], check=True)
    return path


class Glance:
    def __init__(self, tok):
        self.h = {"X-Auth-Token": tok, "Accept": "application/json"}

    def req(self, method, path, ok, what, **kw):
        headers = dict(self.h, **kw.pop("headers", {}))
        r = S.request(method, f"{GLANCE_URL}{path}", headers=headers, timeout=120, **kw)
        if r.status_code not in ok:
            fail(r, what)
        return r


def seed_images(projects):
    tokens = {}

    def glance_as(user, project):
        if (user, project) not in tokens:
            tokens[(user, project)] = token(user, project)
        return Glance(tokens[(user, project)])

    admin = glance_as("admin", "admin")
    images = {}
    done = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec in IMAGES:
            name, owner = spec["name"], projects[spec["project"]]
            gl = admin if spec["user"] == "admin" else glance_as(spec["user"], spec["project"])
            found = admin.req("GET", "/v2/images", (200,), f"look up {name}",
                              params={"name": name, "owner": owner, "visibility": "all"}
                              ).json()["images"]
            img = None
            for cand in found:
                want_status = "active" if spec["data"] else "queued"
                if cand["status"] in (want_status, "queued"):
                    img = cand
                else:  # broken leftover (killed/saving/...): replace it
                    admin.req("DELETE", f"/v2/images/{cand['id']}", (204, 404), f"delete {name}")
            if img is None:
                body = {"name": name, "visibility": spec["visibility"],
                        "disk_format": spec["disk_format"], "container_format": "bare",
                        "tags": spec["tags"], **spec["props"]}
                if spec["user"] == "admin":
                    body["owner"] = owner
                img = gl.req("POST", "/v2/images", (201,), f"create {name}", json=body).json()
                done.append(f"created {name}")
            if spec["data"] and img["status"] == "queued":
                with open(make_data(spec["data"], tmp), "rb") as f:
                    gl.req("PUT", f"/v2/images/{img['id']}/file", (204,), f"upload {name}",
                           data=f, headers={"Content-Type": "application/octet-stream"})
                done.append(f"uploaded {name}")
            for member in spec.get("members", []):
                mid = projects[member]
                r = gl.req("GET", f"/v2/images/{img['id']}/members/{mid}", (200, 404),
                           f"get member {member} of {name}")
                if r.status_code == 404:
                    gl.req("POST", f"/v2/images/{img['id']}/members", (200,),
                           f"add member {member} to {name}", json={"member": mid})
                    done.append(f"shared {name} with {member}")
            images[name] = img["id"]
    print(f"seed images: {', '.join(done) if done else 'nothing new'}")
    return images


def write_seed_json(projects, users, images):
    data = {
        "keystone_url": KEYSTONE_URL,
        "glance_url": GLANCE_URL,
        "region": REGION,
        "domain": "Default",
        "admin": {"username": "admin", "password": ADMIN_PASSWORD, "project": "admin",
                  "domain": "Default"},
        "service_user": {"username": "glance", "password": GLANCE_SERVICE_PASSWORD,
                         "project": "service", "role": "admin"},
        "users": {u: {"name": u, "id": users[u], "password": password(u), "projects": projs}
                  for u, projs in USERS.items()},
        "projects": projects,
        "images": images,
    }
    path = os.path.join(STACK_DIR, "seed.json")
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)
    return path


def main():
    phase = sys.argv[1] if len(sys.argv) > 1 else "all"
    if phase not in ("identity", "images", "all"):
        sys.exit("usage: seed.py [identity|images|all]")
    if phase == "images" and os.path.exists(IDENTITY_CACHE):
        # ids from the identity phase run just before (saves a round of Keystone calls)
        with open(IDENTITY_CACHE) as f:
            cached = json.load(f)
        projects, users = cached["projects"], cached["users"]
    else:
        projects, users = seed_identity()
    if phase == "identity":
        return
    images = seed_images(projects)
    path = write_seed_json(projects, users, images)
    if os.path.exists(IDENTITY_CACHE):
        os.remove(IDENTITY_CACHE)  # only meant to bridge "identity" -> "images" in one start
    print("seeded: projects " + ", ".join(f"{k}={v}" for k, v in projects.items()))
    for u, projs in USERS.items():
        print(f"  user {u} / {password(u)} -> {', '.join(projs)}")
    for name, iid in images.items():
        print(f"  image {name} = {iid}")
    print(f"  written {path}")


if __name__ == "__main__":
    main()
