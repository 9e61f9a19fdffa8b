import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ButtonLink } from '../../../components/links';
import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { resolveLocalized } from '../../../lib/localized';
import { mapProblem, unwrap } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import {
  brandKeys,
  productQuery,
  useCategories,
  useTaxRates,
  useTransactionTerms,
  type Product,
  type TransactionTerm,
} from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { BrandGate } from '../shared/BrandGate';
import { focusFirstError } from '../shared/fields';
import { ImageManager } from '../shared/ImageManager';
import { GroupsEditor } from './GroupsEditor';
import { PriceGrid } from './PriceGrid';
import {
  emptyProduct,
  MAX_OPTION_GROUPS,
  MAX_PROPERTIES,
  previewSkus,
  productFields,
  productRequest,
  productToForm,
  validateProduct,
  type ImageDraft,
  type ProductValues,
} from './productForm';
import { SkuGrid } from './SkuGrid';

const editRoute = getRouteApi('/_authenticated/brand/$brandId/products/$productId');

/** "Create a product". */
export function NewProductPage() {
  const { t } = useTranslation();
  usePageTitle(t('products.create'));
  return <BrandGate>{(context) => <ProductLoader context={context} product={null} />}</BrandGate>;
}

/** A product's editor, with its SKU grid. */
export function EditProductPage() {
  const { productId } = editRoute.useParams();
  return (
    <BrandGate>
      {(context) => <ExistingProduct context={context} productId={productId} />}
    </BrandGate>
  );
}

function ExistingProduct({ context, productId }: { context: BrandContext; productId: string }) {
  const product = useQuery(productQuery(context.brand.id, productId));
  usePageTitle(product.data ? product.data.model_number : null);
  if (product.isPending) return <LoadingState />;
  if (product.isError) {
    return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  }
  return <ProductLoader key={product.data.id} context={context} product={product.data} />;
}

/** The form needs the terms, taxes and categories to choose from. */
function ProductLoader({ context, product }: { context: BrandContext; product: Product | null }) {
  const terms = useTransactionTerms(context.brand.id);
  const taxes = useTaxRates(context.brand.id);
  const categories = useCategories(context.brand.id);
  const failed = [terms, taxes, categories].find((query) => query.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!terms.data || !taxes.data || !categories.data) return <LoadingState />;
  return (
    <ProductEditor
      context={context}
      product={product}
      terms={terms.data}
      defaultTaxId={taxes.data.find((tax) => tax.is_default)?.id ?? ''}
      taxOptions={taxes.data.map((tax) => ({
        value: tax.id,
        label: `${context.text(tax.name)} (${tax.rate}%)`,
      }))}
      categoryOptions={categories.data.map((category) => ({
        value: category.id,
        label: `${category.code} · ${context.text(category.name)}`,
      }))}
    />
  );
}

function Section({
  id,
  title,
  help,
  children,
}: {
  id: string;
  title: string;
  help?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {help ? (
          <Text size="sm" c="dimmed">
            {help}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

function ProductEditor({
  context,
  product,
  terms,
  defaultTaxId,
  taxOptions,
  categoryOptions,
}: {
  context: BrandContext;
  product: Product | null;
  terms: TransactionTerm[];
  defaultTaxId: string;
  taxOptions: { value: string; label: string }[];
  categoryOptions: { value: string; label: string }[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { brand, languages, defaultLanguage, currencies } = context;
  const form = useForm<ProductValues>({
    initialValues: product
      ? productToForm(product, languages)
      : emptyProduct(languages, defaultTaxId),
    validate: (values) =>
      validateProduct(values, defaultLanguage, terms, currencies, {
        model: t('products.modelFormat'),
        code: t('products.groups.codeFormat'),
        addValue: t('products.groups.addOneValue'),
        duplicate: t('products.groups.duplicate'),
      }),
  });
  const { values } = form;
  // Where an API error shows: `prices.N` is the N-th price of the request that failed.
  const fieldsOf = (submitted: ProductValues) =>
    productFields(
      productRequest(submitted, languages, defaultLanguage, terms, currencies).priceKeys,
    );
  const preview = previewSkus(values.model_number, values.sku_properties);

  const refresh = () => queryClient.invalidateQueries({ queryKey: brandKeys.products(brand.id) });

  const save = useMutation({
    mutationFn: (submitted: ProductValues) => {
      const { body } = productRequest(submitted, languages, defaultLanguage, terms, currencies);
      return product
        ? unwrap(
            api.PATCH('/api/v1/brands/{brand_id}/products/{product_id}', {
              params: { path: { brand_id: brand.id, product_id: product.id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/v1/brands/{brand_id}/products', {
              params: { path: { brand_id: brand.id } },
              body: { ...body, stock: submitted.stock },
            }),
          );
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(brandKeys.product(brand.id, saved.id), saved);
      await refresh();
      if (product) {
        form.setValues(productToForm(saved, languages));
        form.resetDirty();
        notifySuccess(t('products.saved'));
      } else {
        notifySuccess(t('products.created', { number: saved.skus.length }));
        await navigate({
          to: '/brand/$brandId/products/$productId',
          params: { brandId: brand.id, productId: saved.id },
          replace: true,
        });
      }
    },
    onError: (error, submitted) => {
      const { fieldErrors } = mapProblem(error, fieldsOf(submitted));
      form.setErrors(fieldErrors);
      focusFirstError(form, fieldErrors);
    },
  });

  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/products/{product_id}', {
          params: { path: { brand_id: brand.id, product_id: product?.id ?? '' } },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t('products.deleted'));
      await navigate({ to: '/brand/$brandId/products', params: { brandId: brand.id } });
    },
    onError: notifyError,
  });

  const title = product
    ? resolveLocalized(product.name, i18n.language, defaultLanguage) || product.model_number
    : t('products.create');
  const priceErrors = Object.fromEntries(
    Object.entries(form.errors)
      .filter(([key]) => key.startsWith('prices.'))
      .map(([key, error]) => [key.slice('prices.'.length), typeof error === 'string' ? error : '']),
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <ButtonLink
            to="/brand/$brandId/products"
            params={{ brandId: brand.id }}
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowLeft size={14} aria-hidden />}
          >
            {t('products.backToList')}
          </ButtonLink>
          <Title order={2}>{title}</Title>
          {product ? (
            <Text c="dimmed" size="sm">
              {product.model_number}
            </Text>
          ) : null}
        </div>
        {product ? (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() =>
              modals.openConfirmModal({
                title: t('products.deleteTitle'),
                children: (
                  <Text size="sm">{t('products.deleteText', { name: product.model_number })}</Text>
                ),
                labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
                confirmProps: { color: 'red' },
                onConfirm: () => remove.mutate(),
              })
            }
          >
            {t('products.delete')}
          </Button>
        ) : null}
      </Group>

      <form
        onSubmit={form.onSubmit(
          (submitted) => save.mutate(submitted),
          (errors) => focusFirstError(form, errors),
        )}
        noValidate
      >
        <Stack gap="lg">
          <Section id="product-basic" title={t('products.sections.basic')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('products.modelNumber')}
                description={t('products.modelNumberHelp')}
                withAsterisk
                {...form.getInputProps('model_number')}
              />
              <Select
                label={t('products.category')}
                data={categoryOptions}
                clearable
                placeholder={t('products.noCategory')}
                {...form.getInputProps('category_id')}
                value={values.category_id || null}
                onChange={(id: string | null) => form.setFieldValue('category_id', id ?? '')}
              />
              <Select
                label={t('products.tax')}
                data={taxOptions}
                clearable
                placeholder={t('products.noTax')}
                {...form.getInputProps('tax_rate_id')}
                value={values.tax_rate_id || null}
                onChange={(id: string | null) => form.setFieldValue('tax_rate_id', id ?? '')}
              />
            </SimpleGrid>
            <LocalizedTextInputs
              label={t('products.name')}
              languages={languages}
              requiredLanguages={[defaultLanguage]}
              inputProps={(language) => form.getInputProps(`name.${language}`)}
            />
            <LocalizedTextInputs
              label={t('products.description')}
              languages={languages}
              multiline
              inputProps={(language) => form.getInputProps(`description.${language}`)}
            />
          </Section>

          <Section
            id="product-skus"
            title={t('products.sections.skuTemplate')}
            help={t('products.skuTemplateHelp')}
          >
            {product ? (
              <Alert color="blue" variant="light">
                {t('products.skuTemplateEditHelp')}
              </Alert>
            ) : null}
            <GroupsEditor
              form={form}
              field="sku_properties"
              languages={languages}
              defaultLanguage={defaultLanguage}
              max={MAX_PROPERTIES}
            />
            <Stack gap={4}>
              <Title order={3} size="h5" id="sku-preview-heading">
                {t('products.preview.title', { number: preview.length })}
              </Title>
              <Table.ScrollContainer minWidth={360} mah={320}>
                <Table striped aria-labelledby="sku-preview-heading">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('products.sku.code')}</Table.Th>
                      <Table.Th>{t('products.sku.values')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.map((sku) => (
                      <Table.Tr key={sku.code}>
                        <Table.Td>
                          <Text ff="monospace" size="sm">
                            {sku.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {sku.values
                            .map(
                              (value) =>
                                resolveLocalized(value.valueName, i18n.language, defaultLanguage) ||
                                value.value,
                            )
                            .join(' / ') || '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </Section>

          <Section
            id="product-options"
            title={t('products.sections.options')}
            help={t('products.optionsHelp')}
          >
            <GroupsEditor
              form={form}
              field="option_groups"
              languages={languages}
              defaultLanguage={defaultLanguage}
              max={MAX_OPTION_GROUPS}
            />
          </Section>

          <Section
            id="product-prices"
            title={t('products.sections.prices')}
            help={t('products.pricesHelp')}
          >
            <PriceGrid
              caption={t('products.prices.caption')}
              terms={terms}
              currencies={currencies}
              values={values.prices}
              errors={priceErrors}
              termName={(term) => context.text(term.name)}
              onChange={(key, text) => {
                form.setFieldValue('prices', { ...form.getValues().prices, [key]: text });
                form.clearFieldError(`prices.${key}`);
              }}
            />
          </Section>

          {product ? null : (
            <Section
              id="product-stock"
              title={t('products.sections.stock')}
              help={t('products.stockHelp')}
            >
              <Group align="flex-end">
                <Checkbox
                  label={t('products.sku.trackStock')}
                  {...form.getInputProps('stock.track_stock', { type: 'checkbox' })}
                />
                <NumberInput
                  w={160}
                  label={t('products.sku.stockQuantity')}
                  allowDecimal={false}
                  disabled={!values.stock.track_stock}
                  {...form.getInputProps('stock.stock_quantity')}
                  onChange={(value) =>
                    form.setFieldValue('stock.stock_quantity', Number(value) || 0)
                  }
                />
                <Checkbox
                  label={t('products.sku.allowBackorder')}
                  disabled={!values.stock.track_stock}
                  {...form.getInputProps('stock.allow_backorder', { type: 'checkbox' })}
                />
              </Group>
            </Section>
          )}

          <Section id="product-images" title={t('products.sections.images')}>
            <ImageManager<ImageDraft>
              brandId={brand.id}
              label={t('products.sections.images')}
              images={values.images}
              max={30}
              toItem={(media) => ({ media_id: media.id, thumbnail_url: media.thumbnail_url })}
              onChange={(images) => form.setFieldValue('images', images)}
            />
            {form.errors.image_ids ? (
              <Text size="sm" c="red">
                {form.errors.image_ids}
              </Text>
            ) : null}
          </Section>

          <FormErrorAlert
            error={save.isError ? mapProblem(save.error, fieldsOf(save.variables)).formError : null}
          />
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={save.isPending}>
              {product ? t('products.save') : t('products.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>

      {product ? <SkuGrid context={context} product={product} terms={terms} /> : null}
    </Stack>
  );
}
