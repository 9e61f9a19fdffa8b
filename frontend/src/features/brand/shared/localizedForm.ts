import { fillTexts } from '../../../lib/localized';
import { requiredText } from '../../../lib/validation';

export type Texts = Record<string, string>;

/** The brand's texts for a form: one (possibly empty) entry per brand language. */
export function textsToForm(
  texts: Partial<Record<string, string>> | undefined,
  languages: readonly string[],
): Texts {
  const clean: Texts = {};
  for (const [language, text] of Object.entries(texts ?? {})) {
    if (text !== undefined) clean[language] = text;
  }
  return fillTexts(clean, languages);
}

/** Only the brand's languages, trimmed, without empty texts (the API wants no blank ones). */
export function textsRequest(texts: Texts, languages: readonly string[]): Texts {
  return Object.fromEntries(
    languages
      .map((language) => [language, (texts[language] ?? '').trim()] as const)
      .filter(([, text]) => text !== ''),
  );
}

/** A brand's texts need the default language; the other languages are optional. */
export function checkDefaultText(
  errors: Record<string, string>,
  texts: Texts,
  defaultLanguage: string,
  field: string,
): void {
  const error = requiredText(texts[defaultLanguage] ?? '');
  if (error) errors[`${field}.${defaultLanguage}`] = error;
}
