import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { requiredText } from '../../../lib/validation';
import { brandKeys, useCategories, type Category } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';

interface CategoryValues {
  code: string;
  name: Texts;
  position: number;
}

const categoryFields = bodyFields(['code', 'position'], ['name']);

/** Product categories, in the order buyers see them. */
export function CategoriesSection({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, canAdmin } = context;
  const categories = useCategories(brand.id);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const remove = useMutation({
    mutationFn: (category: Category) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/categories/{category_id}', {
          params: { path: { brand_id: brand.id, category_id: category.id } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.categories(brand.id) });
      notifySuccess(t('settings.categories.deleted'));
    },
    onError: notifyError,
  });

  const confirmDelete = (category: Category) =>
    modals.openConfirmModal({
      title: t('settings.categories.deleteTitle'),
      children: <Text size="sm">{t('settings.deleteText', { name: category.code })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(category),
    });

  const addButton = canAdmin ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('settings.categories.add')}
    </Button>
  ) : null;
  const items = categories.data ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="categories-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="categories-heading">
            {t('settings.tabs.categories')}
          </Title>
          {items.length > 0 ? addButton : null}
        </Group>
        {categories.isPending ? <LoadingState /> : null}
        {categories.isError ? (
          <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
        ) : null}
        {categories.isSuccess && items.length === 0 ? (
          <EmptyListState title={t('settings.categories.empty')} action={addButton} />
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.code')}</Table.Th>
                  <Table.Th>{t('settings.name')}</Table.Th>
                  <Table.Th>{t('settings.position')}</Table.Th>
                  {canAdmin ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((category) => (
                  <Table.Tr key={category.id}>
                    <Table.Td>
                      <Text fw={600}>{category.code}</Text>
                    </Table.Td>
                    <Table.Td>{context.text(category.name)}</Table.Td>
                    <Table.Td>{category.position}</Table.Td>
                    {canAdmin ? (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconEdit size={14} aria-hidden />}
                            onClick={() => setEditing(category)}
                            aria-label={t('common.editName', { name: category.code })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} aria-hidden />}
                            onClick={() => confirmDelete(category)}
                            aria-label={t('common.deleteName', { name: category.code })}
                          >
                            {t('common.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('settings.categories.add') : t('settings.categories.edit')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null ? (
          <CategoryForm
            context={context}
            category={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

function CategoryForm({
  context,
  category,
  onDone,
}: {
  context: BrandContext;
  category: Category | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, languages, defaultLanguage } = context;
  const form = useForm<CategoryValues>({
    initialValues: {
      code: category?.code ?? '',
      name: textsToForm(category?.name, languages),
      position: category?.position ?? 0,
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const code = requiredText(values.code);
      if (code) errors.code = code;
      checkDefaultText(errors, values.name, defaultLanguage, 'name');
      return errors;
    },
  });

  const save = useMutation({
    mutationFn: (values: CategoryValues) => {
      const body = {
        code: values.code.trim(),
        name: textsRequest(values.name, languages),
        position: values.position,
      };
      return category
        ? unwrap(
            api.PATCH('/api/v1/brands/{brand_id}/categories/{category_id}', {
              params: { path: { brand_id: brand.id, category_id: category.id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/v1/brands/{brand_id}/categories', {
              params: { path: { brand_id: brand.id } },
              body,
            }),
          );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.categories(brand.id) });
      notifySuccess(t('settings.categories.saved'));
      onDone();
    },
    onError: (error) => form.setErrors(mapProblem(error, categoryFields).fieldErrors),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <FormErrorAlert
          error={save.isError ? mapProblem(save.error, categoryFields).formError : null}
        />
        <TextInput
          label={t('settings.code')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('code')}
        />
        <LocalizedTextInputs
          label={t('settings.name')}
          languages={languages}
          requiredLanguages={[defaultLanguage]}
          inputProps={(language) => form.getInputProps(`name.${language}`)}
        />
        <NumberInput
          label={t('settings.position')}
          description={t('settings.positionHelp')}
          min={0}
          max={10000}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('position')}
          onChange={(value) => form.setFieldValue('position', Number(value) || 0)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {category ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
