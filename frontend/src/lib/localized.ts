/** A text given per language tag, as the API returns `name`, `representative`, `description`. */
export type LocalizedText = Partial<Record<string, string>>;

/**
 * The text to show for a localized field: the UI language when the entity has it, else the
 * entity's default language, else the first non-empty text, else "".
 */
export function resolveLocalized(
  text: LocalizedText | null | undefined,
  uiLanguage: string,
  defaultLanguage: string,
): string {
  if (!text) return '';
  const wanted = [uiLanguage, baseLanguage(uiLanguage), defaultLanguage];
  for (const tag of wanted) {
    const value = tag ? text[tag]?.trim() : undefined;
    if (value) return value;
  }
  for (const value of Object.values(text)) {
    if (value?.trim()) return value.trim();
  }
  return '';
}

/** `ja-JP` → `ja`; `zh-Hans` stays `zh-Hans` (the script matters for Chinese). */
function baseLanguage(tag: string): string | undefined {
  if (tag.startsWith('zh')) return undefined;
  const [base] = tag.split('-');
  return base === tag ? undefined : base;
}

/**
 * The default language after the chosen languages change: kept while it is still chosen,
 * else the first chosen one ("" when none is).
 */
export function chooseDefault(languages: readonly string[], current: string): string {
  return languages.includes(current) ? current : (languages[0] ?? '');
}

/**
 * The texts of a localized form field with an input for every chosen language (empty when
 * new). Texts of languages no longer chosen are kept, in case they are chosen again; requests
 * send only the chosen ones.
 */
export function fillTexts(
  texts: Readonly<Record<string, string>>,
  languages: readonly string[],
): Record<string, string> {
  const filled = { ...texts };
  for (const language of languages) filled[language] ??= '';
  return filled;
}
