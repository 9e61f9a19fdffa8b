// Which UI language a tab starts in, without i18next: the entry (main.tsx) reads it to ask for
// the first page's data and catalog in that language before the app's code has arrived.

export const UI_LANGUAGES = ['en', 'ja', 'zh-Hans'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'showroom.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The closest UI language for the browser's preferences (`zh-CN` → `zh-Hans`, `fr` → `en`). */
export function browserLanguage(preferences: readonly string[] = navigator.languages): UiLanguage {
  for (const tag of preferences) {
    const lower = tag.toLowerCase();
    if (lower === 'ja' || lower.startsWith('ja-')) return 'ja';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) {
      const traditional = /^zh-(hant|tw|hk|mo)/.test(lower);
      if (!traditional) return 'zh-Hans';
    }
  }
  return 'en';
}

/** The language the person picked with the switcher, if any. */
export function storedLanguage(): UiLanguage | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language a tab opens in: the person's choice on this device, else the browser's. */
export function initialLanguage(): UiLanguage {
  return storedLanguage() ?? browserLanguage();
}

// English is the source and the fallback, built into the app; the other catalogs are loaded
// when they are needed, which keeps them out of the first download.
const catalogs: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: object }>> = {
  ja: () => import('../locales/ja.json'),
  'zh-Hans': () => import('../locales/zh-Hans.json'),
};

/** A UI language's catalog (the module system loads each once); null for English. */
export function importCatalog(language: UiLanguage): Promise<{ default: object }> | null {
  return language === 'en' ? null : catalogs[language]();
}
