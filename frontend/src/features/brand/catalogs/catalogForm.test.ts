import dayjs from 'dayjs';

import { emptyCatalog, fromPicker, toPicker, validateCatalog } from './catalogForm';

const messages = { deadlineBeforeRelease: 'after release', choosePayment: 'choose one' };

describe('catalog dates', () => {
  it('shows an API instant in local time and sends it back with the local offset', () => {
    const instant = '2026-12-15T09:30:00Z';
    const local = toPicker(instant);
    expect(local).toBe(dayjs(instant).format('YYYY-MM-DD HH:mm:ss'));
    const sent = fromPicker(local);
    expect(sent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(new Date(sent ?? '').toISOString()).toBe('2026-12-15T09:30:00.000Z');
    expect(toPicker(null)).toBeNull();
    expect(fromPicker(null)).toBeNull();
  });

  it('wants the order deadline after the release date and a way to pay', () => {
    const values = {
      ...emptyCatalog(['en'], []),
      code: 'SS26',
      name: { en: 'Spring' },
      release_at: '2026-03-01 10:00:00',
      order_deadline: '2026-03-01 09:00:00',
    };
    expect(validateCatalog(values, 'en', messages)).toEqual({
      order_deadline: 'after release',
      payment_methods: 'choose one',
    });
    expect(
      validateCatalog(
        { ...values, order_deadline: '2026-04-01 09:00:00', payment_methods: ['offline'] },
        'en',
        messages,
      ),
    ).toEqual({});
  });
});
