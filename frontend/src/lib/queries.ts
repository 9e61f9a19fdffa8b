import { infiniteQueryOptions, queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { api, type Schemas } from './api';
import { unwrap } from './problem';

/** Query keys shared by several features, so that one can refresh what another shows. */
export const queryKeys = {
  me: ['me'] as const,
  buyerOrganizations: ['buyer-organizations'] as const,
  buyerOrganization: (orgId: string) => ['buyer-organizations', 'one', orgId] as const,
  brands: ['brands'] as const,
  brand: (brandId: string) => ['brands', 'one', brandId] as const,
  countries: (language: string) => ['reference', 'countries', language] as const,
  languages: (language: string) => ['reference', 'languages', language] as const,
  devMailbox: (to: string) => ['dev', 'mailbox', to] as const,
};

export type User = Schemas['UserRead'];
export type BuyerOrganization = Schemas['BuyerOrganizationRead'];
export type Brand = Schemas['BrandRead'];

export const PAGE_SIZE = 50;

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: () => unwrap(api.GET('/api/v1/me')),
});

export function useMe(enabled = true) {
  return useQuery({ ...meQuery, enabled });
}

/** Every buyer organization I belong to, page by page. */
export const buyerOrganizationsQuery = infiniteQueryOptions({
  queryKey: [...queryKeys.buyerOrganizations, 'list'],
  queryFn: ({ pageParam }) =>
    unwrap(
      api.GET('/api/v1/buyer-organizations', {
        params: { query: { limit: PAGE_SIZE, cursor: pageParam } },
      }),
    ),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.next_cursor ?? undefined,
});

/** Every brand I belong to, page by page. */
export const brandsQuery = infiniteQueryOptions({
  queryKey: [...queryKeys.brands, 'list'],
  queryFn: ({ pageParam }) =>
    unwrap(
      api.GET('/api/v1/brands', { params: { query: { limit: PAGE_SIZE, cursor: pageParam } } }),
    ),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.next_cursor ?? undefined,
});

export function buyerOrganizationQuery(orgId: string) {
  return queryOptions({
    queryKey: queryKeys.buyerOrganization(orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}', { params: { path: { org_id: orgId } } }),
      ),
  });
}

export function brandQuery(brandId: string) {
  return queryOptions({
    queryKey: queryKeys.brand(brandId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/brands/{brand_id}', { params: { path: { brand_id: brandId } } })),
  });
}

/** Countries named in the UI language, sorted by that name. */
export function useCountries() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useQuery({
    queryKey: queryKeys.countries(locale),
    queryFn: () =>
      unwrap(api.GET('/api/v1/reference/countries', { params: { query: { locale } } })),
    staleTime: Infinity,
  });
}

/** The name of a country in the UI language, or its code while the names load. */
export function useCountryName(): (code: string) => string {
  const countries = useCountries();
  return (code) => countries.data?.find((country) => country.code === code)?.name ?? code;
}

/** UI and content languages named in the UI language. */
export function useLanguages() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useQuery({
    queryKey: queryKeys.languages(locale),
    queryFn: () =>
      unwrap(api.GET('/api/v1/reference/languages', { params: { query: { locale } } })),
    staleTime: Infinity,
  });
}

/** The development mailbox (404 when it is off, as in production). */
export function devMailboxQuery(to: string) {
  return queryOptions({
    queryKey: queryKeys.devMailbox(to),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/dev/mailbox', {
          params: { query: to ? { to, limit: 50 } : { limit: 50 } },
        }),
      ),
  });
}

/** The name of a content language in the UI language, or its tag while the names load. */
export function useLanguageName(): (code: string) => string {
  const languages = useLanguages();
  return (code) => languages.data?.content.find((language) => language.code === code)?.name ?? code;
}
