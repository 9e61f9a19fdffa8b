import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';

import { fieldLabel, valueLabel } from './changes';

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('audit change labels', () => {
  it('names known fields and spaces out the others', () => {
    expect(fieldLabel(t, 'passcode_hash')).toBe('«audit.fields.passcode_hash»');
    expect(fieldLabel(t, 'shipping_rate_group_id')).toBe('Shipping rate group');
    expect(fieldLabel(t, 'use_as_catalog')).toBe('Use as catalog');
  });

  it('shows values as a reader wants them', () => {
    expect(valueLabel(t, null)).toBe('—');
    expect(valueLabel(t, [])).toBe('—');
    expect(valueLabel(t, true)).toBe('«audit.yes»');
    expect(valueLabel(t, ['JPY', 'USD'])).toBe('JPY, USD');
    expect(valueLabel(t, { en: 'Retail', ja: '小売' })).toBe('en: Retail, ja: 小売');
    expect(valueLabel(t, 4500)).toBe('4500');
  });
});
