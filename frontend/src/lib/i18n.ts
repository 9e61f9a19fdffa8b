import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from '../locales/en.json';
import {
  importCatalog,
  initialLanguage,
  isUiLanguage,
  LANGUAGE_STORAGE_KEY,
  storedLanguage,
  UI_LANGUAGES,
  type UiLanguage,
} from './language';

export {
  browserLanguage,
  isUiLanguage,
  storedLanguage,
  UI_LANGUAGES,
  type UiLanguage,
} from './language';

/** Each UI language named in itself, for the language switcher. */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  ja: '日本語',
  'zh-Hans': '简体中文',
};

/** The switcher: remember the choice on this device and show the UI in it. */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
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

// English is the source and the fallback, so it is always there (see ./language).
export const resources = {
  en: { translation: en },
} as const;

/** Loads a UI language's catalog once; call it before switching to that language. */
export async function loadLanguage(language: UiLanguage): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const catalog = await importCatalog(language);
  if (catalog) i18n.addResourceBundle(language, 'translation', catalog.default);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
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
