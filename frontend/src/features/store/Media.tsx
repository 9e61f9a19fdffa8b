import { Anchor, AspectRatio, Box } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { LinkLanding } from './storeApi';
import { videoSource } from './video';

/** A brand's or catalog's video: played inline when possible, else a link to it. */
export function VideoPlayer({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const source = videoSource(url);
  if (source.kind === 'link') {
    return (
      <Anchor href={source.src} target="_blank" rel="noreferrer">
        <IconPlayerPlay size={16} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {t('store.watchVideo')}
      </Anchor>
    );
  }
  return (
    <AspectRatio ratio={16 / 9} maw={960}>
      {source.kind === 'file' ? (
        <video src={source.src} controls preload="metadata" title={title} />
      ) : (
        <iframe
          src={source.src}
          title={title}
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          style={{ border: 0 }}
        />
      )}
    </AspectRatio>
  );
}

/**
 * A full-page backdrop behind the link's passcode, login and "not available" screens: the
 * background image, or a looping muted video, dimmed so the card on top stays readable.
 */
export function Backdrop({
  background,
  children,
}: {
  background: LinkLanding['background'];
  children: ReactNode;
}) {
  const video =
    background.type === 'video' && background.video_url
      ? videoSource(background.video_url, true)
      : null;
  const image = background.type === 'image' ? background.image_url : null;
  return (
    <Box
      pos="relative"
      mih="calc(100dvh - 60px)"
      style={{
        overflow: 'hidden',
        backgroundColor: 'var(--mantine-color-gray-1)',
        backgroundImage: image ? `url("${image}")` : undefined,
        backgroundSize: 'cover',
        backgroundPosition: 'center',
      }}
      data-background={background.type}
    >
      {video && video.kind === 'file' ? (
        <video
          src={video.src}
          autoPlay
          muted
          loop
          playsInline
          aria-hidden
          style={{
            position: 'absolute',
            inset: 0,
            width: '100%',
            height: '100%',
            objectFit: 'cover',
          }}
        />
      ) : null}
      {video && video.kind === 'embed' ? (
        <iframe
          src={video.src}
          title=""
          aria-hidden
          tabIndex={-1}
          allow="autoplay"
          style={{
            position: 'absolute',
            inset: 0,
            width: '100%',
            height: '100%',
            border: 0,
            pointerEvents: 'none',
          }}
        />
      ) : null}
      <Box pos="relative" py="xl" px="md" style={{ zIndex: 1 }}>
        {children}
      </Box>
    </Box>
  );
}
