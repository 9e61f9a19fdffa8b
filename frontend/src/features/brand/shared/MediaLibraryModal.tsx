import { Button, Checkbox, Group, Image, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE } from '../../../lib/queries';
import { brandKeys, type Media } from '../data';

/** Choose images already uploaded to the brand (its media library). */
export function MediaLibraryModal({
  brandId,
  opened,
  onClose,
  onChoose,
  multiple = true,
}: {
  brandId: string;
  opened: boolean;
  onClose: () => void;
  onChoose: (media: Media[]) => void;
  multiple?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('media.library')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? (
        <Library
          brandId={brandId}
          multiple={multiple}
          onChoose={(media) => {
            onChoose(media);
            onClose();
          }}
          onCancel={onClose}
        />
      ) : null}
    </Modal>
  );
}

function Library({
  brandId,
  multiple,
  onChoose,
  onCancel,
}: {
  brandId: string;
  multiple: boolean;
  onChoose: (media: Media[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Media[]>([]);
  const media = useInfiniteQuery({
    queryKey: brandKeys.media(brandId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/media', {
          params: { path: { brand_id: brandId }, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const items = media.data?.pages.flatMap((page) => page.items) ?? [];
  const isChosen = (item: Media) => chosen.some((each) => each.id === item.id);
  const toggle = (item: Media) =>
    setChosen((current) =>
      isChosen(item)
        ? current.filter((each) => each.id !== item.id)
        : multiple
          ? [...current, item]
          : [item],
    );

  return (
    <Stack gap="md">
      {media.isPending ? <LoadingState /> : null}
      {media.isError ? (
        <ErrorState error={media.error} onRetry={() => void media.refetch()} />
      ) : null}
      {media.isSuccess && items.length === 0 ? (
        <EmptyListState title={t('media.empty')} description={t('media.emptyText')} />
      ) : null}
      <SimpleGrid
        cols={{ base: 2, sm: 4 }}
        component="ul"
        style={{ listStyle: 'none', padding: 0 }}
      >
        {items.map((item) => (
          <li key={item.id}>
            <Stack gap={4}>
              <Image
                src={item.thumbnail_url}
                alt=""
                h={110}
                fit="cover"
                radius="sm"
                style={{ cursor: 'pointer' }}
                onClick={() => toggle(item)}
              />
              <Checkbox
                size="xs"
                label={
                  <Text size="xs" truncate="end">
                    {item.filename}
                  </Text>
                }
                aria-label={t('media.choose', { name: item.filename })}
                checked={isChosen(item)}
                onChange={() => toggle(item)}
              />
            </Stack>
          </li>
        ))}
      </SimpleGrid>
      <LoadMore
        hasNextPage={media.hasNextPage}
        isFetchingNextPage={media.isFetchingNextPage}
        fetchNextPage={media.fetchNextPage}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button disabled={chosen.length === 0} onClick={() => onChoose(chosen)}>
          {t('media.useChosen', { number: chosen.length })}
        </Button>
      </Group>
    </Stack>
  );
}
