// Lighthouse (mobile preset, the default config) on an order link's landing and catalog pages,
// served by the production build (`showroom serve --spa-dist frontend/dist`).
//
//   node scripts/lighthouse.mjs --base-url http://127.0.0.1:8000 --token TOKEN --output FILE
//                               [--runs 3] [--chromium /usr/bin/chromium]
//
// TOKEN is a passcode-less order link. Writes
//   {"pages": [{"name": "landing", "url", "performance", "cls", "lcp_ms", "tbt_ms", ...}, ...]}
// with, per page, the run of median performance score out of --runs (Lighthouse's advice for a
// noisy machine). Exits 0 when it ran — the bench harness judges the scores — and non-zero when
// it could not (no server, no such link, Chromium failed). Only loopback is used: background
// networking, component updates and the like are switched off, and a run that hangs is killed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    token: { type: 'string' },
    output: { type: 'string' },
    runs: { type: 'string', default: '3' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});

function fail(message) {
  console.error(`lighthouse: ${message}`);
  process.exit(2);
}

const base = values['base-url']?.replace(/\/+$/, '');
const { token, output } = values;
const runs = Number(values.runs);
if (!base || !token || !output) fail('--base-url, --token and --output are required');
if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive integer');

// Anything longer is a hang (a run takes ~15 s); never let the bench wait forever.
const RUN_TIMEOUT_MS = 120_000;

/** The link's first catalog, from the same API the page calls. */
async function firstCatalogId() {
  const url = `${base}/api/v1/order-links/${encodeURIComponent(token)}?locale=en`;
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    fail(`cannot reach ${url}: ${error.message}`);
  }
  if (!response.ok) fail(`${url} answered ${response.status}`);
  const landing = await response.json();
  if (landing.state !== 'available') {
    fail(`the link is "${landing.state}": give a passcode-less link that is open`);
  }
  const catalog = landing.catalogs?.[0];
  if (!catalog) fail('the link has no catalog');
  return catalog.id;
}

const flags = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Nothing but loopback: no update checks, field trials, sync, translate or metrics uploads.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];
// Chromium's sandbox does not start as root (CI containers).
if (process.getuid?.() === 0) flags.push('--no-sandbox');

async function audit(url) {
  const chrome = await chromeLauncher.launch({ chromePath: values.chromium, chromeFlags: flags });
  let timer;
  try {
    const run = lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no result after ${RUN_TIMEOUT_MS} ms`)),
        RUN_TIMEOUT_MS,
      );
    });
    const result = await Promise.race([run, timeout]);
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const metric = (id) => lhr.audits[id]?.numericValue ?? null;
    const score = lhr.categories.performance.score;
    if (score === null) throw new Error('no performance score (the page did not load?)');
    return {
      performance: score,
      cls: metric('cumulative-layout-shift'),
      lcp_ms: metric('largest-contentful-paint'),
      tbt_ms: metric('total-blocking-time'),
      fcp_ms: metric('first-contentful-paint'),
      si_ms: metric('speed-index'),
      lighthouse: lhr.lighthouseVersion,
      user_agent: lhr.environment?.hostUserAgent,
      benchmark_index: lhr.environment?.benchmarkIndex,
    };
  } finally {
    clearTimeout(timer);
    chrome.kill();
  }
}

const catalogId = await firstCatalogId();
const pages = [
  { name: 'landing', url: `${base}/l/${encodeURIComponent(token)}` },
  { name: 'catalog', url: `${base}/l/${encodeURIComponent(token)}/catalogs/${catalogId}` },
];

const results = [];
for (const page of pages) {
  const measured = [];
  for (let index = 0; index < runs; index += 1) {
    // Lighthouse now and then loses a trace on a busy machine (NO_NAVSTART, NO_FCP): try
    // such a run again, twice at most, before giving up.
    for (let attempt = 1; ; attempt += 1) {
      try {
        measured.push(await audit(page.url));
        break;
      } catch (error) {
        if (attempt >= 3) fail(`${page.name} (${page.url}): ${error.message}`);
        console.error(`lighthouse: ${page.name}: ${error.message}; trying again`);
      }
    }
  }
  measured.sort((a, b) => a.performance - b.performance);
  const median = measured[Math.floor((measured.length - 1) / 2)];
  const { lighthouse: version, user_agent, benchmark_index, ...scores } = median;
  results.push({
    name: page.name,
    url: page.url,
    ...scores,
    runs: measured.map((run) => run.performance),
    lighthouse: version,
    user_agent,
    benchmark_index,
  });
  console.log(
    `${page.name}: performance ${Math.round(median.performance * 100)}` +
      ` (runs ${measured.map((run) => Math.round(run.performance * 100)).join(', ')}),` +
      ` CLS ${median.cls?.toFixed(3)}, LCP ${Math.round(median.lcp_ms)} ms, TBT ${Math.round(median.tbt_ms)} ms`,
  );
}

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify({ pages: results }, null, 2)}\n`);
