/**
 * Driving antd's composite widgets the way a user does: open, type, click the option. Their
 * popups are rendered in a portal at the end of the body, so options are looked up on the page.
 */
import type { Locator, Page } from 'playwright-core';

/** The open select or tree-select popup. */
const openPopup = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();

/** Picks an option of an antd Select by its text. */
export async function choose(page: Page, field: Locator, option: string) {
  await field.click();
  await openPopup(page).locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Picks a node of an antd TreeSelect, searching for it first so it need not be expanded. */
export async function chooseInTree(page: Page, field: Locator, search: string, option: string) {
  await field.click();
  await field.pressSequentially(search);
  await openPopup(page).locator('.ant-select-tree-node-content-wrapper').filter({ hasText: option }).first().click();
}

/** Types a date into an antd DatePicker and confirms it. */
export async function fillDate(field: Locator, isoDate: string) {
  await field.click();
  await field.fill(isoDate);
  await field.press('Enter');
}
