import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import { startSim, TestSim } from './helpers';

// Black-box: Rancher's own endpoints an installed shell meets: extension loading, Norman login, settings.
let t: TestSim;
let dir: string;

/** A build-output folder (files directly in it) and a published package folder (files under `<version>/`). */
function pluginFolders(): { build: string; published: string } {
  const build = join(dir, 'dist-pkg', 'my-ext-0.1.0');
  const published = join(dir, 'other-ext');

  mkdirSync(build, { recursive: true });
  writeFileSync(join(build, 'my-ext-0.1.0.umd.min.js'), 'console.log("my-ext");');
  writeFileSync(join(build, 'my-ext-0.1.0.umd.min.12.js'), '/* chunk */');
  writeFileSync(join(build, 'package.json'), JSON.stringify({ name: 'my-ext', rancher: { annotations: { 'catalog.cattle.io/ui-extensions-version': '>= 3.0.0 < 4.0.0', 'catalog.cattle.io/display-name': 'My extension' } } }));
  mkdirSync(join(published, '1.10.0-dev', 'img'), { recursive: true });
  writeFileSync(join(published, '1.10.0-dev', 'other-ext-1.10.0-dev.umd.min.js'), 'console.log("other");');
  writeFileSync(join(published, '1.10.0-dev', 'img', 'icon.svg'), '<svg/>');

  return { build, published };
}

beforeAll(async() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-plugins-'));
  const { build } = pluginFolders();

  t = await startSim(undefined, 1, { plugins: [build] });
});
afterAll(async() => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/v1/uiplugins', () => {
  it('lists start-up plugins without a session, in Rancher\'s shape, and serves their files', async() => {
    const res = await t.get('/v1/uiplugins', '');
    const entry = (res.body.entries as Record<string, Record<string, unknown>>)['my-ext'];

    expect(res.status).toBe(200);
    expect(entry).toMatchObject({
      name: 'my-ext', version: '0.1.0', noCache: false, metadata: { 'catalog.cattle.io/ui-extensions-version': '>= 3.0.0 < 4.0.0', 'catalog.cattle.io/display-name': 'My extension' }
    });
    expect(entry.endpoint).toBeTruthy();
    const file = await fetch(`${ t.url }/v1/uiplugins/my-ext/0.1.0/plugin/my-ext-0.1.0.umd.min.js`);

    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/javascript');
    expect(await file.text()).toBe('console.log("my-ext");');
    expect((await fetch(`${ t.url }/v1/uiplugins/my-ext/0.1.0/plugin/my-ext-0.1.0.umd.min.12.js`)).status).toBe(200);
    expect((await fetch(`${ t.url }/v1/uiplugins/my-ext/0.1.0/plugin/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${ t.url }/v1/uiplugins/my-ext/9.9.9/plugin/my-ext-0.1.0.umd.min.js`)).status).toBe(404);
  });

  it('adds a package folder at run time (name and version from its entry file) and drops it on DELETE and reset', async() => {
    const { published } = pluginFolders();
    const added = await t.send('POST', '/sim/plugins', { dir: published });

    expect(added.body.plugin).toMatchObject({ name: 'other-ext', version: '1.10.0-dev' });
    const entries = (await t.get('/v1/uiplugins', '')).body.entries as Record<string, { metadata: Record<string, string> }>;

    expect(Object.keys(entries).sort()).toEqual(['my-ext', 'other-ext']);
    expect(entries['other-ext'].metadata['catalog.cattle.io/ui-extensions-version']).toBeTruthy();
    const icon = await fetch(`${ t.url }/v1/uiplugins/other-ext/1.10.0-dev/plugin/img/icon.svg`);

    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    await t.send('DELETE', '/sim/plugins', undefined);
    expect(Object.keys((await t.get('/v1/uiplugins', '')).body.entries as object)).toEqual(['my-ext']);
    await t.send('POST', '/sim/plugins', { dir: published });
    await t.send('POST', '/sim/reset', {});
    expect(Object.keys((await t.get('/v1/uiplugins', '')).body.entries as object)).toEqual(['my-ext']);
    expect((await t.send('POST', '/sim/plugins', { dir: join(dir, 'missing') })).status).toBe(400);
  });
});

describe('Norman login (shells up to Rancher 2.12)', () => {
  it('offers the login action on the local provider and sets R_SESS on a cookie login', async() => {
    const providers = (await t.get('/v3-public/authProviders', '')).body.data as { id: string; type: string; actions: { login: string } }[];

    expect(providers[0]).toMatchObject({
      id: 'local', type: 'localProvider', actions: { login: `${ t.url }/v3-public/localProviders/local?action=login` }
    });
    const res = await fetch(providers[0].actions.login, {
      method: 'POST',
      body:   JSON.stringify({
        username: 'viewer', password: 'viewer', responseType: 'cookie'
      })
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];

    expect(res.status).toBe(200);
    expect(cookie).toMatch(/^R_SESS=token-/);
    expect((await t.send('POST', '/v1/ext.cattle.io.selfuser', {}, cookie)).body.status).toEqual({ userID: 'user-viewer' });
    expect((await t.get('/v3/users?me=true', cookie)).body.data).toEqual([expect.objectContaining({ username: 'viewer', mustChangePassword: false })]);
    const wrong = await fetch(providers[0].actions.login, {
      method: 'POST',
      body:   JSON.stringify({
        username: 'viewer', password: 'x', responseType: 'cookie'
      })
    });

    expect(wrong.status).toBe(401);
  });

  it('keeps /v1-public/login working', async() => {
    expect(await t.login('operator', 'operator')).toMatch(/^R_SESS=token-/);
  });
});

describe('management settings', () => {
  it('has ui-performance empty, like an unset Rancher setting', async() => {
    expect((await t.get('/v1/management.cattle.io.settings/ui-performance')).body).toMatchObject({ value: '' });
  });
});
