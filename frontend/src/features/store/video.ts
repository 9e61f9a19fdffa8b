/** How a video URL can be shown: a file the browser plays, an embeddable player, or a link. */
export type VideoSource =
  { kind: 'file'; src: string } | { kind: 'embed'; src: string } | { kind: 'link'; src: string };

const FILE = /\.(mp4|webm|ogv|ogg|mov|m4v)(\?|#|$)/i;

/** `background`: autoplay, muted and looping, for a backdrop. */
export function videoSource(url: string, background = false): VideoSource {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.origin);
  } catch {
    return { kind: 'link', src: url };
  }
  if (FILE.test(parsed.pathname) || parsed.pathname.startsWith('/api/v1/media/')) {
    return { kind: 'file', src: parsed.href };
  }
  const host = parsed.hostname.replace(/^www\./, '');
  let youtube: string | null = null;
  if (host === 'youtu.be') youtube = parsed.pathname.slice(1);
  else if (host === 'youtube.com' || host === 'm.youtube.com') {
    youtube =
      parsed.searchParams.get('v') ??
      /^\/(?:embed|shorts)\/([^/]+)/.exec(parsed.pathname)?.[1] ??
      null;
  }
  if (youtube) {
    const params = background ? `?autoplay=1&mute=1&loop=1&controls=0&playlist=${youtube}` : '';
    return { kind: 'embed', src: `https://www.youtube-nocookie.com/embed/${youtube}${params}` };
  }
  if (host === 'vimeo.com') {
    const id = /^\/(\d+)/.exec(parsed.pathname)?.[1];
    if (id) {
      const params = background ? '?background=1&autoplay=1&loop=1&muted=1' : '';
      return { kind: 'embed', src: `https://player.vimeo.com/video/${id}${params}` };
    }
  }
  return { kind: 'link', src: parsed.href };
}
