import { videoSource } from './video';

describe('videoSource', () => {
  it('plays video files in the page', () => {
    expect(videoSource('https://cdn.example.com/a/look.mp4')).toEqual({
      kind: 'file',
      src: 'https://cdn.example.com/a/look.mp4',
    });
  });

  it('embeds YouTube and Vimeo, muted and looping as a backdrop', () => {
    expect(videoSource('https://www.youtube.com/watch?v=abc123').src).toBe(
      'https://www.youtube-nocookie.com/embed/abc123',
    );
    expect(videoSource('https://youtu.be/abc123', true).src).toContain('mute=1');
    expect(videoSource('https://vimeo.com/76979871')).toEqual({
      kind: 'embed',
      src: 'https://player.vimeo.com/video/76979871',
    });
  });

  it('links to anything else', () => {
    expect(videoSource('https://example.com/film').kind).toBe('link');
  });
});
