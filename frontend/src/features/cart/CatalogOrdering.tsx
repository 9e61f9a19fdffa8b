import { Button, Group, Paper, Text } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '../../lib/money';
import type { StoreCatalog, StoreProduct } from '../store/storeApi';
import type { CartMode } from './AddToCartModal';
import { catalogCartQuery, type CartAccess, type CartItem } from './cartApi';
import { cartErrorMessage } from './cartErrors';
import { productFromStore, type OrderableProduct } from './cartForm';
import { ProductActionContext } from './productAction';

// The order form (quantities per SKU, options) loads when it is first needed: on hover or
// focus of an order button, at the latest on its click — not before the catalog shows.
const loadModal = () => import('./AddToCartModal');
const AddToCartModal = lazy(() =>
  loadModal().then((module) => ({ default: module.AddToCartModal })),
);

/** How a catalog page takes orders: whose cart, which words, and the way to the cart page. */
export interface Ordering {
  access: CartAccess;
  mode: CartMode;
  /** "Check your cart" / "Check your draft order list" (a link to the cart page). */
  cartLink: (label: string) => ReactNode;
}

/** The cart of a catalog page: the bar above the products, the buttons and the modal. */
export function CatalogOrdering({
  ordering,
  catalog,
  locale,
  children,
}: {
  ordering: Ordering;
  catalog: StoreCatalog;
  locale: string;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { access, mode } = ordering;
  const cart = useQuery({
    ...catalogCartQuery(access, catalog.id, locale),
    enabled: catalog.can_order,
  });
  // The cart's answers re-render every card's button: in a deferred render, which yields to
  // the browser every few milliseconds, rather than in one long task.
  const cartData = useDeferredValue(cart.data);
  const [target, setTarget] = useState<{
    product: OrderableProduct;
    item: CartItem | null;
  } | null>(null);
  // Stays mounted once opened, so that closing plays the modal's transition.
  const [everOpened, setEverOpened] = useState(false);
  if (target && !everOpened) setEverOpened(true);

  const reason = !catalog.ordering_open ? t('cart.reason.closed') : t('cart.reason.catalogOnly');

  const action = (product: StoreProduct) => {
    if (!catalog.can_order) {
      return (
        <Text size="sm" c="dimmed" data-testid="cart-reason">
          {reason}
        </Text>
      );
    }
    const item = cartData?.items.find((each) => each.product_id === product.id) ?? null;
    return (
      <Button
        size="xs"
        variant={item ? 'light' : 'filled'}
        leftSection={<IconShoppingCart size={14} aria-hidden />}
        disabled={!cartData}
        onPointerEnter={() => void loadModal()}
        onFocus={() => void loadModal()}
        onClick={() => setTarget({ product: productFromStore(product), item })}
      >
        {item ? t(`cart.${mode}.editItem`) : t(`cart.${mode}.addButton`)}
      </Button>
    );
  };

  return (
    <ProductActionContext.Provider value={action}>
      {catalog.can_order ? (
        <Paper
          withBorder
          p="sm"
          radius="md"
          component="section"
          aria-label={t(`cart.${mode}.title`)}
        >
          <Group justify="space-between" wrap="wrap" gap="sm">
            {cart.isError ? (
              <Text c="red" size="sm" role="alert">
                {cartErrorMessage(cart.error)}
              </Text>
            ) : (
              <Text size="sm" data-testid="cart-summary">
                {cart.data
                  ? t('cart.summary', {
                      count: cart.data.items.length,
                      quantity: cart.data.total_quantity,
                      amount: formatMoney(cart.data.subtotal, cart.data.currency, i18n.language),
                    })
                  : t('common.loading')}
              </Text>
            )}
            {ordering.cartLink(t(`cart.${mode}.check`))}
          </Group>
        </Paper>
      ) : null}
      {children}
      {cart.data && everOpened ? (
        <Suspense fallback={null}>
          <AddToCartModal
            opened={target !== null}
            onClose={() => setTarget(null)}
            access={access}
            cart={cart.data}
            product={target?.product ?? null}
            item={target?.item ?? null}
            mode={mode}
          />
        </Suspense>
      ) : null}
    </ProductActionContext.Provider>
  );
}
