/**
 * Driving antd's composite widgets the way a user does: open, type, click the option. Their
 * popups are rendered in a portal at the end of the body, so a field's own popup is found through
 * the listbox its input controls (`<id>_list`), never as "the last popup", which may be another
 * field's popup still fading out. After a pick, the field must show the value.
 */

import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

async function popupOf(page: Page, field: Locator): Promise<Locator> {
  const id = await field.getAttribute('id');
  if (!id) throw new Error('an antd select input without an id (is it inside a Form.Item?)');
  return page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${id}_list"]`) });
}

/** What the select shows as chosen. */
const shownValue = (field: Locator) =>
  field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]').textContent();

/**
 * Picks an option of an antd Select by its text, and waits until the field shows it. A click
 * that lands while the popup is still animating in is swallowed by antd (the option only shows
 * as hovered), so the pick is retried until the field shows the value.
 */
export async function choose(page: Page, field: Locator, option: string) {
  const popup = await popupOf(page, field);
  for (let attempt = 1; ; attempt++) {
    if (!(await popup.isVisible())) await field.click();
    const item = popup.locator('.ant-select-item-option').filter({ hasText: option }).first();
    await item.waitFor({ state: 'visible' });
    await item.click();
    try {
      await expect.poll(() => shownValue(field), { timeout: 3_000 }).toContain(option);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** Picks a node of an antd TreeSelect, searching for it first so it need not be expanded. */
export async function chooseInTree(page: Page, field: Locator, search: string, option: string) {
  await field.click();
  await field.pressSequentially(search);
  // A tree popup has no listbox id; it is the open popup that holds a tree.
  const popup = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .filter({ has: page.locator('.ant-select-tree') });
  await popup.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: option }).first().click();
  await expect.poll(() => shownValue(field), { timeout: 15_000 }).toContain(option);
}
