import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from '../locales/en.json';

export const UI_LANGUAGES = ['en', 'ja', 'zh-Hans'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each UI language named in itself, for the language switcher. */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  ja: '日本語',
  'zh-Hans': '简体中文',
};

const STORAGE_KEY = 'showroom.language';

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
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The switcher: remember the choice on this device and show the UI in it. */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** After log-in: follow the account's language unless the person chose one on this device. */
export async function followAccountLanguage(language: string): Promise<void> {
  if (storedLanguage() === null && isUiLanguage(language) && language !== currentLanguage()) {
    await loadLanguage(language);
    await i18n.changeLanguage(language);
  }
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'en';
}

// English is the source and the fallback, so it is always there; the other catalogs are
// loaded when they are needed, which keeps them out of the first download.
export const resources = {
  en: { translation: en },
} as const;

const catalogs: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: object }>> = {
  ja: () => import('../locales/ja.json'),
  'zh-Hans': () => import('../locales/zh-Hans.json'),
};

/** Loads a UI language's catalog once; call it before switching to that language. */
export async function loadLanguage(language: UiLanguage): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  const catalog = await catalogs[language]();
  i18n.addResourceBundle(language, 'translation', catalog.default);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: UI_LANGUAGES,
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  initAsync: false,
});

function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
}
reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);
