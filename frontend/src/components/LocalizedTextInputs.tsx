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
}: {
  label: string;
  languages: readonly string[];
  inputProps: (language: string) => GetInputPropsReturnType;
  multiline?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const labelFor = (language: string) =>
    languages.length > 1
      ? t('languages.inLanguage', { label, language: languageName(language) })
      : label;

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
            withAsterisk={required}
            {...inputProps(language)}
          />
        ) : (
          <TextInput
            key={language}
            label={labelFor(language)}
            lang={language}
            withAsterisk={required}
            {...inputProps(language)}
          />
        ),
      )}
    </Stack>
  );
}
