import {
  Badge,
  Button,
  Checkbox,
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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notifySuccess } from '../../../components/notify';
import { api } from '../../../lib/api';
import { formatMoney } from '../../../lib/money';
import { mapProblem, unwrap } from '../../../lib/problem';
import { brandKeys, type Product, type Sku, type TransactionTerm } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { PriceGrid } from './PriceGrid';
import { pricesRequest, pricesToForm, validatePrices, type PriceTexts } from './productForm';

interface RowValues {
  code: string;
  track_stock: boolean;
  stock_quantity: number;
  allow_backorder: boolean;
  prices: PriceTexts;
}

const skuFields = bodyFields(['code', 'track_stock', 'stock_quantity', 'allow_backorder'], []);

function rowValues(sku: Sku): RowValues {
  return {
    code: sku.code,
    track_stock: sku.track_stock,
    stock_quantity: sku.stock_quantity,
    allow_backorder: sku.allow_backorder,
    prices: pricesToForm(sku.prices),
  };
}

function same(a: RowValues, b: RowValues): boolean {
  const filled = (prices: PriceTexts) =>
    Object.entries(prices)
      .filter(([, text]) => text.trim() !== '')
      .sort(([x], [y]) => x.localeCompare(y));
  return (
    a.code === b.code &&
    a.track_stock === b.track_stock &&
    a.stock_quantity === b.stock_quantity &&
    a.allow_backorder === b.allow_backorder &&
    JSON.stringify(filled(a.prices)) === JSON.stringify(filled(b.prices))
  );
}

/** The product's SKUs, each editable on its own row: code, stock, own prices. */
export function SkuGrid({
  context,
  product,
  terms,
}: {
  context: BrandContext;
  product: Product;
  terms: TransactionTerm[];
}) {
  const { t } = useTranslation();
  const skus = [...product.skus].sort((a, b) => a.position - b.position);
  const valueName = (property: string, value: string) => {
    const prop = product.sku_properties.find((each) => each.code === property);
    const found = prop?.values.find((each) => each.code === value);
    return found ? context.text(found.name) || value : value;
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sku-grid-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="sku-grid-heading">
            {t('products.sections.skus')}
          </Title>
          <Badge variant="light">{t('products.skuCount', { number: skus.length })}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('products.skuGridHelp')}
        </Text>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-labelledby="sku-grid-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.sku.code')}</Table.Th>
                <Table.Th>{t('products.sku.values')}</Table.Th>
                <Table.Th>{t('products.sku.trackStock')}</Table.Th>
                <Table.Th>{t('products.sku.stockQuantity')}</Table.Th>
                <Table.Th>{t('products.sku.allowBackorder')}</Table.Th>
                <Table.Th>{t('products.sku.prices')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skus.map((sku) => (
                <SkuRow
                  key={sku.id}
                  context={context}
                  product={product}
                  sku={sku}
                  terms={terms}
                  values={Object.entries(sku.values)
                    .map(([property, value]) => valueName(property, value))
                    .join(' / ')}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function SkuRow({
  context,
  product,
  sku,
  terms,
  values,
}: {
  context: BrandContext;
  product: Product;
  sku: Sku;
  terms: TransactionTerm[];
  values: string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, currencies } = context;
  const [saved, setSaved] = useState(() => rowValues(sku));
  const [row, setRow] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editingPrices, setEditingPrices] = useState(false);
  const dirty = !same(row, saved);
  const name = sku.code;

  const save = useMutation({
    mutationFn: (submitted: RowValues) =>
      unwrap(
        api.PATCH('/api/v1/brands/{brand_id}/products/{product_id}/skus/{sku_id}', {
          params: { path: { brand_id: brand.id, product_id: product.id, sku_id: sku.id } },
          body: {
            code: submitted.code.trim(),
            track_stock: submitted.track_stock,
            stock_quantity: submitted.stock_quantity,
            allow_backorder: submitted.allow_backorder,
            prices: pricesRequest(submitted.prices, terms, currencies).prices,
          },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(brandKeys.product(brand.id, product.id), updated);
      await queryClient.invalidateQueries({ queryKey: brandKeys.products(brand.id), exact: false });
      const fresh = updated.skus.find((each) => each.id === sku.id);
      if (fresh) {
        const next = rowValues(fresh);
        setSaved(next);
        setRow(next);
      }
      setErrors({});
      notifySuccess(t('products.sku.saved', { code: fresh?.code ?? sku.code }));
    },
    onError: (error) => setErrors(mapProblem(error, skuFields).fieldErrors),
  });

  const formError = save.isError ? mapProblem(save.error, skuFields).formError : null;
  const ownPrices = pricesRequest(row.prices, terms, currencies).prices;

  return (
    <Table.Tr aria-label={name}>
      <Table.Td>
        <TextInput
          size="xs"
          w={200}
          aria-label={t('products.sku.codeFor', { name })}
          value={row.code}
          error={errors.code}
          onChange={(event) => setRow({ ...row, code: event.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{values || '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t('products.sku.trackStockFor', { name })}
          checked={row.track_stock}
          onChange={(event) => setRow({ ...row, track_stock: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={110}
          aria-label={t('products.sku.stockQuantityFor', { name })}
          allowDecimal={false}
          disabled={!row.track_stock}
          value={row.stock_quantity}
          error={errors.stock_quantity}
          onChange={(value) => setRow({ ...row, stock_quantity: Number(value) || 0 })}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t('products.sku.allowBackorderFor', { name })}
          checked={row.allow_backorder}
          disabled={!row.track_stock}
          onChange={(event) => setRow({ ...row, allow_backorder: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Text size="xs" c={ownPrices.length > 0 ? undefined : 'dimmed'}>
            {ownPrices.length > 0
              ? ownPrices
                  .map(
                    (price) =>
                      `${terms.find((term) => term.id === price.term_id)?.code ?? ''} ${formatMoney(price.amount, price.currency, i18n.language)}`,
                  )
                  .join(', ')
              : t('products.sku.productPrices')}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => setEditingPrices(true)}
            aria-label={t('products.sku.editPricesFor', { name })}
          >
            {t('products.sku.editPrices')}
          </Button>
        </Stack>
        <OwnPricesModal
          opened={editingPrices}
          name={name}
          context={context}
          terms={terms}
          prices={row.prices}
          onClose={() => setEditingPrices(false)}
          onApply={(prices) => {
            setRow({ ...row, prices });
            setEditingPrices(false);
          }}
        />
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Button
            size="xs"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate(row)}
            aria-label={t('products.sku.saveFor', { name })}
          >
            {t('common.save')}
          </Button>
          {formError ? (
            <Text size="xs" c="red" role="alert">
              {[formError.message, ...formError.details].join(' ')}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function OwnPricesModal({
  opened,
  name,
  context,
  terms,
  prices,
  onClose,
  onApply,
}: {
  opened: boolean;
  name: string;
  context: BrandContext;
  terms: TransactionTerm[];
  prices: PriceTexts;
  onClose: () => void;
  onApply: (prices: PriceTexts) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('products.sku.ownPricesTitle', { name })}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? (
        <OwnPricesForm
          context={context}
          terms={terms}
          initial={prices}
          onCancel={onClose}
          onApply={onApply}
        />
      ) : null}
    </Modal>
  );
}

function OwnPricesForm({
  context,
  terms,
  initial,
  onCancel,
  onApply,
}: {
  context: BrandContext;
  terms: TransactionTerm[];
  initial: PriceTexts;
  onCancel: () => void;
  onApply: (prices: PriceTexts) => void;
}) {
  const { t } = useTranslation();
  const [prices, setPrices] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('products.sku.ownPricesHelp')}
      </Text>
      <PriceGrid
        caption={t('products.sku.ownPricesCaption')}
        terms={terms}
        currencies={context.currencies}
        values={prices}
        errors={errors}
        termName={(term) => context.text(term.name)}
        onChange={(key, text) => {
          setPrices((current) => ({ ...current, [key]: text }));
          setErrors(({ [key]: _, ...rest }) => rest);
        }}
      />
      <Group justify="space-between">
        <Button variant="subtle" color="gray" onClick={() => onApply({})}>
          {t('products.sku.useProductPrices')}
        </Button>
        <Group>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => {
              const found = validatePrices(prices, terms, context.currencies);
              setErrors(found);
              if (Object.keys(found).length === 0) onApply(prices);
            }}
          >
            {t('products.sku.applyPrices')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
