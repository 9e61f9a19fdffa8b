import { useEffect } from 'react';

/** Sets the document title, so screen readers and tabs name the page. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Showroom`;
  }, [title]);
}
