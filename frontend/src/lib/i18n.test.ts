import en from '../locales/en.json';
import ja from '../locales/ja.json';
import zhHans from '../locales/zh-Hans.json';
import { browserLanguage } from './i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

function lookup(catalog: unknown, key: string): string {
  return String(
    key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog),
  );
}

describe.each([
  ['ja', ja],
  ['zh-Hans', zhHans],
])('the %s catalog', (_, catalog) => {
  it('has exactly the English keys', () => {
    expect(keys(catalog).sort()).toEqual(keys(en).sort());
  });

  it('keeps every placeholder of the English text', () => {
    for (const key of keys(en)) {
      expect([key, placeholders(lookup(catalog, key))]).toEqual([
        key,
        placeholders(lookup(en, key)),
      ]);
    }
  });

  it('is translated, not copied (apart from a few universal strings)', () => {
    const same = keys(en).filter((key) => lookup(catalog, key) === lookup(en, key));
    expect(same).toEqual(['buyer.form.listItem']);
  });
});

describe('browserLanguage', () => {
  it('picks the closest UI language from the browser preferences', () => {
    expect(browserLanguage(['ja-JP', 'en'])).toBe('ja');
    expect(browserLanguage(['zh-CN'])).toBe('zh-Hans');
    expect(browserLanguage(['zh-Hans-SG'])).toBe('zh-Hans');
    expect(browserLanguage(['zh-TW', 'ja'])).toBe('ja');
    expect(browserLanguage(['fr-FR', 'de'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
