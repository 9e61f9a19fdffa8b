import { List, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useCountryName, useLanguageName } from '../../lib/queries';
import type { OrganizationFormValues } from './organizationForm';

/** Everything entered, to check before **Create**. */
export function OrganizationReview({ values }: { values: OrganizationFormValues }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const countryName = useCountryName();

  const perLanguage = (texts: Record<string, string>) => (
    <List listStyleType="none" spacing={2} size="sm">
      {values.languages.map((language) => (
        <List.Item key={language}>
          <span lang={language}>{texts[language]}</span> ({languageName(language)})
        </List.Item>
      ))}
    </List>
  );
  const emails = (list: string[]) => (
    <List listStyleType="none" spacing={2} size="sm">
      {list.map((email, index) => (
        <List.Item key={index}>{email}</List.Item>
      ))}
    </List>
  );

  const rows: [string, ReactNode][] = [
    [t('languages.label'), values.languages.map(languageName).join(', ')],
    [t('languages.default'), languageName(values.default_language)],
    [t('buyer.form.name'), perLanguage(values.name)],
    [t('buyer.form.representative'), perLanguage(values.representative)],
    [t('buyer.form.emails'), emails(values.emails)],
    [t('buyer.form.recipients'), emails(values.recipients)],
    [t('buyer.form.country'), countryName(values.country)],
    [t('buyer.form.phone'), values.phone],
    [t('buyer.form.contactEmail'), values.contact_email],
  ];

  return (
    <Table withRowBorders verticalSpacing="xs" aria-label={t('buyer.create.review')}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="40%">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
