import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

import { i18n } from '../lib/i18n';

// Tests read the English catalog whatever the machine's locale.
void i18n.changeLanguage('en');

// jsdom lacks what Mantine measures layout with.
class ResizeObserverStub {
  observe(): void {
    // nothing to observe without layout
  }
  unobserve(): void {
    // idem
  }
  disconnect(): void {
    // idem
  }
}
globalThis.ResizeObserver = ResizeObserverStub;
window.matchMedia = (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }) as unknown as MediaQueryList;
Element.prototype.scrollIntoView = () => undefined;

afterEach(() => {
  cleanup();
  localStorage.clear();
});
