import { Stack, Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { useLanguageName } from '../lib/queries';

/**
 * One input per chosen language for a localized text ("Buyer Company/Organization Name" in
 * English, in Japanese, …). With a single language the input carries the plain label.
 */
export function LocalizedTextInputs({
  label,
  languages,
  inputProps,
  multiline = false,
  required = false,
  requiredLanguages,
  disabled = false,
}: {
  label: string;
  languages: readonly string[];
  inputProps: (language: string) => GetInputPropsReturnType;
  multiline?: boolean;
  /** Every language is required… */
  required?: boolean;
  /** …or only these (a brand's texts need the default language, the others are optional). */
  requiredLanguages?: readonly string[];
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const labelFor = (language: string) =>
    languages.length > 1
      ? t('languages.inLanguage', { label, language: languageName(language) })
      : label;
  const isRequired = (language: string) => required || !!requiredLanguages?.includes(language);

  return (
    <Stack gap="xs">
      {languages.map((language) =>
        multiline ? (
          <Textarea
            key={language}
            label={labelFor(language)}
            lang={language}
            autosize
            minRows={2}
            withAsterisk={isRequired(language)}
            disabled={disabled}
            {...inputProps(language)}
          />
        ) : (
          <TextInput
            key={language}
            label={labelFor(language)}
            lang={language}
            withAsterisk={isRequired(language)}
            disabled={disabled}
            {...inputProps(language)}
          />
        ),
      )}
    </Stack>
  );
}
