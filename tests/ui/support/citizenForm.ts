import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** A forms fixture (`tests/forms/fixtures/<name>.json`) as data. */
export function formFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(process.cwd(), 'tests', 'forms', 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/**
 * Type a fixture's text, number and date values into the submission page's fields, as a
 * person would: the field of `child.name` under the prefix `form` is `#form_child_name`,
 * dates are typed dd/MM/yyyy. Choices (radio groups, lists) are left to the spec, which
 * picks them by their visible names; list their paths in `skip`.
 */
export async function typeFixture(page: Page, prefix: string, data: Record<string, unknown>, skip: readonly string[] = [], path: readonly string[] = []): Promise<void> {
  for (const [key, value] of Object.entries(data)) {
    const at = [...path, key];
    if (skip.includes(at.join('.'))) continue;
    if (typeof value === 'object' && value !== null) {
      await typeFixture(page, prefix, value as Record<string, unknown>, skip, at);
      continue;
    }
    const text = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : String(value);
    await page.locator(`#${[prefix, ...at].join('_')}`).fill(text);
  }
}
