import { describe, expect, it } from 'vitest';
import { catalogTitle, unimplementedTitlesZh } from './catalog-titles.ts';
import { ruleCatalog } from './rule-catalog.ts';
import { ruleById } from './rules.ts';

const chinese = /[\u4e00-\u9fff]/;

describe('catalog titles', () => {
  it('give every catalog rule a short Chinese title', () => {
    for (const { id } of ruleCatalog) {
      const title = catalogTitle(id);
      expect(title.zh, id).toMatch(chinese);
      expect(title.zh.length, id).toBeLessThanOrEqual(40);
      expect(title.en.length, id).toBeGreaterThan(0);
    }
  });

  it('use an implemented rule’s own title, and the catalog text in English otherwise', () => {
    expect(catalogTitle('LIFE-01')).toEqual(ruleById.get('LIFE-01')?.title);
    const unimplemented = ruleCatalog.find((r) => !ruleById.has(r.id));
    if (unimplemented)
      expect(catalogTitle(unimplemented.id)).toEqual({
        zh: unimplementedTitlesZh[unimplemented.id],
        en: unimplemented.text,
      });
  });

  it('name only catalog ids', () => {
    const catalog = new Set(ruleCatalog.map((r) => r.id));
    for (const id of Object.keys(unimplementedTitlesZh)) expect(catalog.has(id), id).toBe(true);
  });
});
