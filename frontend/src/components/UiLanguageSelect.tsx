import { Select, type SelectProps } from '@mantine/core';

import { useLanguages } from '../lib/queries';

/** The languages Showroom's screens and e-mails come in (from /reference/languages `ui`). */
export function UiLanguageSelect(props: Omit<SelectProps, 'data'>) {
  const languages = useLanguages();
  return (
    <Select
      allowDeselect={false}
      data={(languages.data?.ui ?? []).map((language) => ({
        value: language.code,
        label: language.name,
      }))}
      {...props}
    />
  );
}
