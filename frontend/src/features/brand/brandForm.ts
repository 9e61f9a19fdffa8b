import type { Schemas } from '../../lib/api';
import { formFields } from '../../lib/problem';
import type { Brand } from '../../lib/queries';
import { requiredText } from '../../lib/validation';

export type BrandStatus = Schemas['BrandStatus'];
export type BrandRole = Schemas['BrandRole'];

export interface BrandFormValues {
  languages: string[];
  default_language: string;
  name: Record<string, string>;
  description: Record<string, string>;
  country: string;
  status: BrandStatus;
  website_url: string;
  video_url: string;
}

export const brandFields = formFields([
  'languages',
  'default_language',
  'name.*',
  'description.*',
  'country',
  'status',
  'website_url',
  'video_url',
]);

export function emptyBrand(country: string): BrandFormValues {
  return {
    languages: [],
    default_language: '',
    name: {},
    description: {},
    country,
    status: 'active',
    website_url: '',
    video_url: '',
  };
}

export function brandToForm(brand: Brand): BrandFormValues {
  return {
    languages: [...brand.languages],
    default_language: brand.default_language,
    name: { ...brand.name },
    description: { ...brand.description },
    country: brand.country,
    status: brand.status,
    website_url: brand.website_url ?? '',
    video_url: brand.video_url ?? '',
  };
}

export function validateBrand(
  values: BrandFormValues,
  chooseLanguage: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.languages.length === 0) errors.languages = chooseLanguage;
  else if (!values.languages.includes(values.default_language)) {
    errors.default_language = chooseLanguage;
  }
  for (const language of values.languages) {
    const error = requiredText(values.name[language] ?? '');
    if (error) errors[`name.${language}`] = error;
  }
  const country = requiredText(values.country);
  if (country) errors.country = country;
  return errors;
}

function pick(texts: Record<string, string>, languages: readonly string[], keepEmpty: boolean) {
  return Object.fromEntries(
    languages
      .map((language) => [language, (texts[language] ?? '').trim()] as const)
      .filter(([, text]) => keepEmpty || text !== ''),
  );
}

export function brandRequest(values: BrandFormValues): Schemas['BrandCreate'] {
  return {
    languages: values.languages,
    default_language: values.default_language,
    name: pick(values.name, values.languages, true),
    description: pick(values.description, values.languages, false),
    country: values.country,
    status: values.status,
    // An emptied URL is sent as null, which removes it.
    website_url: values.website_url.trim() || null,
    video_url: values.video_url.trim() || null,
  };
}

/** Owners and admins edit the brand and manage members; staff only look. */
export function canManageBrand(role: BrandRole): boolean {
  return role === 'owner' || role === 'admin';
}

/** Only owners make, unmake or remove owners. */
export function grantableRoles(myRole: BrandRole): BrandRole[] {
  return myRole === 'owner' ? ['owner', 'admin', 'staff'] : ['admin', 'staff'];
}
