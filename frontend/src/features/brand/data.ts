import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, type Schemas } from '../../lib/api';
import { fetchAllPages } from '../../lib/paging';
import { unwrap } from '../../lib/problem';
import { queryKeys } from '../../lib/queries';

export type BrandSettings = Schemas['BrandSettingsRead'];
export type TransactionTerm = Schemas['TransactionTermRead'];
export type TaxRate = Schemas['TaxRateRead'];
export type ShippingGroup = Schemas['ShippingRateGroupRead'];
export type Category = Schemas['CategoryRead'];
export type ProductSummary = Schemas['ProductSummary'];
export type Product = Schemas['ProductRead'];
export type Sku = Schemas['SkuRead'];
export type Catalog = Schemas['CatalogRead'];
export type Lookbook = Schemas['LookbookRead'];
export type Customer = Schemas['CustomerRead'];
export type CustomerInvitation = Schemas['CustomerInvitationRead'];
export type Media = Schemas['MediaRead'];
export type ProductImport = Schemas['ProductImportRead'];

const ALL = 100;

/** Query keys of the brand admin; all live under the brand's key, so it refreshes them all. */
export const brandKeys = {
  settings: (brandId: string) => [...queryKeys.brand(brandId), 'settings'] as const,
  terms: (brandId: string) => [...queryKeys.brand(brandId), 'transaction-terms'] as const,
  taxes: (brandId: string) => [...queryKeys.brand(brandId), 'tax-rates'] as const,
  shipping: (brandId: string) => [...queryKeys.brand(brandId), 'shipping-rate-groups'] as const,
  categories: (brandId: string) => [...queryKeys.brand(brandId), 'categories'] as const,
  products: (brandId: string) => [...queryKeys.brand(brandId), 'products'] as const,
  product: (brandId: string, productId: string) =>
    [...queryKeys.brand(brandId), 'products', 'one', productId] as const,
  allProducts: (brandId: string) => [...queryKeys.brand(brandId), 'products', 'all'] as const,
  imports: (brandId: string) => [...queryKeys.brand(brandId), 'imports'] as const,
  catalogs: (brandId: string) => [...queryKeys.brand(brandId), 'catalogs'] as const,
  catalog: (brandId: string, catalogId: string) =>
    [...queryKeys.brand(brandId), 'catalogs', 'one', catalogId] as const,
  lookbooks: (brandId: string) => [...queryKeys.brand(brandId), 'lookbooks'] as const,
  lookbook: (brandId: string, lookbookId: string) =>
    [...queryKeys.brand(brandId), 'lookbooks', 'one', lookbookId] as const,
  customers: (brandId: string) => [...queryKeys.brand(brandId), 'customers'] as const,
  customer: (brandId: string, customerId: string) =>
    [...queryKeys.brand(brandId), 'customers', 'one', customerId] as const,
  customerInvitations: (brandId: string) =>
    [...queryKeys.brand(brandId), 'customer-invitations'] as const,
  media: (brandId: string) => [...queryKeys.brand(brandId), 'media'] as const,
};

export function settingsQuery(brandId: string) {
  return queryOptions({
    queryKey: brandKeys.settings(brandId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/settings', { params: { path: { brand_id: brandId } } }),
      ),
  });
}

export function useSettings(brandId: string) {
  return useQuery(settingsQuery(brandId));
}

export function useTransactionTerms(brandId: string) {
  return useQuery({
    queryKey: brandKeys.terms(brandId),
    queryFn: async () => {
      const items = await fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/transaction-terms', {
            params: { path: { brand_id: brandId }, query: { limit: ALL, cursor } },
          }),
        ),
      );
      return items.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
    },
  });
}

export function useTaxRates(brandId: string) {
  return useQuery({
    queryKey: brandKeys.taxes(brandId),
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/tax-rates', {
            params: { path: { brand_id: brandId }, query: { limit: ALL, cursor } },
          }),
        ),
      ),
  });
}

export function useShippingGroups(brandId: string) {
  return useQuery({
    queryKey: brandKeys.shipping(brandId),
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/shipping-rate-groups', {
            params: { path: { brand_id: brandId }, query: { limit: ALL, cursor } },
          }),
        ),
      ),
  });
}

export function useCategories(brandId: string) {
  return useQuery({
    queryKey: brandKeys.categories(brandId),
    queryFn: async () => {
      const items = await fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/categories', {
            params: { path: { brand_id: brandId }, query: { limit: ALL, cursor } },
          }),
        ),
      );
      return items.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
    },
  });
}

export function useLookbooks(brandId: string) {
  return useQuery({
    queryKey: [...brandKeys.lookbooks(brandId), 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/lookbooks', {
            params: { path: { brand_id: brandId }, query: { limit: ALL, cursor } },
          }),
        ),
      ),
  });
}

/**
 * Every product summary of the brand, to name the products a catalog or a lookbook lists
 * (those endpoints return product ids only).
 */
export function useAllProducts(brandId: string, enabled = true) {
  return useQuery({
    queryKey: brandKeys.allProducts(brandId),
    queryFn: () =>
      fetchAllPages(
        (cursor) =>
          unwrap(
            api.GET('/api/v1/brands/{brand_id}/products', {
              params: { path: { brand_id: brandId }, query: { limit: ALL, cursor } },
            }),
          ),
        200,
      ),
    enabled,
  });
}

/** Uploads one image to the brand's media (422 media.too_large / media.not_an_image). */
export function uploadMedia(brandId: string, file: File): Promise<Media> {
  return unwrap(
    api.POST('/api/v1/brands/{brand_id}/media', {
      params: { path: { brand_id: brandId } },
      body: { file: '' },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file);
        return form;
      },
    }),
  );
}

export function productQuery(brandId: string, productId: string) {
  return queryOptions({
    queryKey: brandKeys.product(brandId, productId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/products/{product_id}', {
          params: { path: { brand_id: brandId, product_id: productId } },
        }),
      ),
  });
}
