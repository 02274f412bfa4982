import { Page } from '@playwright/test';
import { test, expect, loginByCookie, CLUSTER } from './fixtures';
import { fillDocsExample } from './pages';

/**
 * What an admin never sees but the browser tells: no Vue warning from any page of ours, and each page laid out in the
 * shell's padded outlet, its content clear of the side nav and of the window's edges.
 */
const PAGES: { name: string; path: string; ready: string }[] = [
  {
    name: 'overview', path: '/c/_/migration-networks', ready: 'vmmn-fleet-state-harv3'
  },
  {
    name: 'settings list', path: `/c/${ CLUSTER }/migration-networks/settings`, ready: 'vmmn-settings-list'
  },
  {
    name: 'editor', path: `/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`, ready: 'vmmn-editor'
  },
  {
    name: 'another setting', path: `/c/${ CLUSTER }/migration-networks/settings/storage-network`, ready: 'vmmn-setting-other'
  },
  {
    name: 'health', path: `/c/${ CLUSTER }/migration-networks/health`, ready: 'vmmn-health-page'
  },
];

/**
 * The shell's own LabeledSelect returns `_options` from its setup, which Vue's development build warns about on every
 * page that uses it, Rancher's own edit pages included: not ours to fix, and silent in a production build.
 */
const SHELL_OWN = 'setup() return property "_options"';

/** Vue's warnings as the browser prints them. */
function vueWarnings(page: Page): string[] {
  const warnings: string[] = [];

  page.on('console', (message) => {
    if (message.text().includes('[Vue warn]') && !message.text().includes(SHELL_OWN)) {
      warnings.push(message.text().split('\n')[0]);
    }
  });

  return warnings;
}

/** Where a page's content is drawn, against the side nav and the window's right edge. */
async function expectClearOfEdges(page: Page, name: string, ready: string): Promise<void> {
  // Its descendants, so a padded root counts by what is inside it.
  const box = await page.getByTestId(ready).evaluate((root) => {
    const rects = [...root.querySelectorAll('*')].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);

    return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
  });
  // The overview has no side nav (the shell's plain frame); boundingBox would wait for one.
  const nav = await page.locator('.side-nav').count() ? await page.locator('.side-nav').first().boundingBox() : null;
  const width = page.viewportSize()?.width ?? 0;

  if (nav) {
    expect(box.left - (nav.x + nav.width), `${ name }: gap to the side nav`).toBeGreaterThanOrEqual(10);
  }
  expect(width - box.right, `${ name }: gap to the window's right edge at ${ width } px`).toBeGreaterThanOrEqual(10);
}

test('no page of ours makes Vue warn, and each sits in the padded outlet, clear of the side nav and the window edge', async({ page }) => {
  const warnings = vueWarnings(page);

  await loginByCookie(page);
  for (const { name, path, ready } of PAGES) {
    await page.goto(path);
    await expect(page.getByTestId(ready)).toBeVisible();
    await expectClearOfEdges(page, name, ready);
  }
  // The editor's other states: the enabled form and the review.
  await page.goto(PAGES[2].path);
  await fillDocsExample(page);
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-impact')).toBeVisible();
  expect(warnings).toEqual([]);
});

test('at 1280 × 800 every page fits the window, and the overview has no side nav of one entry', async({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loginByCookie(page);
  for (const { name, path, ready } of PAGES) {
    await page.goto(path);
    await expect(page.getByTestId(ready)).toBeVisible();
    await expectClearOfEdges(page, name, ready);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${ name }: scrolls sideways`).toBe(true);
  }
  // A setting's value is one line cut with an ellipsis, never JSON broken mid-word over several lines.
  await page.goto(PAGES[1].path);
  await expect(page.getByTestId(PAGES[1].ready)).toBeVisible();
  const heights = await page.locator('code[data-testid^="vmmn-setting-value-"]').evaluateAll((codes) => codes.map((code) => code.getBoundingClientRect().height));

  expect(Math.max(...heights), 'a setting value wraps').toBeLessThan(36);
  // The app's one page without a cluster is framed as Rancher's Extensions page is: the header, no side nav.
  await page.goto(PAGES[0].path);
  await expect(page.getByTestId(PAGES[0].ready)).toBeVisible();
  await expect(page.locator('.side-nav')).toHaveCount(0);
});
