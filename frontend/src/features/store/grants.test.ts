import {
  forgetGrant,
  pickAllowed,
  readGrant,
  readPreferences,
  saveGrant,
  savePreferences,
} from './grants';

const later = new Date(Date.now() + 3_600_000).toISOString();
const earlier = new Date(Date.now() - 1_000).toISOString();

describe('link grants', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps a grant per link token for this tab', () => {
    saveGrant('tok-a', { grant: 'g-a', expires_at: later, customer: null });
    saveGrant('tok-b', { grant: 'g-b', expires_at: later });
    expect(readGrant('tok-a')?.grant).toBe('g-a');
    expect(readGrant('tok-b')?.grant).toBe('g-b');
    expect(readGrant('tok-c')).toBeNull();
  });

  it('forgets an expired grant when it is read', () => {
    saveGrant('tok', { grant: 'old', expires_at: earlier });
    expect(readGrant('tok')).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('forgets a damaged entry', () => {
    sessionStorage.setItem('showroom.link.tok.grant', '{not json');
    expect(readGrant('tok')).toBeNull();
    sessionStorage.setItem('showroom.link.tok.grant', JSON.stringify({ grant: 1 }));
    expect(readGrant('tok')).toBeNull();
  });

  it('forgets on request', () => {
    saveGrant('tok', { grant: 'g', expires_at: later });
    forgetGrant('tok');
    expect(readGrant('tok')).toBeNull();
  });
});

describe('link preferences', () => {
  beforeEach(() => sessionStorage.clear());

  it('remembers the language and currency picked on a link', () => {
    expect(readPreferences('tok')).toEqual({});
    savePreferences('tok', { locale: 'ja', currency: 'USD' });
    expect(readPreferences('tok')).toEqual({ locale: 'ja', currency: 'USD' });
    expect(readPreferences('other')).toEqual({});
  });

  it('picks the first wanted value the link allows, else its default', () => {
    expect(pickAllowed(['JPY', 'USD'], 'USD')).toBe('USD');
    expect(pickAllowed(['JPY', 'USD'], 'EUR')).toBe('JPY');
    expect(pickAllowed(['en', 'ja'], undefined, 'ja')).toBe('ja');
    expect(pickAllowed(['fr', 'ko'], 'en', 'zh-Hans')).toBe('fr');
    expect(pickAllowed([], 'JPY')).toBeUndefined();
  });
});
