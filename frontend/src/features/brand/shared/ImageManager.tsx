import { Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { notifyError } from '../../../components/notify';
import { SortableList } from '../../../components/SortableList';
import { brandKeys, uploadMedia, type Media } from '../data';
import { MediaLibraryModal } from './MediaLibraryModal';

export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif';

export interface ImageItem {
  media_id: string;
  thumbnail_url: string;
}

/**
 * An ordered set of images: upload new ones or choose from the media library, reorder them by
 * drag and drop or with the move buttons, remove them.
 */
export function ImageManager<T extends ImageItem>({
  brandId,
  images,
  onChange,
  toItem,
  label,
  max,
  renderExtra,
  disabled = false,
}: {
  brandId: string;
  images: readonly T[];
  onChange: (images: T[]) => void;
  toItem: (media: Media) => T;
  label: string;
  max: number;
  renderExtra?: (image: T, index: number) => ReactNode;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [libraryOpened, library] = useDisclosure(false);
  const imageLabel = (index: number) => t('media.imageNumber', { number: index + 1 });

  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      const uploaded: Media[] = [];
      for (const file of files) {
        try {
          uploaded.push(await uploadMedia(brandId, file));
        } catch (error) {
          notifyError(error);
        }
      }
      return uploaded;
    },
    onSuccess: async (uploaded) => {
      if (uploaded.length > 0) onChange([...images, ...uploaded.map(toItem)].slice(0, max));
      await queryClient.invalidateQueries({ queryKey: brandKeys.media(brandId) });
    },
  });

  const add = (media: Media[]) => {
    const known = new Set(images.map((image) => image.media_id));
    const added = media.filter((each) => !known.has(each.id)).map(toItem);
    onChange([...images, ...added].slice(0, max));
  };

  return (
    <Stack gap="sm">
      {images.length > 0 ? (
        <SortableList
          label={label}
          layout="grid"
          items={images}
          disabled={disabled}
          getId={(image) => image.media_id}
          getLabel={(_, index) => imageLabel(index)}
          onReorder={onChange}
          renderItem={(image, index) => (
            <Stack gap={4}>
              <Image
                src={image.thumbnail_url}
                alt={imageLabel(index)}
                h={120}
                fit="cover"
                radius="sm"
              />
              {renderExtra?.(image, index)}
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={disabled}
                leftSection={<IconTrash size={12} aria-hidden />}
                onClick={() => onChange(images.filter((_, at) => at !== index))}
                aria-label={t('media.remove', { name: imageLabel(index) })}
              >
                {t('media.removeShort')}
              </Button>
            </Stack>
          )}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('media.none')}
        </Text>
      )}
      <Group gap="xs">
        <FileButton
          multiple
          accept={IMAGE_TYPES}
          onChange={(files) => {
            if (files.length > 0) upload.mutate(files);
          }}
          disabled={disabled || images.length >= max}
        >
          {(props) => (
            <Button
              {...props}
              variant="light"
              loading={upload.isPending}
              disabled={disabled || images.length >= max}
              leftSection={<IconUpload size={16} aria-hidden />}
            >
              {t('media.upload')}
            </Button>
          )}
        </FileButton>
        <Button
          variant="default"
          disabled={disabled || images.length >= max}
          leftSection={<IconPhoto size={16} aria-hidden />}
          onClick={library.open}
        >
          {t('media.fromLibrary')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('media.limits', { max })}
        </Text>
      </Group>
      <MediaLibraryModal
        brandId={brandId}
        opened={libraryOpened}
        onClose={library.close}
        onChoose={add}
      />
    </Stack>
  );
}
