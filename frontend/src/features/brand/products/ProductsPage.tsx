import {
  Group,
  Image,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPhotoOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../../components/links';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE } from '../../../lib/queries';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys, useCategories } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';

/** Products: search, category filter, "Load more"; Create a product; Import products. */
export function ProductsPage() {
  const { t } = useTranslation();
  usePageTitle(t('brand.nav.products'));
  return <BrandGate>{(context) => <ProductList context={context} />}</BrandGate>;
}

function ProductList({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const { brand } = context;
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const categories = useCategories(brand.id);

  const products = useInfiniteQuery({
    queryKey: [...brandKeys.products(brand.id), 'list', debouncedSearch, categoryId],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/products', {
          params: {
            path: { brand_id: brand.id },
            query: {
              limit: PAGE_SIZE,
              cursor: pageParam,
              search: debouncedSearch || undefined,
              category_id: categoryId ?? undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = debouncedSearch !== '' || categoryId !== null;
  const categoryName = (id: string | null) => {
    const category = categories.data?.find((each) => each.id === id);
    return category ? context.text(category.name) : '—';
  };

  const createButton = (
    <ButtonLink
      to="/brand/$brandId/products/new"
      params={{ brandId: brand.id }}
      leftSection={<IconPlus size={16} aria-hidden />}
    >
      {t('products.create')}
    </ButtonLink>
  );

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="products-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="products-heading">
            {t('brand.nav.products')}
          </Title>
          <Group gap="xs">
            <ButtonLink
              to="/brand/$brandId/products/import"
              params={{ brandId: brand.id }}
              variant="light"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              {t('imports.title')}
            </ButtonLink>
            {items.length > 0 || filtered ? createButton : null}
          </Group>
        </Group>
        <Group align="flex-end" role="search">
          <TextInput
            style={{ flex: 1 }}
            label={t('products.search')}
            placeholder={t('products.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            type="search"
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            w={240}
            label={t('products.category')}
            placeholder={t('products.allCategories')}
            clearable
            data={(categories.data ?? []).map((category) => ({
              value: category.id,
              label: context.text(category.name),
            }))}
            value={categoryId}
            onChange={setCategoryId}
          />
        </Group>
        {products.isPending ? <LoadingState /> : null}
        {products.isError ? (
          <ErrorState error={products.error} onRetry={() => void products.refetch()} />
        ) : null}
        {products.isSuccess && items.length === 0 ? (
          filtered ? (
            <EmptyListState title={t('products.noMatch')} />
          ) : (
            <EmptyListState
              title={t('products.empty')}
              description={t('products.emptyText')}
              action={createButton}
            />
          )
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table
              verticalSpacing="xs"
              aria-labelledby="products-heading"
              aria-busy={products.isFetching}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={72}>
                    <VisuallyHidden>{t('products.image')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('products.modelNumber')}</Table.Th>
                  <Table.Th>{t('products.name')}</Table.Th>
                  <Table.Th>{t('products.category')}</Table.Th>
                  <Table.Th ta="end">{t('products.skus')}</Table.Th>
                  <Table.Th ta="end">{t('products.stock')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((product) => {
                  const name = context.text(product.name) || product.model_number;
                  return (
                    <Table.Tr key={product.id}>
                      <Table.Td>
                        {product.image ? (
                          <Image
                            src={product.image.thumbnail_url}
                            alt=""
                            w={56}
                            h={56}
                            fit="cover"
                            radius="sm"
                          />
                        ) : (
                          <IconPhotoOff size={24} color="gray" aria-hidden />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <AnchorLink
                          to="/brand/$brandId/products/$productId"
                          params={{ brandId: brand.id, productId: product.id }}
                          fw={600}
                        >
                          {product.model_number}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{categoryName(product.category_id)}</Table.Td>
                      <Table.Td ta="end">{product.sku_count}</Table.Td>
                      <Table.Td ta="end">
                        {product.tracked_stock === null ? (
                          <Text span size="sm" c="dimmed">
                            {t('products.notTracked')}
                          </Text>
                        ) : (
                          product.tracked_stock
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={products.hasNextPage}
          isFetchingNextPage={products.isFetchingNextPage}
          fetchNextPage={products.fetchNextPage}
        />
      </Stack>
    </Paper>
  );
}
