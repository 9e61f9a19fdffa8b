import {
  formatMoney,
  formatPercent,
  fractionDigits,
  minorToDecimal,
  minorToInput,
  parseMoney,
  parsePercent,
} from './money';

describe('fractionDigits', () => {
  it('knows JPY has no decimals and USD two', () => {
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('USD')).toBe(2);
    expect(fractionDigits('EUR', 'ja')).toBe(2);
  });
});

describe('parseMoney', () => {
  it('reads yen as whole minor units', () => {
    expect(parseMoney('1200', 'JPY')).toEqual({ ok: true, minor: 1200 });
    expect(parseMoney('12,000', 'JPY')).toEqual({ ok: true, minor: 12000 });
    expect(parseMoney(' １２，０００ ', 'JPY')).toEqual({ ok: true, minor: 12000 });
    expect(parseMoney('1200.00', 'JPY')).toEqual({ ok: true, minor: 1200 });
  });

  it('reads dollars into cents without floating-point errors', () => {
    expect(parseMoney('12.34', 'USD')).toEqual({ ok: true, minor: 1234 });
    expect(parseMoney('0.1', 'USD')).toEqual({ ok: true, minor: 10 });
    expect(parseMoney('.05', 'USD')).toEqual({ ok: true, minor: 5 });
    expect(parseMoney('19.99', 'USD')).toEqual({ ok: true, minor: 1999 });
    expect(parseMoney('1,234,567.89', 'USD')).toEqual({ ok: true, minor: 123456789 });
    expect(parseMoney('8.', 'USD')).toEqual({ ok: true, minor: 800 });
  });

  it('treats an empty input as no amount', () => {
    expect(parseMoney('', 'USD')).toEqual({ ok: true, minor: null });
    expect(parseMoney('   ', 'JPY')).toEqual({ ok: true, minor: null });
  });

  it('rejects more decimals than the currency has', () => {
    expect(parseMoney('12.5', 'JPY')).toEqual({ ok: false, error: 'tooManyDecimals', digits: 0 });
    expect(parseMoney('1.234', 'USD')).toEqual({ ok: false, error: 'tooManyDecimals', digits: 2 });
  });

  it('rejects what is not an amount', () => {
    for (const text of ['-5', 'abc', '1.2.3', '.', '1e3', '$5']) {
      expect(parseMoney(text, 'USD')).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(parseMoney('100000000000000', 'JPY')).toMatchObject({ ok: false, error: 'tooLarge' });
  });
});

describe('minorToDecimal and minorToInput', () => {
  it('turns minor units back into the major-unit text people edit', () => {
    expect(minorToDecimal(1234, 'USD')).toBe('12.34');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(-5, 'USD')).toBe('-0.05');
    expect(minorToDecimal(1200, 'JPY')).toBe('1200');
    expect(minorToInput(null, 'USD')).toBe('');
    expect(minorToInput(100, 'USD')).toBe('1.00');
  });

  it('round-trips through parseMoney', () => {
    for (const minor of [0, 1, 99, 100, 1999, 123456789]) {
      expect(parseMoney(minorToInput(minor, 'USD'), 'USD')).toEqual({ ok: true, minor });
      expect(parseMoney(minorToInput(minor, 'JPY'), 'JPY')).toEqual({ ok: true, minor });
    }
  });
});

describe('formatMoney', () => {
  it('formats per locale', () => {
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
    expect(formatMoney(1200, 'JPY', 'ja')).toBe('￥1,200');
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(123456, 'USD', 'ja')).toBe('$1,234.56');
    expect(formatMoney(123456, 'USD', 'zh-Hans')).toBe('US$1,234.56');
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05');
  });
});

describe('percentages', () => {
  it('formats the decimal strings of the API', () => {
    expect(formatPercent('55', 'en')).toBe('55%');
    expect(formatPercent('62.5', 'ja')).toBe('62.5%');
  });

  it('reads a typed percentage', () => {
    expect(parsePercent('10')).toBe('10');
    expect(parsePercent('８.５')).toBe('8.5');
    expect(parsePercent('100')).toBe('100');
    expect(parsePercent('100.5')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });
});
