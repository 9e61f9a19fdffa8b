import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notifySuccess } from '../../components/notify';
import { formatMoney } from '../../lib/money';
import { ApiError, fieldPath } from '../../lib/problem';
import { stockLabel } from '../store/format';
import { addItem, cartKeys, updateItem, type Cart, type CartAccess } from './cartApi';
import { cartCodeMessage, cartErrorMessage } from './cartErrors';
import {
  buildItemPayload,
  clampQuantity,
  emptyOptionRow,
  initialItemValues,
  needsOptions,
  optionsSum,
  quantityCap,
  todayIso,
  validateItem,
  withSkuQuantity,
  type CartItem,
  type CartItemFormValues,
  type ItemProblem,
  type OrderableProduct,
} from './cartForm';

export type CartMode = 'link' | 'standard';

/**
 * "Add to cart" / "Add to draft order list" (or the edit of an item already there): a quantity
 * per SKU, option rows per SKU, desired delivery date, internal note and message to the brand.
 */
export function AddToCartModal({
  opened,
  onClose,
  access,
  cart,
  product,
  item,
  mode,
}: {
  opened: boolean;
  onClose: () => void;
  access: CartAccess;
  cart: Cart;
  product: OrderableProduct | null;
  /** The item to edit; none to add the product. */
  item: CartItem | null;
  mode: CartMode;
}) {
  const { t } = useTranslation();
  const title = product
    ? t(item ? `cart.${mode}.editTitle` : `cart.${mode}.addTitle`, { name: product.name })
    : '';
  return (
    <Modal
      opened={opened && product !== null}
      onClose={onClose}
      size="xl"
      title={
        <Text fw={700} fz="lg">
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && product ? (
        <ItemForm
          key={`${product.id}:${item?.id ?? 'new'}`}
          access={access}
          cart={cart}
          product={product}
          item={item}
          mode={mode}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function ItemForm({
  access,
  cart,
  product,
  item,
  mode,
  onDone,
}: {
  access: CartAccess;
  cart: Cart;
  product: OrderableProduct;
  item: CartItem | null;
  mode: CartMode;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const today = todayIso();
  const groups = product.option_groups;
  const existing = item ?? cart.items.find((each) => each.product_id === product.id) ?? null;
  const [editing, setEditing] = useState<CartItem | null>(item);
  const [formError, setFormError] = useState<string | null>(null);
  const [exists, setExists] = useState(false);
  const form = useForm<CartItemFormValues>({
    initialValues: initialItemValues(product, item ?? undefined),
  });

  const problemText = (problem: ItemProblem): string => {
    switch (problem.kind) {
      case 'optionMissing':
        return t('cart.form.chooseOption');
      case 'optionsMismatch':
        return t('cart.form.optionsMismatch', { sum: problem.sum, quantity: problem.quantity });
      case 'aboveStock':
        return t('cart.form.onlyAvailable', { count: problem.cap });
      case 'datePast':
        return t('cart.errors.cart.delivery_date_past');
    }
  };

  const save = useMutation({
    mutationFn: (values: CartItemFormValues) => {
      const body = buildItemPayload(product, values, cart.delivery_date_allowed);
      if (editing) {
        return updateItem(access, cart.id, editing.id, {
          skus: body.skus,
          desired_delivery_date: body.desired_delivery_date,
          note_to_buyer_company: body.note_to_buyer_company,
          message_to_brand: body.message_to_brand,
        });
      }
      return addItem(access, cart.id, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cartKeys.all });
      notifySuccess(editing ? t(`cart.${mode}.updated`) : t(`cart.${mode}.added`));
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'cart.item_exists') {
        setExists(true);
        setFormError(null);
        return;
      }
      const errors: Record<string, string> = {};
      const unplaced: string[] = [];
      if (error instanceof ApiError) {
        for (const each of error.problem.errors ?? []) {
          const path = fieldPath(each.loc);
          const field = path === null ? null : placeField(path);
          const index = Number(path?.split('.')[1]);
          const sku = Number.isInteger(index) ? product.skus[index] : undefined;
          const cap = sku ? quantityCap(sku) : null;
          const message =
            each.type === 'cart.stock_short' && cap !== null
              ? t('cart.form.onlyAvailable', { count: cap })
              : cartCodeMessage(each.type, each.msg);
          if (field) errors[field] ??= message;
          else unplaced.push(message);
        }
      }
      form.setErrors(errors);
      const main = cartErrorMessage(error);
      setFormError(
        Object.keys(errors).length > 0 && unplaced.length === 0
          ? null
          : [main, ...unplaced.filter((each) => each !== main)].join(' '),
      );
    },
  });

  const submit = (values: CartItemFormValues) => {
    const problems = validateItem(product, values, today);
    const errors = Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [field, problemText(problem)]),
    );
    form.setErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length === 0) save.mutate(values);
  };

  const switchToExisting = () => {
    if (!existing) return;
    setEditing(existing);
    setExists(false);
    form.setValues(initialItemValues(product, existing));
    form.clearErrors();
  };

  const money = (amount: number | null) =>
    amount === null ? t('store.price.none') : formatMoney(amount, product.currency, i18n.language);

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('store.modelNumber', { code: product.model_number })}
        </Text>
        {exists ? (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
            <Stack gap="xs" align="flex-start">
              <span>{t(`cart.${mode}.itemExists`)}</span>
              {existing ? (
                <Button size="xs" variant="light" onClick={switchToExisting}>
                  {t(`cart.${mode}.editExisting`)}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('cart.form.quantities')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('store.sku')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {cart.tax_inclusive ? t('store.priceTaxIncluded') : t('store.priceColumn')}
                </Table.Th>
                <Table.Th scope="col">{t('store.stockColumn')}</Table.Th>
                <Table.Th scope="col" w={200}>
                  {t('cart.form.orderQuantity')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.skus.map((row, i) => {
                const sku = product.skus.find((each) => each.id === row.sku_id);
                if (!sku) return null;
                const name = sku.label || sku.code;
                const cap = quantityCap(sku);
                const showOptions = needsOptions(groups, row);
                return (
                  <Fragment key={row.sku_id}>
                    <Table.Tr>
                      <Table.Th scope="row" fw={500}>
                        {name}
                        <Text size="xs" c="dimmed" ff="monospace">
                          {sku.code}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="end">{money(sku.display_price)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {sku.stock_state
                            ? stockLabel(t, {
                                stock_state: sku.stock_state,
                                available_quantity: sku.available_quantity,
                              })
                            : t('cart.skuGone')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('cart.form.quantityFor', { sku: name })}
                          min={0}
                          max={cap ?? undefined}
                          clampBehavior="none"
                          allowDecimal={false}
                          allowNegative={false}
                          disabled={cap === 0 || sku.stock_state === null}
                          description={
                            cap !== null ? t('cart.form.onlyAvailable', { count: cap }) : undefined
                          }
                          value={row.quantity}
                          onChange={(value) => {
                            const quantity = clampQuantity(value, cap);
                            form.setFieldValue(`skus.${i}`, withSkuQuantity(row, quantity));
                            form.clearFieldError(`skus.${i}.quantity`);
                            form.clearFieldError(`skus.${i}.options`);
                          }}
                          error={form.errors[`skus.${i}.quantity`]}
                        />
                      </Table.Td>
                    </Table.Tr>
                    {showOptions ? (
                      <Table.Tr>
                        <Table.Td colSpan={4}>
                          <OptionRows
                            form={form}
                            index={i}
                            skuName={name}
                            groups={groups}
                            onRemove={(j) =>
                              form.setFieldValue(
                                `skus.${i}.options`,
                                row.options.filter((_, k) => k !== j),
                              )
                            }
                          />
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {cart.delivery_date_allowed ? (
          <TextInput
            type="date"
            label={t('cart.form.deliveryDate')}
            description={t('cart.form.deliveryDateHelp')}
            min={today}
            {...form.getInputProps('desired_delivery_date')}
          />
        ) : null}
        <Textarea
          label={t('cart.form.note')}
          description={t('cart.form.noteHelp')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note_to_buyer_company')}
        />
        <Textarea
          label={t('cart.form.message')}
          description={t('cart.form.messageHelp')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('message_to_brand')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where a server error about the item body belongs in this form. */
function placeField(path: string): string | null {
  if (/^skus\.\d+\.options\.\d+\.values\.[^.]+$/.test(path)) return path;
  if (/^skus\.\d+\.options\.\d+\.quantity$/.test(path)) return path;
  const match = /^skus\.(\d+)(?:\.(options|quantity|sku_id))?/.exec(path);
  if (match) return `skus.${match[1]}.${match[2] === 'options' ? 'options' : 'quantity'}`;
  if (['desired_delivery_date', 'note_to_buyer_company', 'message_to_brand'].includes(path)) {
    return path;
  }
  return null;
}

function OptionRows({
  form,
  index,
  skuName,
  groups,
  onRemove,
}: {
  form: ReturnType<typeof useForm<CartItemFormValues>>;
  index: number;
  skuName: string;
  groups: OrderableProduct['option_groups'];
  onRemove: (row: number) => void;
}) {
  const { t } = useTranslation();
  const row = form.values.skus[index];
  if (!row) return null;
  const sum = optionsSum(row.options);
  const matches = sum === row.quantity;
  const sumError = form.errors[`skus.${index}.options`];
  const statusId = `options-status-${index}`;
  return (
    <Stack
      gap="xs"
      pl="md"
      role="group"
      aria-label={t('cart.form.optionsFor', { sku: skuName })}
      aria-describedby={statusId}
    >
      {row.options.map((option, j) => (
        <Group key={j} align="flex-end" gap="xs" wrap="wrap">
          {groups.map((group) => (
            <Select
              key={group.code}
              label={group.name}
              aria-label={t('cart.form.optionLabel', {
                group: group.name,
                sku: skuName,
                n: j + 1,
              })}
              placeholder={t('common.choose')}
              data={group.values.map((value) => ({ value: value.code, label: value.name }))}
              allowDeselect={false}
              w={180}
              value={option.values[group.code] || null}
              onChange={(value) => {
                form.setFieldValue(`skus.${index}.options.${j}.values.${group.code}`, value ?? '');
                form.clearFieldError(`skus.${index}.options.${j}.values.${group.code}`);
              }}
              error={form.errors[`skus.${index}.options.${j}.values.${group.code}`]}
            />
          ))}
          <NumberInput
            label={t('cart.form.optionQuantity')}
            aria-label={t('cart.form.optionQuantityLabel', { sku: skuName, n: j + 1 })}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            w={120}
            value={option.quantity}
            onChange={(value) => {
              form.setFieldValue(`skus.${index}.options.${j}.quantity`, clampQuantity(value, null));
              form.clearFieldError(`skus.${index}.options`);
            }}
            error={form.errors[`skus.${index}.options.${j}.quantity`]}
          />
          {row.options.length > 1 ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => onRemove(j)}
              aria-label={t('cart.form.removeOptionLabel', { sku: skuName, n: j + 1 })}
            >
              {t('cart.form.removeOption')}
            </Button>
          ) : null}
        </Group>
      ))}
      <Group justify="space-between">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            form.insertListItem(
              `skus.${index}.options`,
              emptyOptionRow(groups, Math.max(0, row.quantity - sum)),
            )
          }
          aria-label={t('cart.form.addOptionLabel', { sku: skuName })}
        >
          {t('cart.form.addOption')}
        </Button>
        <Text
          id={statusId}
          size="sm"
          c={matches ? 'dimmed' : 'red'}
          role="status"
          aria-live="polite"
        >
          {sumError ?? t('cart.form.optionsSum', { sum, quantity: row.quantity })}
        </Text>
      </Group>
    </Stack>
  );
}
