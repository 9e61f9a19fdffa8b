import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { currentLanguage, loadLanguage } from '../lib/i18n';
import { App } from './App';

/** Renders the app into `root`, once the first screen's language is there. */
export async function startApp(root: HTMLElement): Promise<void> {
  // The first screen appears in its language: load that catalog first (English is built in).
  await loadLanguage(currentLanguage()).catch(() => undefined);
  const reactRoot = createRoot(root);
  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread until the whole page is built (a long task on a phone, during which
  // the early requests' answers and taps wait).
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
