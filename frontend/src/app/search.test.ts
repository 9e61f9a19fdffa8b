import { parseAddressSearch, parseLoginSearch, safeRedirect } from './search';

describe('safeRedirect', () => {
  it('keeps paths inside the app', () => {
    expect(safeRedirect('/invitations/abc?x=1')).toBe('/invitations/abc?x=1');
  });

  it('drops anything that could leave the site', () => {
    expect(safeRedirect('https://evil.example/')).toBeUndefined();
    expect(safeRedirect('//evil.example/')).toBeUndefined();
    expect(safeRedirect('/\\evil.example')).toBeUndefined();
    expect(safeRedirect(42)).toBeUndefined();
  });
});

describe('route search parsing', () => {
  it('accepts only known login notices', () => {
    expect(parseLoginSearch({ notice: 'signed-up', email: 'a@example.com' })).toEqual({
      notice: 'signed-up',
      email: 'a@example.com',
      redirect: undefined,
    });
    expect(parseLoginSearch({ notice: '<script>' }).notice).toBeUndefined();
  });

  it('opens the delivery tab unless billing is asked for', () => {
    expect(parseAddressSearch({})).toEqual({ kind: 'delivery' });
    expect(parseAddressSearch({ kind: 'billing' })).toEqual({ kind: 'billing' });
    expect(parseAddressSearch({ kind: 'other' })).toEqual({ kind: 'delivery' });
  });
});
