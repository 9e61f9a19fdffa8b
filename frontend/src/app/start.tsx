import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { currentLanguage, loadLanguage } from '../lib/i18n';
import { App } from './App';

/** Renders the app into `root`, once the first screen's language is there. */
export async function startApp(root: HTMLElement): Promise<void> {
  // The first screen appears in its language: load that catalog first (English is built in).
  await loadLanguage(currentLanguage()).catch(() => undefined);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
