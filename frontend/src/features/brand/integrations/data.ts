import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE } from '../../../lib/queries';
import { integrationKeys, type ApiScope, type DeliveryStatus, type EventType } from './model';

export function useApiKeys(brandId: string) {
  return useInfiniteQuery({
    queryKey: integrationKeys.apiKeys(brandId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/api-keys', {
          params: { path: { brand_id: brandId }, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useCreateApiKey(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: ApiScope[] }) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/api-keys', {
          params: { path: { brand_id: brandId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationKeys.apiKeys(brandId) }),
  });
}

export function useRevokeApiKey(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/api-keys/{key_id}', {
          params: { path: { brand_id: brandId, key_id: keyId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationKeys.apiKeys(brandId) }),
  });
}

export function useWebhookEndpoints(brandId: string) {
  return useInfiniteQuery({
    queryKey: integrationKeys.endpoints(brandId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/webhook-endpoints', {
          params: { path: { brand_id: brandId }, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export interface EndpointValues {
  url: string;
  description: string;
  events: EventType[];
  enabled: boolean;
}

export function useSaveEndpoint(brandId: string, endpointId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: EndpointValues) => {
      if (endpointId === null) {
        return unwrap(
          api.POST('/api/v1/brands/{brand_id}/webhook-endpoints', {
            params: { path: { brand_id: brandId } },
            body,
          }),
        );
      }
      return unwrap(
        api.PATCH('/api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}', {
          params: { path: { brand_id: brandId, endpoint_id: endpointId } },
          body,
        }),
      );
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: integrationKeys.endpoints(brandId) }),
  });
}

export function useRotateSecret(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}/rotate-secret', {
          params: { path: { brand_id: brandId, endpoint_id: endpointId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: integrationKeys.endpoints(brandId) }),
  });
}

export function useDeleteEndpoint(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}', {
          params: { path: { brand_id: brandId, endpoint_id: endpointId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: integrationKeys.endpoints(brandId) }),
  });
}

export function useDeliveries(brandId: string, endpointId: string, status: DeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: [...integrationKeys.deliveries(brandId, endpointId), status],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}/deliveries', {
          params: {
            path: { brand_id: brandId, endpoint_id: endpointId },
            query: { limit: 20, cursor: pageParam, status: status ?? undefined },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    // While something is on its way, show it arrive (or fail) without a reload.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.items.some((delivery) => delivery.status === 'pending'),
      )
        ? 3000
        : false,
  });
}

export function useReplay(brandId: string, endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST(
          '/api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/replay',
          {
            params: {
              path: { brand_id: brandId, endpoint_id: endpointId, delivery_id: deliveryId },
            },
          },
        ),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: integrationKeys.deliveries(brandId, endpointId),
      });
      await queryClient.invalidateQueries({ queryKey: integrationKeys.endpoints(brandId) });
    },
  });
}
