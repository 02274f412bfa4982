import { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Page objects: what a user does on our pages, shared by the specs. */

export const DOCS_VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

/** The editor: Enabled, cluster network vm-migration, VLAN 100, range 192.168.1.0/24, exclude 192.168.1.1/32. */
export async function fillDocsExample(page: Page): Promise<void> {
  await page.getByTestId('vmmn-enabled').locator('.radio-container').nth(0).click();
  await page.getByTestId('vmmn-cluster-network').click();
  await page.locator('.vs__dropdown-option', { hasText: /^\s*vm-migration\s*$/ }).click();
  await page.getByTestId('vmmn-vlan').fill('100');
  await page.getByTestId('vmmn-range').fill('192.168.1.0/24');
  await page.getByTestId('vmmn-exclude-add').click();
  await page.getByTestId('vmmn-exclude-0').fill('192.168.1.1/32');
}

/** The editor: Review, confirm the impact, Save. */
export async function reviewAndSave(page: Page): Promise<void> {
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-impact')).toBeVisible();
  await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container, label').first().click();
  await page.getByTestId('vmmn-save').click();
}

/** ☰ → Migration Networks: the fleet overview. */
export async function openProductFromMenu(page: Page): Promise<void> {
  await page.getByTestId('top-level-menu').click();
  await page.getByRole('link', { name: 'Migration Networks' }).click();
  await expect(page.getByTestId('vmmn-fleet')).toBeVisible();
}

/** From a cluster's page, its side nav: Advanced → Settings or Migration Network. */
export async function openFromSideNav(page: Page, entry: 'Settings' | 'Migration Network'): Promise<void> {
  const link = page.getByRole('link', { name: entry, exact: true });

  if (!await link.isVisible()) {
    await page.getByText('Advanced', { exact: true }).click();
  }
  await link.click();
}

/** A fleet overview row's cell, by cluster name. */
export function fleetCell(page: Page, column: 'state' | 'network' | 'version' | 'nodes' | 'problems' | 'age' | 'harvester', name: string) {
  return page.getByTestId(`vmmn-fleet-${ column }-${ name }`);
}

/**
 * Starts recording whether an element matching the CSS `selector` is ever in the page, however briefly (a
 * MutationObserver sees every insertion and attribute change, so a state that flickers for one frame is caught).
 * Call the returned function to read it.
 */
export async function recordSelector(page: Page, selector: string): Promise<() => Promise<boolean>> {
  const key = `__seen_${ Math.random().toString(36).slice(2) }`;

  await page.evaluate(({ sel, k }) => {
    const w = window as unknown as Record<string, boolean>;
    const check = () => {
      if (document.querySelector(sel)) {
        w[k] = true;
      }
    };

    w[k] = false;
    check();
    new MutationObserver(check).observe(document.body, {
      childList: true, subtree: true, attributes: true
    });
  }, { sel: selector, k: key });

  return () => page.evaluate((k) => (window as unknown as Record<string, boolean>)[k], key);
}

/** `recordSelector` for an element with the test id `testid`. */
export function recordAppearance(page: Page, testid: string): Promise<() => Promise<boolean>> {
  return recordSelector(page, `[data-testid="${ testid }"]`);
}
