#!/usr/bin/env python3
"""Seed the dev stack for the sharing benchmarks (bench/share-many.js, bench/access.js).

    .venv/bin/python scripts/seed_projects.py        (from the repository root)

Idempotent. As admin (Keystone API) it makes sure that
- projects `bench-p001` ... `bench-p100` exist (the projects to share with; nobody works in them),
- projects `benchshare` and `benchaccess` exist and user `bencher` / `bencher-pass` (the user of
  scripts/seed_bulk.py, created here too if missing) has the `member` role in both;
then, as bencher,
- `benchshare` owns one shared image record `bench-share-one` (members are the benchmark's
  business: bench/share-many.js removes them before and after each run),
- `benchaccess` owns exactly the shared image records `access-001` ... `access-200`, image i
  with the 3 members bench-p(3i mod 100), +1, +2 (pending); only missing records and members
  are created, members of other projects are left alone.
It writes the ids to `.stack/bench-sharing.json` (STACK_DIR to move it) for the benchmarks.
The stack's Glance must allow at least 100 members per image for bench/share-many.js
(`IMAGE_MEMBER_QUOTA=128 scripts/stack.sh start`; the default 6 is what the tests want).

Settings via env: KEYSTONE_URL (…/v3), GLANCE_URL, ADMIN_PASSWORD, WORKERS (default 4).
"""
import json
import os
import sys

import requests

import seed_bulk as sb

PEERS = [f"bench-p{i:03d}" for i in range(1, 101)]
OWNERS = ["benchshare", "benchaccess"]
SHARE_IMAGE = "bench-share-one"
# ACCESS_IMAGES=500 for the "usable with 500 shared images" run (names stay 3 digits up to 999).
ACCESS_IMAGES = [f"access-{i:03d}" for i in range(1, int(os.environ.get("ACCESS_IMAGES", "200")) + 1)]
WORKERS = int(os.environ.get("WORKERS", "4"))
STACK_DIR = os.environ.get("STACK_DIR", os.path.join(os.path.dirname(__file__), "..", ".stack"))


def seed_identity():
    s = requests.Session()
    h = {"X-Auth-Token": sb.token(s, "admin", sb.ADMIN_PASSWORD, "admin"),
         "Accept": "application/json"}

    def get(path, **params):
        r = s.get(f"{sb.KEYSTONE_URL}{path}", headers=h, params=params, timeout=sb.TIMEOUT)
        if r.status_code != 200:
            sb.fail(r, f"GET {path}")
        return r.json()

    def create(coll, key, body):
        r = s.post(f"{sb.KEYSTONE_URL}/{coll}", headers=h, json={key: body}, timeout=sb.TIMEOUT)
        if r.status_code != 201:
            sb.fail(r, f"create {key} {body.get('name')}")
        print(f"created {key} {body['name']}")
        return r.json()[key]["id"]

    # One listing for all: 102 lookups by name would be 102 Keystone calls.
    existing = {p["name"]: p["id"] for p in get("/projects", domain_id=sb.DOMAIN)["projects"]}
    ids = {}
    for name in PEERS + OWNERS:
        ids[name] = existing.get(name) or create(
            "projects", "project", {"name": name, "domain_id": sb.DOMAIN, "enabled": True,
                                    "description": "sharing benchmark (scripts/seed_projects.py)"})
    found = get("/users", name=sb.USER, domain_id=sb.DOMAIN)["users"]
    user_id = found[0]["id"] if found else create(
        "users", "user", {"name": sb.USER, "domain_id": sb.DOMAIN, "password": sb.USER_PASS,
                          "enabled": True})
    roles = get("/roles", name="member")["roles"]
    if not roles:
        sys.exit("seed_projects: role 'member' not found")
    for name in OWNERS:
        r = s.put(f"{sb.KEYSTONE_URL}/projects/{ids[name]}/users/{user_id}/roles/{roles[0]['id']}",
                  headers=h, timeout=sb.TIMEOUT)
        if r.status_code not in (200, 204):
            sb.fail(r, "role grant")
    return ids


def owned_by_name(s, h, project_id):
    return {name: image_id for image_id, name in sb.owned(s, h, project_id)}


def ensure_images(owner, project_id, names):
    """Makes `owner` own a shared image record of each name; returns name -> id."""
    s = requests.Session()
    tok = sb.token(s, sb.USER, sb.USER_PASS, owner)
    h = {"X-Auth-Token": tok, "Accept": "application/json"}
    have = owned_by_name(s, h, project_id)
    missing = [n for n in names if n not in have]
    print(f"{owner}: owns {len(have)} images, creating {len(missing)}", flush=True)

    def create(name):
        body = {"name": name, "visibility": "shared", "disk_format": "raw",
                "container_format": "bare"}

        def exists():
            r = sb.session().get(f"{sb.GLANCE_URL}/v2/images", headers=h, timeout=sb.TIMEOUT,
                                 params={"owner": project_id, "name": name, "limit": 1})
            return r.status_code == 200 and bool(r.json()["images"])

        return sb.with_retries(f"create image {name}", lambda: sb.session().post(
            f"{sb.GLANCE_URL}/v2/images", headers=h, json=body, timeout=sb.TIMEOUT), exists)

    sb.run_pool(f"{owner} create", create, [(n,) for n in missing], WORKERS)
    have = owned_by_name(s, h, project_id)
    return tok, {n: have[n] for n in names}


def ensure_members(tok, images, peers):
    """Image i (1-based, in order) gets the members peers[3i % 100 .. +2]."""
    h = {"X-Auth-Token": tok, "Accept": "application/json"}
    todo = []
    for i, (name, image_id) in enumerate(images.items(), start=1):
        r = sb.session().get(f"{sb.GLANCE_URL}/v2/images/{image_id}/members", headers=h,
                             timeout=sb.TIMEOUT)
        if r.status_code != 200:
            sb.fail(r, f"members of {name}")
        have = {m["member_id"] for m in r.json()["members"]}
        for k in range(3):
            member = peers[(3 * i + k) % len(peers)]
            if member not in have:
                todo.append((image_id, member))
    print(f"benchaccess: adding {len(todo)} members", flush=True)

    def add(image_id, member):
        url = f"{sb.GLANCE_URL}/v2/images/{image_id}/members"

        def there():
            r = sb.session().get(f"{url}/{member}", headers=h, timeout=sb.TIMEOUT)
            return r.status_code == 200

        return sb.with_retries(f"add {member} to {image_id}", lambda: sb.session().post(
            url, headers=h, json={"member": member}, timeout=sb.TIMEOUT), there)

    sb.run_pool("benchaccess members", add, todo, WORKERS)


def main():
    ids = seed_identity()
    peers = [ids[p] for p in PEERS]
    _, share = ensure_images("benchshare", ids["benchshare"], [SHARE_IMAGE])
    tok, access = ensure_images("benchaccess", ids["benchaccess"], ACCESS_IMAGES)
    ensure_members(tok, access, peers)
    out = {"peers": peers, "share_project": ids["benchshare"], "share_image": share[SHARE_IMAGE],
           "access_project": ids["benchaccess"], "access_images": len(access)}
    os.makedirs(STACK_DIR, exist_ok=True)
    path = os.path.join(STACK_DIR, "bench-sharing.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(f"wrote {path}: {len(peers)} peer projects, share image {out['share_image']}, "
          f"{len(access)} access images")


if __name__ == "__main__":
    main()
