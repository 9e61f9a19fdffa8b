import { Anchor, Button, Center, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';

import { ErrorState } from '../../../components/QueryState';
import { qrFileName } from './linkForm';

/** The QR code of a link's URL, to print or download. */
export function QrCodeModal({
  link,
  onClose,
}: {
  link: { name: string; url: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={link !== null}
      onClose={onClose}
      title={link ? t('links.qr.title', { name: link.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {link ? <QrCode name={link.name} url={link.url} /> : null}
    </Modal>
  );
}

function QrCode({ name, url }: { name: string; url: string }) {
  const { t } = useTranslation();
  const image = useQuery({
    queryKey: ['qr-code', url],
    queryFn: () => QRCode.toDataURL(url, { width: 320, margin: 2, errorCorrectionLevel: 'M' }),
    staleTime: Infinity,
  });
  return (
    <Stack gap="sm">
      {image.isPending ? (
        <Center h={320}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {image.isError ? <ErrorState error={image.error} /> : null}
      {image.data ? (
        <Center>
          <Image src={image.data} alt={t('links.qr.alt', { url })} w={320} h={320} />
        </Center>
      ) : null}
      <Text size="sm" ta="center" style={{ wordBreak: 'break-all' }}>
        {url}
      </Text>
      <Group justify="flex-end">
        {image.data ? (
          <Button
            component="a"
            href={image.data}
            download={qrFileName(name)}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('links.qr.download')}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('links.qr.help')}{' '}
        <Anchor href={url} target="_blank" rel="noreferrer" size="xs">
          {t('links.qr.open')}
        </Anchor>
      </Text>
    </Stack>
  );
}
