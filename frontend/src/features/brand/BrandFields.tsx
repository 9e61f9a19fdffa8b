import { Divider, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { ContentLanguagesPicker } from '../../components/ContentLanguagesPicker';
import { CountrySelect } from '../../components/CountrySelect';
import { LocalizedTextInputs } from '../../components/LocalizedTextInputs';
import { fillTexts } from '../../lib/localized';
import type { BrandFormValues } from './brandForm';

/**
 * Languages + default, name and description per language, country; on edit also the status,
 * website and video.
 */
export function BrandFields({
  form,
  editing = false,
}: {
  form: UseFormReturnType<BrandFormValues>;
  editing?: boolean;
}) {
  const { t } = useTranslation();
  const { values } = form;
  return (
    <Stack gap="md">
      <ContentLanguagesPicker
        value={{ languages: values.languages, defaultLanguage: values.default_language }}
        onChange={({ languages, defaultLanguage }) => {
          form.setValues((current) => ({
            languages,
            default_language: defaultLanguage,
            name: fillTexts(current.name ?? {}, languages),
            description: fillTexts(current.description ?? {}, languages),
          }));
          form.clearFieldError('languages');
          form.clearFieldError('default_language');
        }}
        languagesError={form.errors.languages}
        defaultLanguageError={form.errors.default_language}
      />
      <Divider />
      {values.languages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('brand.form.chooseLanguagesFirst')}
        </Text>
      ) : null}
      <LocalizedTextInputs
        label={t('brand.form.name')}
        languages={values.languages}
        required
        inputProps={(language) => form.getInputProps(`name.${language}`)}
      />
      <LocalizedTextInputs
        label={t('brand.form.description')}
        languages={values.languages}
        multiline
        inputProps={(language) => form.getInputProps(`description.${language}`)}
      />
      <CountrySelect label={t('fields.country')} withAsterisk {...form.getInputProps('country')} />
      {editing ? (
        <>
          <TextInput
            label={t('brand.form.website')}
            type="url"
            placeholder="https://"
            {...form.getInputProps('website_url')}
          />
          <TextInput
            label={t('brand.form.video')}
            type="url"
            placeholder="https://"
            {...form.getInputProps('video_url')}
          />
        </>
      ) : null}
      {editing ? (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="brand-status-label">
            {t('brand.form.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="brand-status-label"
            data={[
              { value: 'active', label: t('brand.status.active') },
              { value: 'inactive', label: t('brand.status.inactive') },
            ]}
            {...form.getInputProps('status')}
          />
          <Text size="xs" c="dimmed">
            {t('brand.form.statusHelp')}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
