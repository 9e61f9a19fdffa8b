import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../components/FormErrorAlert';
import { notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { mapProblem, unwrap } from '../../lib/problem';
import { queryKeys, useMe } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { BrandFields } from './BrandFields';
import {
  brandFields,
  brandRequest,
  emptyBrand,
  validateBrand,
  type BrandFormValues,
} from './brandForm';

/** "Create a brand": the person creating it becomes its owner. */
export function CreateBrandPage() {
  const { t } = useTranslation();
  usePageTitle(t('brand.create.title'));
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return <CreateBrandForm country={me.data.country} />;
}

function CreateBrandForm({ country }: { country: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<BrandFormValues>({
    initialValues: emptyBrand(country),
    validate: (values) => validateBrand(values, t('buyer.create.chooseLanguage')),
  });

  const create = useMutation({
    mutationFn: (values: BrandFormValues) =>
      unwrap(api.POST('/api/v1/brands', { body: brandRequest(values) })),
    onSuccess: async (brand) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.brands });
      notifySuccess(t('brand.create.done'));
      await navigate({ to: '/brand/$brandId/profile', params: { brandId: brand.id } });
    },
    onError: (error) => form.setErrors(mapProblem(error, brandFields).fieldErrors),
  });

  return (
    <Container size="sm">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('brand.create.title')}</Title>
          <Text c="dimmed">{t('brand.create.intro')}</Text>
        </div>
        <Paper withBorder p="lg">
          <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
            <Stack gap="md">
              <FormErrorAlert
                error={create.isError ? mapProblem(create.error, brandFields).formError : null}
              />
              <BrandFields form={form} />
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending}>
                  {t('common.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
