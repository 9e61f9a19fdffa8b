import { createContext, useContext, type ReactNode } from 'react';

import type { StoreProduct } from '../store/storeApi';

export const ProductActionContext = createContext<((product: StoreProduct) => ReactNode) | null>(
  null,
);

/** The cart button of a product card (null outside an ordering catalog). */
export function useProductAction() {
  return useContext(ProductActionContext);
}
