import { linkView, parseLinkPath } from './linkRequests';

describe('parseLinkPath', () => {
  it('reads a link landing and a link catalog page', () => {
    expect(parseLinkPath('/l/abc')).toEqual({ token: 'abc' });
    expect(parseLinkPath('/l/abc/')).toEqual({ token: 'abc' });
    expect(parseLinkPath('/l/abc/catalogs/c1')).toEqual({ token: 'abc', catalogId: 'c1' });
  });

  it('leaves other pages alone', () => {
    expect(parseLinkPath('/')).toBeNull();
    expect(parseLinkPath('/brand/products')).toBeNull();
    expect(parseLinkPath('/l/abc/catalogs/c1/cart')).toBeNull();
  });
});

describe('linkView', () => {
  const landing = { languages: ['en', 'ja'], currencies: ['JPY', 'USD'] };

  it("takes the visitor's choices where the link allows them", () => {
    expect(linkView(landing, { locale: 'ja', currency: 'USD' }, 'en')).toEqual({
      locale: 'ja',
      currency: 'USD',
    });
  });

  it("falls back to the UI language, then to the link's defaults", () => {
    expect(linkView(landing, {}, 'ja')).toEqual({ locale: 'ja', currency: 'JPY' });
    expect(linkView(landing, { locale: 'fr', currency: 'EUR' }, 'zh-Hans')).toEqual({
      locale: 'en',
      currency: 'JPY',
    });
  });
});
