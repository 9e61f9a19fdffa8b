import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClockX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../components/links';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyListState, LoadingState } from '../../components/QueryState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useLinkContext } from '../store/linkContext';
import { DeadlineBadge } from '../store/StoreParts';
import { AddToCartModal, type CartMode } from './AddToCartModal';
import {
  cartKeys,
  catalogCartQuery,
  removeItem,
  type Cart,
  type CartAccess,
  type CartItem,
} from './cartApi';
import { cartCodeMessage, cartErrorMessage } from './cartErrors';
import { productFromItem, type LineError } from './cartForm';
import { CartLines } from './CartLines';
import { useLinkCartAccess } from './linkOrg';
import { OrderFlow } from './OrderFlow';

/** A cart page on either route: its items (edit, remove), totals and the way to order. */
export function CartPageBody({
  access,
  catalogId,
  locale,
  mode,
  level,
  back,
  proceed,
  errors,
}: {
  access: CartAccess;
  catalogId: string;
  locale: string;
  mode: CartMode;
  level: 1 | 2;
  back: ReactNode;
  proceed: (cart: Cart) => ReactNode;
  errors?: readonly LineError[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cart = useQuery(catalogCartQuery(access, catalogId, locale));
  const [editing, setEditing] = useState<CartItem | null>(null);
  usePageTitle(t(`cart.${mode}.title`));
  const remove = useMutation({
    mutationFn: (item: CartItem) => removeItem(access, cart.data?.id ?? '', item.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cartKeys.all });
      notifySuccess(t(`cart.${mode}.removed`));
    },
    onError: notifyError,
  });

  let body: ReactNode;
  if (cart.isPending) body = <LoadingState />;
  else if (cart.isError) {
    body = (
      <Alert color="red" role="alert">
        <Stack gap="xs" align="flex-start">
          <span>{cartErrorMessage(cart.error)}</span>
          <Button size="xs" variant="light" color="red" onClick={() => void cart.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  } else if (cart.data.items.length === 0) {
    body = <EmptyListState title={t(`cart.${mode}.empty`)} description={t('cart.emptyText')} />;
  } else {
    const data = cart.data;
    const orderable = data.can_order;
    body = (
      <Stack gap="lg">
        <CartLines
          cart={data}
          mode={mode}
          onEdit={setEditing}
          onRemove={(item) => remove.mutate(item)}
          removing={remove.isPending ? remove.variables.id : null}
          errors={errors}
        />
        {orderable ? (
          <Group justify="flex-end">{proceed(data)}</Group>
        ) : (
          <Alert color="orange" icon={<IconClockX aria-hidden />} role="status">
            {data.ordering_open
              ? cartCodeMessage('cart.catalog_only', '')
              : cartCodeMessage('cart.ordering_closed', '')}
          </Alert>
        )}
        <AddToCartModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          access={access}
          cart={data}
          product={editing ? productFromItem(editing, data.currency) : null}
          item={editing}
          mode={mode}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {back}
      <Stack gap={4}>
        {cart.data ? (
          <Text c="dimmed" size="sm">
            {cart.data.brand_name} · {cart.data.catalog_name}
          </Text>
        ) : null}
        <Title order={level} size="h1">
          {t(`cart.${mode}.title`)}
        </Title>
        {cart.data ? (
          <DeadlineBadge deadline={cart.data.order_deadline} open={cart.data.ordering_open} />
        ) : null}
      </Stack>
      {body}
    </Stack>
  );
}

const linkCartRoute = getRouteApi('/l/$token/catalogs/$catalogId/cart');

/** `/l/:token/catalogs/:catalogId/cart`: the cart of a link visitor. */
export function LinkCartPage() {
  const { t } = useTranslation();
  const { catalogId } = linkCartRoute.useParams();
  const link = useLinkContext();
  const access = useLinkCartAccess(link);
  return (
    <CartPageBody
      access={access}
      catalogId={catalogId}
      locale={link.view.locale}
      mode="link"
      level={1}
      back={
        <AnchorLink
          to="/l/$token/catalogs/$catalogId"
          params={{ token: link.token, catalogId }}
          size="sm"
        >
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
          {t('cart.backToCatalog')}
        </AnchorLink>
      }
      proceed={() => (
        <ButtonLink
          to="/l/$token/catalogs/$catalogId/checkout"
          params={{ token: link.token, catalogId }}
        >
          {t('cart.proceed')}
        </ButtonLink>
      )}
    />
  );
}

const standardCartRoute = getRouteApi(
  '/_authenticated/buyer/$orgId/brands/$brandId/catalogs/$catalogId/cart',
);

/** The draft order list of a catalog (standard orders), with the "Place an order" modal. */
export function StandardCartPage() {
  const { t, i18n } = useTranslation();
  const { orgId, brandId, catalogId } = standardCartRoute.useParams();
  const [ordering, setOrdering] = useState<Cart | null>(null);
  const [errors, setErrors] = useState<LineError[]>([]);
  const access: CartAccess = { kind: 'organization', orgId };
  return (
    <>
      <CartPageBody
        access={access}
        catalogId={catalogId}
        locale={i18n.language}
        mode="standard"
        level={2}
        errors={errors}
        back={
          <AnchorLink
            to="/buyer/$orgId/brands/$brandId/catalogs/$catalogId"
            params={{ orgId, brandId, catalogId }}
            size="sm"
          >
            <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
            {t('cart.backToCatalog')}
          </AnchorLink>
        }
        proceed={(cart) => <Button onClick={() => setOrdering(cart)}>{t('cart.proceed')}</Button>}
      />
      <Modal
        opened={ordering !== null}
        onClose={() => setOrdering(null)}
        title={
          <Text fw={700} fz="lg">
            {t('cart.checkout.placeTitle')}
          </Text>
        }
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {ordering ? (
          <OrderFlow
            access={access}
            cart={ordering}
            orgId={orgId}
            locale={i18n.language}
            onLineErrors={setErrors}
            onCancel={() => setOrdering(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}
