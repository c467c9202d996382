#!/usr/bin/env python3
"""Seed the dev stack with many image records for the catalog benchmark (bench/catalog.js).

    .venv/bin/python scripts/seed_bulk.py        (from the repository root)

Idempotent. As admin (Keystone API) it makes sure projects `bench100` and `bench10k` exist and
user `bencher` / `bencher-pass` has the `member` role in both; then, as bencher scoped to each
project, it counts the images the project owns (paged listing) and creates only the missing
image records (`bench-00001`, ...: private, qcow2/bare, no data, so they stay `queued`) until
the project owns exactly 100 resp. 10,000 (surplus `bench-NNNNN` records left by an interrupted
run are deleted first, one at a time). Creation runs in a thread pool, one requests.Session per
thread; a create that fails with a 5xx is retried only if no image of that name exists yet
(glance on sqlite answers 500 "database is locked" under concurrent writes, sometimes after the
image row was committed). Touches nothing else (seed.json is not written).

Settings via env: KEYSTONE_URL (…/v3), GLANCE_URL, ADMIN_PASSWORD, WORKERS (default 8).
"""
import os
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

import requests

# With or without /v3: scripts/env.sh exports it without (as bench/catalog.js takes it).
KEYSTONE_URL = os.environ.get("KEYSTONE_URL", "http://127.0.0.1:5000").rstrip("/").removesuffix("/v3") + "/v3"
GLANCE_URL = os.environ.get("GLANCE_URL", "http://127.0.0.1:9292").rstrip("/")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin-pass")
WORKERS = int(os.environ.get("WORKERS", "8"))  # glance here serves 4 threads; more only queue
DOMAIN = "default"
USER, USER_PASS = "bencher", "bencher-pass"
TARGETS = {"bench100": 100, "bench10k": 10_000}
TIMEOUT = 60


def fail(resp, what):
    sys.exit(f"seed_bulk: {what} failed: {resp.status_code} {resp.text[:500]}")


def token(s, user, pw, project):
    body = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": user, "domain": {"id": DOMAIN}, "password": pw}}},
        "scope": {"project": {"name": project, "domain": {"id": DOMAIN}}}}}
    r = s.post(f"{KEYSTONE_URL}/auth/tokens", json=body, timeout=TIMEOUT)
    if r.status_code != 201:
        fail(r, f"login {user}@{project}")
    return r.headers["X-Subject-Token"]


def seed_identity():
    s = requests.Session()
    h = {"X-Auth-Token": token(s, "admin", ADMIN_PASSWORD, "admin"), "Accept": "application/json"}

    def get(path, **params):
        r = s.get(f"{KEYSTONE_URL}{path}", headers=h, params=params, timeout=TIMEOUT)
        if r.status_code != 200:
            fail(r, f"GET {path}")
        return r.json()

    def create(coll, key, body):
        r = s.post(f"{KEYSTONE_URL}/{coll}", headers=h, json={key: body}, timeout=TIMEOUT)
        if r.status_code != 201:
            fail(r, f"create {key} {body.get('name')}")
        print(f"created {key} {body['name']}")
        return r.json()[key]["id"]

    projects = {}
    for name in TARGETS:
        found = get("/projects", name=name, domain_id=DOMAIN)["projects"]
        projects[name] = found[0]["id"] if found else create(
            "projects", "project", {"name": name, "domain_id": DOMAIN, "enabled": True,
                                    "description": "catalog benchmark (scripts/seed_bulk.py)"})
    found = get("/users", name=USER, domain_id=DOMAIN)["users"]
    user_id = found[0]["id"] if found else create(
        "users", "user", {"name": USER, "domain_id": DOMAIN, "password": USER_PASS, "enabled": True})
    roles = get("/roles", name="member")["roles"]
    if not roles:
        sys.exit("seed_bulk: role 'member' not found")
    role_id = roles[0]["id"]
    for pid in projects.values():
        r = s.put(f"{KEYSTONE_URL}/projects/{pid}/users/{user_id}/roles/{role_id}",
                  headers=h, timeout=TIMEOUT)
        if r.status_code not in (200, 204):
            fail(r, "role grant")
    return projects


NAME_RE = re.compile(r"^bench-\d{5}$")


def owned(s, h, project_id):
    """(id, name) of every live image the project owns, oldest first (paged, own marker)."""
    out, marker = [], None
    while True:
        params = {"owner": project_id, "limit": 1000, "sort_key": "created_at", "sort_dir": "asc"}
        if marker:
            params["marker"] = marker
        r = s.get(f"{GLANCE_URL}/v2/images", headers=h, params=params, timeout=TIMEOUT)
        if r.status_code != 200:
            fail(r, "list images")
        page = r.json()["images"]
        out += [(i["id"], i["name"]) for i in page if i["status"] != "deleted"]
        stuck = sum(1 for i in page if i["status"] == "deleted")
        if stuck:
            print(f"  warning: {stuck} image(s) stuck in status 'deleted' (glance left them half-"
                  f"deleted; they still list but the API cannot remove them); not counted")
        if not page or "next" not in r.json():
            return out
        marker = page[-1]["id"]


_local = threading.local()


def session():
    s = getattr(_local, "s", None)
    if s is None:
        s = _local.s = requests.Session()
    return s


def with_retries(what, call, already_done):
    """call() -> response. A 5xx or a dropped connection may still have done the work (glance
    commits the image before later steps), so ask already_done() before trying again."""
    err = None
    for attempt in range(6):
        try:
            r = call()
        except requests.RequestException as e:
            err = repr(e)
        else:
            if r.status_code < 300:
                return attempt
            if r.status_code < 500:
                fail(r, what)
            err = f"{r.status_code} {r.text[:200]}"
        time.sleep(0.3 * (attempt + 1))
        if already_done():
            return attempt + 1
    sys.exit(f"seed_bulk: {what} failed: {err}")


def create_image(tok, project_id, name):
    s = session()
    h = {"X-Auth-Token": tok, "Accept": "application/json"}
    # No tags or extra properties: each is another sqlite write after the image row is
    # committed, and under load those failed with "database is locked" (500, image left behind).
    body = {"name": name, "visibility": "private", "disk_format": "qcow2",
            "container_format": "bare"}

    def exists():
        r = s.get(f"{GLANCE_URL}/v2/images", headers=h, timeout=TIMEOUT,
                  params={"owner": project_id, "name": name, "limit": 1})
        return r.status_code == 200 and bool(r.json()["images"])

    return with_retries(f"create image {name}",
                        lambda: s.post(f"{GLANCE_URL}/v2/images", headers=h, json=body,
                                       timeout=TIMEOUT), exists)


def delete_image(tok, image_id):
    s = session()
    h = {"X-Auth-Token": tok, "Accept": "application/json"}
    url = f"{GLANCE_URL}/v2/images/{image_id}"

    def gone():
        r = s.get(url, headers=h, timeout=TIMEOUT)
        if r.status_code == 200 and r.json().get("status") == "deleted":
            print(f"  warning: image {image_id} stuck in status 'deleted' (still listed)")
            return True
        return r.status_code == 404

    return with_retries(f"delete image {image_id}",
                        lambda: s.delete(url, headers=h, timeout=TIMEOUT), gone)


def run_pool(label, fn, args, workers):
    if not args:
        return
    t0 = time.monotonic()
    done = retries = 0
    step = max(len(args) // 10, 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for f in as_completed([pool.submit(fn, *a) for a in args]):
            retries += f.result()
            done += 1
            if done % step == 0 or done == len(args):
                dt = time.monotonic() - t0
                print(f"  {label}: {done}/{len(args)} in {dt:.1f} s ({done / dt:.0f}/s, "
                      f"{retries} retried)", flush=True)


def seed_images(project, project_id, target):
    s = requests.Session()
    tok = token(s, USER, USER_PASS, project)
    h = {"X-Auth-Token": tok, "Accept": "application/json"}
    images = owned(s, h, project_id)
    wanted = {f"bench-{i:05d}" for i in range(1, target + 1)}
    # Surplus from an earlier interrupted or failed run: a second image with the same bench
    # name, or a bench name past the target. Only bench-NNNNN images are ever deleted.
    seen, surplus = set(), []
    for image_id, name in images:
        if NAME_RE.match(name or "") and (name in seen or name not in wanted):
            surplus.append(image_id)
        seen.add(name)
    if surplus:
        print(f"{project}: owns {len(images)}, deleting {len(surplus)} surplus bench images")
        # One at a time: a delete is several sqlite transactions in glance, and one that fails
        # half-way ("database is locked") leaves an image in status `deleted` that still lists
        # and can be neither deleted again nor repaired through the API.
        run_pool(f"{project} delete", lambda i: delete_image(tok, i), [(i,) for i in surplus], 1)
    count = len(images) - len(surplus)
    missing = sorted(wanted - seen)[:max(target - count, 0)]
    print(f"{project}: owns {count}, creating {len(missing)} with {WORKERS} workers", flush=True)
    run_pool(f"{project} create", lambda n: create_image(tok, project_id, n), [(n,) for n in missing],
             WORKERS)
    final = len(owned(s, h, project_id))
    print(f"{project}: now owns {final} images" + ("" if final == target else f" (target {target})"))
    return final


def main():
    projects = seed_identity()
    for name, target in TARGETS.items():
        seed_images(name, projects[name], target)
    for name, pid in projects.items():
        print(f"project {name}: {pid}")


if __name__ == "__main__":
    main()
