import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useCountries } from '../lib/queries';

/** A searchable country pull-down, named in the UI language (from /reference/countries). */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <Select
      searchable
      data={(countries.data ?? []).map((country) => ({ value: country.code, label: country.name }))}
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={countries.isPending ? t('common.loading') : t('common.choose')}
      disabled={countries.isError}
      {...props}
    />
  );
}
