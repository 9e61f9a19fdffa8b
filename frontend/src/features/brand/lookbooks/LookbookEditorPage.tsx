import {
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ButtonLink } from '../../../components/links';
import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys, useAllProducts, type Lookbook } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { ImageManager } from '../shared/ImageManager';
import { lookbookStatusLabel, type LookbookStatus } from '../shared/labels';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';

const editRoute = getRouteApi('/_authenticated/brand/$brandId/lookbooks/$lookbookId');

interface LookbookImageDraft {
  media_id: string;
  thumbnail_url: string;
  product_ids: string[];
}

interface LookbookValues {
  name: Texts;
  status: LookbookStatus;
  images: LookbookImageDraft[];
}

const lookbookFields = bodyFields(['status', 'images'], ['name', 'images']);

export function NewLookbookPage() {
  const { t } = useTranslation();
  usePageTitle(t('lookbooks.create'));
  return <BrandGate>{(context) => <LookbookEditor context={context} lookbook={null} />}</BrandGate>;
}

export function EditLookbookPage() {
  const { lookbookId } = editRoute.useParams();
  return (
    <BrandGate>
      {(context) => <ExistingLookbook context={context} lookbookId={lookbookId} />}
    </BrandGate>
  );
}

function ExistingLookbook({ context, lookbookId }: { context: BrandContext; lookbookId: string }) {
  const lookbook = useQuery({
    queryKey: brandKeys.lookbook(context.brand.id, lookbookId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/lookbooks/{lookbook_id}', {
          params: { path: { brand_id: context.brand.id, lookbook_id: lookbookId } },
        }),
      ),
  });
  usePageTitle(lookbook.data ? context.text(lookbook.data.name) : null);
  if (lookbook.isPending) return <LoadingState />;
  if (lookbook.isError) {
    return <ErrorState error={lookbook.error} onRetry={() => void lookbook.refetch()} />;
  }
  return <LookbookEditor key={lookbook.data.id} context={context} lookbook={lookbook.data} />;
}

function LookbookEditor({
  context,
  lookbook,
}: {
  context: BrandContext;
  lookbook: Lookbook | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { brand, languages, defaultLanguage } = context;
  const products = useAllProducts(brand.id);
  const productOptions = (products.data ?? []).map((product) => ({
    value: product.id,
    label: `${product.model_number} ${context.text(product.name)}`.trim(),
  }));
  const form = useForm<LookbookValues>({
    initialValues: {
      name: textsToForm(lookbook?.name, languages),
      status: lookbook?.status ?? 'draft',
      images: (lookbook?.images ?? []).map((image) => ({
        media_id: image.media_id,
        thumbnail_url: image.thumbnail_url,
        product_ids: [...image.product_ids],
      })),
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      checkDefaultText(errors, values.name, defaultLanguage, 'name');
      if (values.images.length === 0) errors.images = t('lookbooks.needImage');
      return errors;
    },
  });
  const { values } = form;

  const save = useMutation({
    mutationFn: (submitted: LookbookValues) => {
      const body = {
        name: textsRequest(submitted.name, languages),
        status: submitted.status,
        images: submitted.images.map((image) => ({
          media_id: image.media_id,
          product_ids: image.product_ids,
        })),
      };
      return lookbook
        ? unwrap(
            api.PATCH('/api/v1/brands/{brand_id}/lookbooks/{lookbook_id}', {
              params: { path: { brand_id: brand.id, lookbook_id: lookbook.id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/v1/brands/{brand_id}/lookbooks', {
              params: { path: { brand_id: brand.id } },
              body,
            }),
          );
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(brandKeys.lookbook(brand.id, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: brandKeys.lookbooks(brand.id) });
      notifySuccess(t('lookbooks.saved'));
      if (!lookbook) {
        await navigate({
          to: '/brand/$brandId/lookbooks/$lookbookId',
          params: { brandId: brand.id, lookbookId: saved.id },
          replace: true,
        });
      } else form.resetDirty();
    },
    onError: (error) => form.setErrors(mapProblem(error, lookbookFields).fieldErrors),
  });

  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/lookbooks/{lookbook_id}', {
          params: { path: { brand_id: brand.id, lookbook_id: lookbook?.id ?? '' } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.lookbooks(brand.id) });
      notifySuccess(t('lookbooks.deleted'));
      await navigate({ to: '/brand/$brandId/lookbooks', params: { brandId: brand.id } });
    },
    onError: notifyError,
  });

  const imagesError = Object.entries(form.errors)
    .filter(([key]) => key === 'images' || key.startsWith('images.'))
    .map(([, error]) => error)
    .find((error) => typeof error === 'string');

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="lookbook-heading">
      <form onSubmit={form.onSubmit((submitted) => save.mutate(submitted))} noValidate>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <ButtonLink
                to="/brand/$brandId/lookbooks"
                params={{ brandId: brand.id }}
                variant="subtle"
                size="compact-sm"
                leftSection={<IconArrowLeft size={14} aria-hidden />}
              >
                {t('lookbooks.backToList')}
              </ButtonLink>
              <Title order={2} size="h3" id="lookbook-heading">
                {lookbook ? context.text(lookbook.name) : t('lookbooks.create')}
              </Title>
            </div>
            {lookbook ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() =>
                  modals.openConfirmModal({
                    title: t('lookbooks.deleteTitle'),
                    children: (
                      <Text size="sm">
                        {t('lookbooks.deleteText', { name: context.text(lookbook.name) })}
                      </Text>
                    ),
                    labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate(),
                  })
                }
              >
                {t('lookbooks.delete')}
              </Button>
            ) : null}
          </Group>
          <FormErrorAlert
            error={save.isError ? mapProblem(save.error, lookbookFields).formError : null}
          />
          <LocalizedTextInputs
            label={t('lookbooks.name')}
            languages={languages}
            requiredLanguages={[defaultLanguage]}
            inputProps={(language) => form.getInputProps(`name.${language}`)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="lookbook-status-label">
              {t('lookbooks.statusLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="lookbook-status-label"
              style={{ alignSelf: 'flex-start' }}
              data={(['public', 'draft'] as const).map((status) => ({
                value: status,
                label: lookbookStatusLabel(t, status),
              }))}
              {...form.getInputProps('status')}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('lookbooks.images')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('lookbooks.imagesHelp')}
            </Text>
            <ImageManager<LookbookImageDraft>
              brandId={brand.id}
              label={t('lookbooks.images')}
              images={values.images}
              max={100}
              toItem={(media) => ({
                media_id: media.id,
                thumbnail_url: media.thumbnail_url,
                product_ids: [],
              })}
              onChange={(images) => {
                form.setFieldValue('images', images);
                form.clearFieldError('images');
              }}
              renderExtra={(image, index) => (
                <MultiSelect
                  size="xs"
                  label={t('lookbooks.credits', { number: index + 1 })}
                  data={productOptions}
                  searchable
                  nothingFoundMessage={t('common.nothingFound')}
                  value={image.product_ids}
                  onChange={(ids) =>
                    form.setFieldValue(
                      'images',
                      values.images.map((each, at) =>
                        at === index ? { ...each, product_ids: ids } : each,
                      ),
                    )
                  }
                />
              )}
            />
            {imagesError ? (
              <Text size="sm" c="red" role="alert">
                {imagesError}
              </Text>
            ) : null}
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {lookbook ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
