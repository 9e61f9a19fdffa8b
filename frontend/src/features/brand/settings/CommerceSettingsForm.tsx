import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { AnchorLink } from '../../../components/links';
import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { notifySuccess } from '../../../components/notify';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { useLanguageName } from '../../../lib/queries';
import { emailAddress } from '../../../lib/validation';
import { brandKeys, type BrandSettings } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { COMMENT_MODES, type CommentMode } from '../shared/labels';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';

const MAX_EMAILS = 5;

interface CommerceValues {
  currencies: string[];
  default_currency: string;
  card_payments_enabled: boolean;
  offline_payment_accepted: boolean;
  comment_mode: CommentMode;
  comment_presets: Texts[];
  delivery_date_allowed: boolean;
  notification_emails: string[];
}

const commerceFields = bodyFields(
  [
    'currencies',
    'default_currency',
    'card_payments_enabled',
    'offline_payment_accepted',
    'comment_mode',
    'delivery_date_allowed',
    'notification_emails',
  ],
  ['currencies', 'comment_presets', 'notification_emails'],
);

function toForm(settings: BrandSettings): CommerceValues {
  return {
    currencies: [...settings.currencies],
    default_currency: settings.default_currency,
    card_payments_enabled: settings.card_payments_enabled,
    offline_payment_accepted: settings.offline_payment_accepted,
    comment_mode: settings.comment_mode,
    comment_presets: settings.comment_presets.map((preset) =>
      textsToForm(preset, settings.languages),
    ),
    delivery_date_allowed: settings.delivery_date_allowed,
    notification_emails: [...settings.notification_emails],
  };
}

/** ISO 4217 currencies named in the UI language ("JPY — Japanese Yen"). */
function useCurrencyOptions(selected: readonly string[]) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    const codes = new Set([...Intl.supportedValuesOf('currency'), ...selected]);
    return [...codes].sort().map((code) => ({
      value: code,
      label: `${code} — ${names.of(code) ?? code}`,
    }));
  }, [i18n.language, selected]);
}

/** The brand's commerce settings: currencies, payments, order comment, delivery date, e-mails. */
export function CommerceSettingsForm({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const languageName = useLanguageName();
  const { settings, brand, canAdmin, languages, defaultLanguage } = context;
  const form = useForm<CommerceValues>({
    initialValues: toForm(settings),
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (values.currencies.length === 0) errors.currencies = t('validation.chooseOne');
      if (!values.currencies.includes(values.default_currency)) {
        errors.default_currency = t('validation.chooseOne');
      }
      if (values.comment_mode === 'presets') {
        if (values.comment_presets.length === 0) errors.comment_presets = t('validation.addOne');
        values.comment_presets.forEach((preset, index) =>
          checkDefaultText(errors, preset, defaultLanguage, `comment_presets.${index}`),
        );
      }
      values.notification_emails.forEach((email, index) => {
        const error = emailAddress(email);
        if (error) errors[`notification_emails.${index}`] = error;
      });
      return errors;
    },
  });
  const currencyOptions = useCurrencyOptions(form.values.currencies);

  const save = useMutation({
    mutationFn: (values: CommerceValues) =>
      unwrap(
        api.PATCH('/api/v1/brands/{brand_id}/settings', {
          params: { path: { brand_id: brand.id } },
          body: {
            ...values,
            notification_emails: values.notification_emails.map((email) => email.trim()),
            comment_presets:
              values.comment_mode === 'presets'
                ? values.comment_presets.map((preset) => textsRequest(preset, languages))
                : values.comment_presets
                    .map((preset) => textsRequest(preset, languages))
                    .filter((preset) => Object.keys(preset).length > 0),
            // Card payments can only be switched on where the platform offers them.
            card_payments_enabled: settings.card_payments_available
              ? values.card_payments_enabled
              : false,
          },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(brandKeys.settings(brand.id), updated);
      form.resetDirty(toForm(updated));
      notifySuccess(t('settings.commerce.saved'));
    },
    onError: (error) => form.setErrors(mapProblem(error, commerceFields).fieldErrors),
  });

  const { values } = form;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="commerce-heading">
      <form onSubmit={form.onSubmit((submitted) => save.mutate(submitted))} noValidate>
        <Stack gap="lg">
          <Title order={2} size="h3" id="commerce-heading">
            {t('settings.tabs.commerce')}
          </Title>
          <FormErrorAlert
            error={save.isError ? mapProblem(save.error, commerceFields).formError : null}
          />
          <Text size="sm">
            {t('settings.commerce.languages', {
              languages: languages.map(languageName).join(', '),
              language: languageName(defaultLanguage),
            })}{' '}
            <AnchorLink to="/brand/$brandId/profile" params={{ brandId: brand.id }} size="sm">
              {t('settings.commerce.editLanguages')}
            </AnchorLink>
          </Text>
          <Fieldset legend={t('settings.commerce.currencies')} disabled={!canAdmin}>
            <Stack gap="sm">
              <MultiSelect
                label={t('settings.commerce.currencies')}
                description={t('settings.commerce.currenciesHelp')}
                data={currencyOptions}
                searchable
                withAsterisk
                nothingFoundMessage={t('common.nothingFound')}
                {...form.getInputProps('currencies')}
                onChange={(currencies) => {
                  form.setFieldValue('currencies', currencies);
                  if (!currencies.includes(values.default_currency)) {
                    form.setFieldValue('default_currency', currencies[0] ?? '');
                  }
                }}
              />
              <Select
                label={t('settings.commerce.defaultCurrency')}
                data={values.currencies}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('default_currency')}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('settings.commerce.payment')} disabled={!canAdmin}>
            <Stack gap="sm">
              <Switch
                label={t('settings.commerce.cardPayments')}
                description={
                  settings.card_payments_available
                    ? t('settings.commerce.cardPaymentsHelp')
                    : t('settings.commerce.cardPaymentsUnavailable')
                }
                disabled={!settings.card_payments_available}
                {...form.getInputProps('card_payments_enabled', { type: 'checkbox' })}
              />
              <Switch
                label={t('settings.commerce.offlinePayment')}
                description={t('settings.commerce.offlinePaymentHelp')}
                {...form.getInputProps('offline_payment_accepted', { type: 'checkbox' })}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('settings.commerce.orderForm')} disabled={!canAdmin}>
            <Stack gap="sm">
              <Radio.Group
                label={t('settings.commerce.commentMode')}
                {...form.getInputProps('comment_mode')}
              >
                <Group mt="xs">
                  {COMMENT_MODES.map((mode) => (
                    <Radio key={mode} value={mode} label={t(`settings.commerce.comment.${mode}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {values.comment_mode === 'presets' ? (
                <Stack gap="xs">
                  {values.comment_presets.map((_, index) => (
                    <Group key={index} align="flex-end" wrap="nowrap">
                      <div style={{ flex: 1 }}>
                        <LocalizedTextInputs
                          label={t('settings.commerce.preset', { number: index + 1 })}
                          languages={languages}
                          requiredLanguages={[defaultLanguage]}
                          inputProps={(language) =>
                            form.getInputProps(`comment_presets.${index}.${language}`)
                          }
                        />
                      </div>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mb={4}
                        onClick={() => form.removeListItem('comment_presets', index)}
                        aria-label={t('settings.commerce.removePreset', { number: index + 1 })}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                  {form.errors.comment_presets ? (
                    <Text size="sm" c="red">
                      {form.errors.comment_presets}
                    </Text>
                  ) : null}
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() =>
                        form.insertListItem('comment_presets', textsToForm({}, languages))
                      }
                    >
                      {t('settings.commerce.addPreset')}
                    </Button>
                  </Group>
                </Stack>
              ) : null}
              <Switch
                label={t('settings.commerce.deliveryDate')}
                description={t('settings.commerce.deliveryDateHelp')}
                {...form.getInputProps('delivery_date_allowed', { type: 'checkbox' })}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('settings.commerce.notificationEmails')} disabled={!canAdmin}>
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('settings.commerce.notificationEmailsHelp', { max: MAX_EMAILS })}
              </Text>
              {values.notification_emails.map((_, index) => (
                <Group key={index} align="flex-start" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    type="email"
                    label={t('settings.commerce.notificationEmail', { number: index + 1 })}
                    {...form.getInputProps(`notification_emails.${index}`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    onClick={() => form.removeListItem('notification_emails', index)}
                    aria-label={t('settings.commerce.removeEmail', { number: index + 1 })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={values.notification_emails.length >= MAX_EMAILS}
                  onClick={() => form.insertListItem('notification_emails', '')}
                >
                  {t('settings.commerce.addEmail')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          {canAdmin ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
