import { Button, Divider, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { ContentLanguagesPicker } from '../../components/ContentLanguagesPicker';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { fillTexts } from '../../lib/localized';
import { mapProblem, unwrap } from '../../lib/problem';
import { queryKeys, type BuyerOrganization } from '../../lib/queries';
import { OrganizationFields } from './OrganizationFields';
import {
  organizationFields,
  organizationRequest,
  organizationToForm,
  validateBasicStep,
  validateLanguageStep,
  type OrganizationFormValues,
} from './organizationForm';
import { useCurrentOrganization } from './useOrganization';

export function OrganizationSettingsPage() {
  const { organization } = useCurrentOrganization();
  if (organization.isPending) return <LoadingState />;
  if (organization.isError) return <ErrorState error={organization.error} />;
  // Keyed by update time: a saved change starts the form again from the server's values.
  return <SettingsForm key={organization.data.updated_at} org={organization.data} />;
}

function SettingsForm({ org }: { org: BuyerOrganization }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<OrganizationFormValues>({
    initialValues: organizationToForm(org),
    validate: (values) => ({
      ...validateLanguageStep(values, t('buyer.create.chooseLanguage')),
      ...validateBasicStep(values),
    }),
  });

  const save = useMutation({
    mutationFn: (values: OrganizationFormValues) => {
      const { kind: _kind, ...body } = organizationRequest(values);
      return unwrap(
        api.PATCH('/api/v1/buyer-organizations/{org_id}', {
          params: { path: { org_id: org.id } },
          body,
        }),
      );
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.buyerOrganization(org.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.buyerOrganizations });
      notifications.show({ color: 'green', message: t('buyer.settings.saved') });
    },
    onError: (error) => form.setErrors(mapProblem(error, organizationFields).fieldErrors),
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="org-settings-heading">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="org-settings-heading">
            {t('buyer.settings.title')}
          </Title>
          <FormErrorAlert
            error={save.isError ? mapProblem(save.error, organizationFields).formError : null}
          />
          <ContentLanguagesPicker
            value={{
              languages: form.values.languages,
              defaultLanguage: form.values.default_language,
            }}
            onChange={({ languages, defaultLanguage }) => {
              form.setValues((values) => ({
                languages,
                default_language: defaultLanguage,
                name: fillTexts(values.name ?? {}, languages),
                representative: fillTexts(values.representative ?? {}, languages),
              }));
            }}
            languagesError={form.errors.languages}
            defaultLanguageError={form.errors.default_language}
          />
          <Divider />
          <OrganizationFields form={form} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
