import type { Schemas } from '../../lib/api';
import { formFields } from '../../lib/problem';
import type { BuyerOrganization } from '../../lib/queries';
import { emailAddress, requiredText } from '../../lib/validation';

/** The fields of "Create a New Buyer Organization", named like the API's. */
export interface OrganizationFormValues {
  languages: string[];
  default_language: string;
  name: Record<string, string>;
  representative: Record<string, string>;
  emails: string[];
  recipients: string[];
  country: string;
  phone: string;
  contact_email: string;
}

export type FormErrors = Record<string, string>;

/** The three steps of the creation modal: Language, Basic information, Review. */
export const LANGUAGE_STEP = 0;
export const BASIC_STEP = 1;
export const REVIEW_STEP = 2;

export const organizationFields = formFields([
  'languages',
  'default_language',
  'name.*',
  'representative.*',
  'emails',
  'emails.*',
  'recipients',
  'recipients.*',
  'country',
  'phone',
  'contact_email',
]);

/** The step that holds a form field, so an error from Create can send the person there. */
export function stepOfField(path: string): number {
  return path === 'languages' || path === 'default_language' ? LANGUAGE_STEP : BASIC_STEP;
}

/** The earliest step holding one of these fields, or null when there are none. */
export function firstStepWithError(errors: FormErrors): number | null {
  const steps = Object.keys(errors).map(stepOfField);
  return steps.length > 0 ? Math.min(...steps) : null;
}

export function emptyOrganization(defaults: {
  email?: string;
  country?: string;
  phone?: string;
}): OrganizationFormValues {
  const email = defaults.email ?? '';
  return {
    languages: [],
    default_language: '',
    name: {},
    representative: {},
    emails: [email],
    recipients: [email],
    country: defaults.country ?? '',
    phone: defaults.phone ?? '',
    contact_email: email,
  };
}

export function organizationToForm(org: BuyerOrganization): OrganizationFormValues {
  return {
    languages: [...org.languages],
    default_language: org.default_language,
    name: { ...org.name },
    representative: { ...org.representative },
    emails: [...org.emails],
    recipients: [...org.recipients],
    country: org.country,
    phone: org.phone,
    contact_email: org.contact_email,
  };
}

export function validateLanguageStep(values: OrganizationFormValues, message: string): FormErrors {
  const errors: FormErrors = {};
  if (values.languages.length === 0) errors.languages = message;
  else if (!values.languages.includes(values.default_language)) {
    errors.default_language = message;
  }
  return errors;
}

export function validateBasicStep(values: OrganizationFormValues): FormErrors {
  const errors: FormErrors = {};
  const add = (path: string, error: string | null) => {
    if (error) errors[path] = error;
  };
  for (const language of values.languages) {
    add(`name.${language}`, requiredText(values.name[language] ?? ''));
    add(`representative.${language}`, requiredText(values.representative[language] ?? ''));
  }
  values.emails.forEach((email, index) => add(`emails.${index}`, emailAddress(email)));
  values.recipients.forEach((email, index) => add(`recipients.${index}`, emailAddress(email)));
  add('country', requiredText(values.country));
  add('phone', requiredText(values.phone));
  add('contact_email', emailAddress(values.contact_email));
  return errors;
}

function pick(texts: Record<string, string>, languages: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    languages.map((language) => [language, (texts[language] ?? '').trim()]),
  );
}

/** The request body: only the chosen languages' texts, trimmed e-mails. */
export function organizationRequest(
  values: OrganizationFormValues,
): Schemas['BuyerOrganizationCreate'] {
  return {
    kind: 'organization',
    languages: values.languages,
    default_language: values.default_language,
    name: pick(values.name, values.languages),
    representative: pick(values.representative, values.languages),
    emails: values.emails.map((email) => email.trim()),
    recipients: values.recipients.map((email) => email.trim()),
    country: values.country,
    phone: values.phone.trim(),
    contact_email: values.contact_email.trim(),
  };
}
