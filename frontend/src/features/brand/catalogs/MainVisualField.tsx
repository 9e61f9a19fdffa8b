import { Button, FileButton, Group, Image, Input, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { notifyError } from '../../../components/notify';
import { brandKeys, uploadMedia } from '../data';
import { IMAGE_TYPES } from '../shared/ImageManager';
import { MediaLibraryModal } from '../shared/MediaLibraryModal';

/** The public thumbnail of a brand image (media URLs are public and cacheable). */
function thumbnailUrl(mediaId: string): string {
  return `/api/v1/media/${mediaId}/thumbnail`;
}

/** One image (a catalog's main visual): upload, choose from the library, or remove. */
export function MainVisualField({
  brandId,
  label,
  value,
  onChange,
  error,
}: {
  brandId: string;
  label: string;
  value: string | null;
  onChange: (mediaId: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [libraryOpened, library] = useDisclosure(false);
  const upload = useMutation({
    mutationFn: (file: File) => uploadMedia(brandId, file),
    onSuccess: async (media) => {
      onChange(media.id);
      await queryClient.invalidateQueries({ queryKey: brandKeys.media(brandId) });
    },
    onError: notifyError,
  });

  return (
    <Input.Wrapper label={label} error={error}>
      <Stack gap="xs" mt={4}>
        {value ? (
          <Image src={thumbnailUrl(value)} alt={label} h={140} w={220} fit="cover" radius="sm" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('media.noneChosen')}
          </Text>
        )}
        <Group gap="xs">
          <FileButton accept={IMAGE_TYPES} onChange={(file) => file && upload.mutate(file)}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                loading={upload.isPending}
                leftSection={<IconUpload size={14} aria-hidden />}
              >
                {t('media.uploadOne')}
              </Button>
            )}
          </FileButton>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPhoto size={14} aria-hidden />}
            onClick={library.open}
          >
            {t('media.fromLibrary')}
          </Button>
          {value ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => onChange(null)}
            >
              {t('media.removeShort')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <MediaLibraryModal
        brandId={brandId}
        multiple={false}
        opened={libraryOpened}
        onClose={library.close}
        onChoose={(media) => {
          const first = media[0];
          if (first) onChange(first.id);
        }}
      />
    </Input.Wrapper>
  );
}
