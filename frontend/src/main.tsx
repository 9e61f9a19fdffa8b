// The entry: a few kilobytes that put the first page's requests on their way, then load the
// app. The requests would otherwise wait for the app's JavaScript (most of what a page
// downloads) to arrive and run; sent from here, their answers arrive while it downloads, and
// the app claims them (lib/earlyRequests.ts). Keep this file's imports light.
import { sendEarly } from './lib/earlyRequests';
import { importCatalog, initialLanguage } from './lib/language';
import { parseLinkPath, requestLinkPageEarly } from './features/store/linkRequests';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const language = initialLanguage();
// Every page starts by restoring the session from the refresh cookie (router.tsx).
sendEarly({ method: 'POST', path: '/api/v1/auth/refresh' });
const link = parseLinkPath(window.location.pathname);
if (link) requestLinkPageEarly(link, language);

// The code, in a task of its own: each download started costs the main thread a moment, and
// the requests above should not wait for those. (index.html already links the app's chunk.)
setTimeout(() => {
  const ignore = () => undefined;
  // A language other than English: its catalog, which the first render waits for.
  importCatalog(language)?.catch(ignore);
  if (link) {
    // The link's pages, which the router would ask for only once the app runs (an Instant
    // Order Link's landing goes on to its catalog). A failure shows when the router asks again.
    import('./features/store/LinkPage').catch(ignore);
    import('./features/store/LinkHome').catch(ignore);
    import('./features/store/LinkCatalogPage').catch(ignore);
  }
  void import('./app/start').then(({ startApp }) => startApp(root));
}, 0);
