const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const SH = seed.images['alpha-shared-with-beta'];
const dup = (j) => { j.images = [...j.images, ...j.images]; return j; };
const CASES = {
  image: {
    url: new RegExp(`/v2/images/${SH}$`), start: `/images/${SH}`,
    muts: {
      arr: () => [], nul: () => null, str: () => 'hello', empty: () => ({}),
      sizes: (j) => Object.assign(j, { size: -1, virtual_size: 'NaN', min_disk: -1, min_ram: 1e20 }),
      bigsize: (j) => Object.assign(j, { size: 1e308, virtual_size: 1.5 }),
      names: (j) => Object.assign(j, { name: null }),
      names2: (j) => Object.assign(j, { name: '\u200b\u202e<script>alert(1)</script>😀' + 'x'.repeat(3000) }),
      enums: (j) => Object.assign(j, { status: 'weird', visibility: 'weird', protected: 'yes', os_hidden: 3 }),
      tags: (j) => Object.assign(j, { tags: [null, 5, {}, 'ok', 'ok'] }),
      tagsstr: (j) => Object.assign(j, { tags: 'a,b' }),
      dates: (j) => Object.assign(j, { created_at: 'garbage', updated_at: '+275760-09-13T00:00:00Z' }),
      dates2: (j) => Object.assign(j, { created_at: '-000001-01-01T00:00:00Z', updated_at: '9999-12-31T23:59:60Z' }),
      hashes: (j) => Object.assign(j, { checksum: {}, os_hash_algo: 'md5', os_hash_value: 123 }),
      owner: (j) => Object.assign(j, { owner: null }),
      urls: (j) => Object.assign(j, { self: 'javascript:alert(1)', file: 'javascript:alert(1)', schema: 'javascript:alert(1)', direct_url: 'javascript:alert(1)', locations: 'x', stores: 5 }),
      props: (j) => Object.assign(j, { '': 'empty key', nested: { a: [1, 2] }, big: 'y'.repeat(200000), arr: [1, 2], num: 1e300, bool: true, nil: null, 'k\u0000z': 'nul' }),
      manyprops: (j) => { for (let i = 0; i < 2000; i++) j[`p${i}`] = `v${i}`; return j; },
    },
  },
  members: {
    url: new RegExp(`/v2/images/${SH}/members$`), start: `/images/${SH}`,
    muts: {
      nul: () => ({ members: null }), obj: () => ({ members: {} }), str: () => ({ members: 'x' }), empty: () => ({}), arr: () => [],
      odd: (j) => ({ members: [{ member_id: null, status: 'pending', image_id: SH }, { member_id: '<b>x</b>', status: 'weird', created_at: 'x', updated_at: null, image_id: SH }, { member_id: 5, image_id: SH }] }),
      dup: (j) => ({ members: [...j.members, ...j.members] }),
      many: (j) => ({ members: Array.from({ length: 1500 }, (_, i) => ({ ...j.members[0], member_id: i.toString(16).padStart(32, '0') })) }),
    },
  },
  list: {
    url: /\/v2\/images\?owner=/, start: '/images',
    muts: {
      nul: () => ({ images: null }), obj: () => ({ images: {} }), empty: () => ({}), arr: () => [],
      next: (j) => Object.assign(j, { next: 123, first: null }),
      nextjs: (j) => Object.assign(j, { next: 'javascript:alert(1)' }),
      dup, ids: (j) => { j.images[0].id = 5; j.images[1].id = null; return j; },
      sameid: (j) => { for (const i of j.images) i.id = j.images[0].id; return j; },
      many: (j) => { const b = j.images[0]; j.images = Array.from({ length: 3000 }, (_, i) => ({ ...b, id: `00000000-0000-0000-0000-${i.toString().padStart(12, '0')}`, name: `n${i}` })); return j; },
    },
  },
  invitations: {
    url: /member_status=pending&limit=25/, start: '/images?view=invitations', user: 'bob',
    muts: { dup, sameid: (j) => { for (const i of j.images) i.id = j.images[0].id; return j; }, nul: () => ({ images: null }) },
  },
  projects: {
    url: /\/v3\/auth\/projects/, start: '/images', user: 'dave',
    muts: {
      nul: () => ({ projects: null }), empty: () => ({}),
      odd: (j) => ({ projects: [{ id: null, name: null }, { id: 5 }, ...j.projects, ...j.projects] }),
      many: (j) => ({ projects: Array.from({ length: 2000 }, (_, i) => ({ id: i.toString(16).padStart(32, '0'), name: `p${i}`, domain_id: 'default', enabled: true })) }),
      noalpha: (j) => ({ projects: j.projects.filter((p) => p.name !== 'alpha') }),
    },
  },
  importinfo: {
    url: /\/v2\/info\/import/, start: '/images/new',
    muts: { nul: () => null, odd: () => ({ 'import-methods': { value: null } }), odd2: () => ({ 'import-methods': { value: [5, null, 'web-download', 'web-download', 'zzz'] } }) },
  },
};
for (const [target, c] of Object.entries(CASES)) {
  for (const [mname, mut] of Object.entries(c.muts)) {
    test(`${target} × ${mname}`, async ({ page }) => {
      const errors = watchErrors(page);
      await loginAs(page, c.user || 'alice');
      await page.route(c.url, async (route) => {
        if (route.request().method() !== 'GET') return route.fallback();
        const response = await route.fetch();
        let j; try { j = await response.json(); } catch { j = null; }
        await route.fulfill({ response, body: JSON.stringify(mut(j)), contentType: 'application/json' });
      });
      await page.goto(c.start);
      await page.waitForTimeout(2500);
      const main = (await page.locator('#main').innerText().catch(() => '(no main)')).replace(/\s+/g, ' ');
      const alerts = await page.locator('[role=alert], .error-message').allInnerTexts();
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(`## ${target} × ${mname}: width=${w} alerts=${JSON.stringify(alerts).slice(0, 300)}\n   main=${main.slice(0, 250)}\n   errors=${JSON.stringify(errors).slice(0, 300)}`);
    });
  }
}
