// What the dev stack seeded (scripts/seed.py writes .stack/seed.json), and a direct API
// client: the second, independent view of what Keystone and Glance really hold.
const fs = require('fs');
const path = require('path');

const STACK_DIR = process.env.STACK_DIR || path.resolve(__dirname, '../../../.stack');
const seed = JSON.parse(fs.readFileSync(path.join(STACK_DIR, 'seed.json'), 'utf8'));
const KEYSTONE = seed.keystone_url; // ends with /v3
const GLANCE = seed.glance_url;

/** Password login straight at Keystone; returns { token, body }. */
async function keystoneLogin(user, password, project) {
  const auth = {
    identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password } } },
  };
  if (project) auth.scope = { project: { name: project, domain: { name: 'Default' } } };
  const res = await fetch(`${KEYSTONE}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth }),
  });
  if (res.status !== 201) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
  return { token: res.headers.get('x-subject-token'), body: await res.json() };
}

/** A seeded user's token, scoped to a project (default: their first). */
async function tokenFor(name, project) {
  const u = seed.users[name];
  return (await keystoneLogin(u.name, u.password, project || u.projects[0])).token;
}

/** Calls Glance directly; returns { status, json }. */
async function glance(token, method, urlPath, body, contentType = 'application/json') {
  const res = await fetch(`${GLANCE}${urlPath}`, {
    method,
    headers: { 'X-Auth-Token': token, Accept: 'application/json', ...(body ? { 'Content-Type': contentType } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (_) { json = text; }
  return { status: res.status, json };
}

/** Calls Keystone directly with a token; returns { status, json }. */
async function keystone(token, method, urlPath, body) {
  const res = await fetch(`${KEYSTONE}${urlPath}`, {
    method,
    headers: { 'X-Auth-Token': token, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (_) { json = text; }
  return { status: res.status, json };
}

/**
 * Creates a private image straight at Glance (raw/bare unless `fields` say otherwise) and, when
 * `data` is given, uploads it; returns the id. Fails the test if Glance refuses.
 */
async function createImage(token, name, data, fields = {}) {
  const r = await glance(token, 'POST', '/v2/images', { name, visibility: 'private', disk_format: 'raw', container_format: 'bare', ...fields });
  if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${JSON.stringify(r.json)}`);
  if (data) {
    const put = await fetch(`${GLANCE}/v2/images/${r.json.id}/file`, {
      method: 'PUT', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream' }, body: data,
    });
    if (put.status !== 204) throw new Error(`upload ${name}: ${put.status} ${await put.text()}`);
  }
  return r.json.id;
}

/**
 * A project id of the shape Keystone makes (32 hexadecimal digits) that no project has: Glance
 * takes any member id, so tests of quotas and concurrency add these. (An entry of another
 * shape makes the app ask "Add anyway?" first.)
 */
function unusedProjectId() {
  return require('crypto').randomBytes(16).toString('hex');
}

/**
 * Images a spec makes as `user` (named `<prefix>-<time>`, data-less unless `fields` says
 * otherwise) and deletes in its afterAll: `const made = madeBy('alice'); test.afterAll(made.removeAll);`.
 */
function madeBy(user) {
  const ids = [];
  return {
    async image(prefix, fields = {}) {
      const name = `${prefix}-${Date.now()}`;
      const id = await createImage(await tokenFor(user), name, null, fields);
      ids.push(id);
      return { id, name };
    },
    async removeAll() {
      const token = await tokenFor(user);
      for (const id of ids) await glance(token, 'DELETE', `/v2/images/${id}`);
    },
  };
}

module.exports = { seed, KEYSTONE, GLANCE, keystoneLogin, tokenFor, glance, keystone, createImage, madeBy, unusedProjectId };
