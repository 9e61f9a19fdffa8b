import { chooseDefault, fillTexts, resolveLocalized } from './localized';

describe('resolveLocalized', () => {
  const name = { en: 'Aoi Select Shop', ja: '葵セレクトショップ' };

  it('shows the text in the UI language when the entity has it', () => {
    expect(resolveLocalized(name, 'ja', 'en')).toBe('葵セレクトショップ');
    expect(resolveLocalized(name, 'en', 'ja')).toBe('Aoi Select Shop');
  });

  it("falls back to the entity's default language", () => {
    expect(resolveLocalized(name, 'zh-Hans', 'ja')).toBe('葵セレクトショップ');
    expect(resolveLocalized(name, 'zh-Hans', 'en')).toBe('Aoi Select Shop');
  });

  it('matches a regional UI tag to its language, but keeps Chinese scripts apart', () => {
    expect(resolveLocalized(name, 'ja-JP', 'en')).toBe('葵セレクトショップ');
    expect(resolveLocalized({ 'zh-Hant': '葵精品店', en: 'Aoi' }, 'zh-Hans', 'en')).toBe('Aoi');
  });

  it('skips blank texts and ends with any text there is, then with ""', () => {
    expect(resolveLocalized({ en: '  ', fr: 'Boutique Aoi' }, 'ja', 'en')).toBe('Boutique Aoi');
    expect(resolveLocalized({}, 'en', 'en')).toBe('');
    expect(resolveLocalized(undefined, 'en', 'en')).toBe('');
  });
});

describe('chooseDefault', () => {
  it('keeps the default while it is still chosen', () => {
    expect(chooseDefault(['en', 'ja'], 'ja')).toBe('ja');
  });

  it('takes the first chosen language otherwise, or none', () => {
    expect(chooseDefault(['en', 'ja'], 'fr')).toBe('en');
    expect(chooseDefault(['ja'], '')).toBe('ja');
    expect(chooseDefault([], 'en')).toBe('');
  });
});

describe('fillTexts', () => {
  it('gives every chosen language an input and keeps texts of languages set aside', () => {
    expect(fillTexts({ fr: 'Boutique' }, ['en', 'ja'])).toEqual({ fr: 'Boutique', en: '', ja: '' });
    expect(fillTexts({ en: 'Shop' }, ['en'])).toEqual({ en: 'Shop' });
  });
});
