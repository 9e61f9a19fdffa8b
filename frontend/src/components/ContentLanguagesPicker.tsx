import { Checkbox, Group, Select, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { chooseDefault } from '../lib/localized';
import { useLanguages } from '../lib/queries';

export interface LanguageChoice {
  languages: string[];
  defaultLanguage: string;
}

/**
 * "Language" checkboxes (several allowed) and, when more than one is checked, the
 * "Default Language" pull-down — as in the manual's "Create a New Buyer Organization".
 */
export function ContentLanguagesPicker({
  value,
  onChange,
  languagesError,
  defaultLanguageError,
}: {
  value: LanguageChoice;
  onChange: (value: LanguageChoice) => void;
  languagesError?: ReactNode;
  defaultLanguageError?: ReactNode;
}) {
  const { t } = useTranslation();
  const reference = useLanguages();
  const options = reference.data?.content ?? [];
  const order = (code: string) => options.findIndex((option) => option.code === code);

  const setLanguages = (checked: string[]) => {
    const languages = [...checked].sort((a, b) => order(a) - order(b));
    onChange({ languages, defaultLanguage: chooseDefault(languages, value.defaultLanguage) });
  };

  return (
    <Stack gap="md">
      <Checkbox.Group
        label={t('languages.label')}
        description={t('languages.description')}
        value={value.languages}
        onChange={setLanguages}
        error={languagesError}
        withAsterisk
      >
        <Group mt="xs" gap="md">
          {options.map((option) => (
            <Checkbox key={option.code} value={option.code} label={option.name} />
          ))}
        </Group>
      </Checkbox.Group>
      {value.languages.length > 1 ? (
        <Select
          label={t('languages.default')}
          allowDeselect={false}
          withAsterisk
          data={value.languages.map((code) => ({
            value: code,
            label: options.find((option) => option.code === code)?.name ?? code,
          }))}
          value={value.defaultLanguage || null}
          onChange={(defaultLanguage) =>
            onChange({ languages: value.languages, defaultLanguage: defaultLanguage ?? '' })
          }
          error={defaultLanguageError}
        />
      ) : null}
    </Stack>
  );
}
