import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconEdit } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../components/FormErrorAlert';
import { notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { mapProblem, unwrap } from '../../lib/problem';
import { queryKeys, useCountryName, useLanguageName, type Brand } from '../../lib/queries';
import { BrandFields } from './BrandFields';
import {
  brandFields,
  brandRequest,
  brandToForm,
  canManageBrand,
  validateBrand,
  type BrandFormValues,
} from './brandForm';
import { brandStatusLabel } from './labels';
import { useCurrentBrand } from './useBrand';

/** The brand profile: everyone sees it; owners and admins edit it. */
export function BrandProfilePage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const [editing, setEditing] = useState(false);

  if (brand.isPending) return <LoadingState />;
  if (brand.isError) return <ErrorState error={brand.error} />;
  const canEdit = canManageBrand(brand.data.my_role);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="brand-profile-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="brand-profile-heading">
            {t('brand.nav.profile')}
          </Title>
          {canEdit && !editing ? (
            <Button
              variant="light"
              leftSection={<IconEdit size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
        {!canEdit ? (
          <Text size="sm" c="dimmed">
            {t('brand.profile.readOnly')}
          </Text>
        ) : null}
        {editing ? (
          <BrandEditForm brand={brand.data} onDone={() => setEditing(false)} />
        ) : (
          <BrandDetails brand={brand.data} />
        )}
      </Stack>
    </Paper>
  );
}

function externalLink(url: string | null): ReactNode {
  return url ? (
    <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm">
      {url}
    </Anchor>
  ) : (
    '—'
  );
}

function BrandDetails({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const countryName = useCountryName();
  const perLanguage = (texts: Record<string, string>) =>
    brand.languages
      .filter((language) => texts[language])
      .map((language) => (
        <Text key={language} size="sm" lang={language} style={{ whiteSpace: 'pre-wrap' }}>
          {texts[language]}{' '}
          <Text span c="dimmed" size="xs">
            ({languageName(language)})
          </Text>
        </Text>
      ));

  const rows: [string, ReactNode][] = [
    [t('languages.label'), brand.languages.map(languageName).join(', ')],
    [t('languages.default'), languageName(brand.default_language)],
    [t('brand.form.name'), perLanguage(brand.name)],
    [
      t('brand.form.description'),
      Object.keys(brand.description).length > 0 ? perLanguage(brand.description) : '—',
    ],
    [t('fields.country'), countryName(brand.country)],
    [t('brand.form.website'), externalLink(brand.website_url)],
    [t('brand.form.video'), externalLink(brand.video_url)],
    [t('brand.form.status'), brandStatusLabel(t, brand.status)],
  ];
  return (
    <Table verticalSpacing="xs">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="35%">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function BrandEditForm({ brand, onDone }: { brand: Brand; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<BrandFormValues>({
    initialValues: brandToForm(brand),
    validate: (values) => validateBrand(values, t('buyer.create.chooseLanguage')),
  });

  const save = useMutation({
    mutationFn: (values: BrandFormValues) =>
      unwrap(
        api.PATCH('/api/v1/brands/{brand_id}', {
          params: { path: { brand_id: brand.id } },
          body: brandRequest(values),
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.brand(brand.id), updated);
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.brands, 'list'] });
      notifySuccess(t('brand.profile.saved'));
      onDone();
    },
    onError: (error) => form.setErrors(mapProblem(error, brandFields).fieldErrors),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={save.isError ? mapProblem(save.error, brandFields).formError : null}
        />
        <BrandFields form={form} editing />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
