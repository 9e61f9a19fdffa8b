import {
  Alert,
  Button,
  Group,
  Image,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPhotoOff, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { SortableList } from '../../../components/SortableList';
import { notifySuccess } from '../../../components/notify';
import { api } from '../../../lib/api';
import { formFields, mapProblem, unwrap } from '../../../lib/problem';
import { brandKeys, useAllProducts, type Catalog, type ProductSummary } from '../data';
import type { BrandContext } from '../shared/BrandGate';

const MAX_RESULTS = 20;

/** Searches products by model number or name, as typed (case and spaces ignored). */
function matchesSearch(product: ProductSummary, words: readonly string[], name: string) {
  const haystack = `${product.model_number} ${name}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The catalog's products: search and add, order by drag and drop or move buttons, remove. */
export function CatalogProducts({ context, catalog }: { context: BrandContext; catalog: Catalog }) {
  const { t } = useTranslation();
  const { brand } = context;
  const key = [...brandKeys.catalog(brand.id, catalog.id), 'products'];
  const chosen = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/catalogs/{catalog_id}/products', {
          params: { path: { brand_id: brand.id, catalog_id: catalog.id } },
        }),
      ),
  });
  const products = useAllProducts(brand.id);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="catalog-products-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="catalog-products-heading">
          {t('catalogs.products.title')}
        </Title>
        {chosen.isPending || products.isPending ? <LoadingState /> : null}
        {chosen.isError ? (
          <ErrorState error={chosen.error} onRetry={() => void chosen.refetch()} />
        ) : null}
        {products.isError ? (
          <ErrorState error={products.error} onRetry={() => void products.refetch()} />
        ) : null}
        {chosen.data && products.data ? (
          <ProductsEditor
            key={chosen.data.product_ids.join(',')}
            context={context}
            catalog={catalog}
            initial={chosen.data.product_ids}
            products={products.data}
            queryKey={key}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function ProductsEditor({
  context,
  catalog,
  initial,
  products,
  queryKey,
}: {
  context: BrandContext;
  catalog: Catalog;
  initial: string[];
  products: ProductSummary[];
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand } = context;
  const [ids, setIds] = useState(initial);
  const [search, setSearch] = useState('');
  const byId = new Map(products.map((product) => [product.id, product]));
  const nameOf = (product: ProductSummary) => context.text(product.name);
  const labelOf = (id: string) => {
    const product = byId.get(id);
    return product ? `${product.model_number} ${nameOf(product)}`.trim() : id;
  };
  const dirty = JSON.stringify(ids) !== JSON.stringify(initial);
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const results =
    words.length > 0
      ? products
          .filter((product) => !ids.includes(product.id))
          .filter((product) => matchesSearch(product, words, nameOf(product)))
          .slice(0, MAX_RESULTS)
      : [];

  const save = useMutation({
    mutationFn: (productIds: string[]) =>
      unwrap(
        api.PUT('/api/v1/brands/{brand_id}/catalogs/{catalog_id}/products', {
          params: { path: { brand_id: brand.id, catalog_id: catalog.id } },
          body: { product_ids: productIds },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: brandKeys.catalogs(brand.id) });
      notifySuccess(t('catalogs.products.saved'));
    },
  });

  return (
    <Stack gap="md">
      <Stack gap="xs" role="search">
        <TextInput
          label={t('catalogs.products.search')}
          placeholder={t('products.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {words.length > 0 ? (
          results.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('catalogs.products.noResults')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={260}>
              <Stack
                gap={4}
                component="ul"
                aria-label={t('catalogs.products.results')}
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {results.map((product) => (
                  <Group key={product.id} component="li" justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      <Text span fw={600}>
                        {product.model_number}
                      </Text>{' '}
                      {nameOf(product)}
                    </Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() => setIds((current) => [...current, product.id])}
                      aria-label={t('catalogs.products.add', { name: product.model_number })}
                    >
                      {t('common.add')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )
        ) : null}
      </Stack>

      <Text size="sm" fw={500}>
        {t('catalogs.products.inCatalog', { number: ids.length })}
      </Text>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('catalogs.products.empty')}
        </Text>
      ) : (
        <SortableList
          label={t('catalogs.products.inCatalog', { number: ids.length })}
          items={ids}
          getId={(id) => id}
          getLabel={(id) => labelOf(id)}
          onReorder={setIds}
          renderItem={(id) => {
            const product = byId.get(id);
            return (
              <Group wrap="nowrap" gap="sm">
                {product?.image ? (
                  <Image src={product.image.thumbnail_url} alt="" w={40} h={40} radius="sm" />
                ) : (
                  <IconPhotoOff size={24} color="gray" aria-hidden />
                )}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {product?.model_number ?? id}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {product ? nameOf(product) : t('catalogs.products.unknown')}
                  </Text>
                </div>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={12} aria-hidden />}
                  onClick={() => setIds((current) => current.filter((each) => each !== id))}
                  aria-label={t('catalogs.products.remove', { name: labelOf(id) })}
                >
                  {t('media.removeShort')}
                </Button>
              </Group>
            );
          }}
        />
      )}
      <FormErrorAlert
        error={save.isError ? mapProblem(save.error, formFields([])).formError : null}
      />
      {dirty ? (
        <Alert color="yellow" variant="light">
          {t('catalogs.products.unsaved')}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" disabled={!dirty} onClick={() => setIds(initial)}>
          {t('catalogs.products.discard')}
        </Button>
        <Button disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(ids)}>
          {t('catalogs.products.save')}
        </Button>
      </Group>
    </Stack>
  );
}
