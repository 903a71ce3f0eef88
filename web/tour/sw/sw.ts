/**
 * The tour page's service worker (scope /o/). It keeps this build's page — the shell, index.html, and its hashed JS
 * and CSS — in a cache named after the build, so an observer who opened their link once can reload it in a village
 * with no signal. Navigations under /o/ go to the network first (a new build is picked up whenever the phone is
 * online) and fall back to the kept shell when the network fails or hangs. /api/ is never touched: the page's data
 * lives in IndexedDB, its requests go to the network or fail.
 * build.ts writes sw.js from this file with the three constants below defined.
 */
declare const TOUR_VERSION: string;
declare const TOUR_FILES: string[];
declare const TOUR_SHELL: string;

const worker = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'leitai-tour-';
const CACHE = PREFIX + TOUR_VERSION;
const FILES = new Set(TOUR_FILES);
/** A navigation the network has not answered by then is served from the cache: a weak signal hangs rather than fails. */
const NAVIGATION_WAIT_MS = 4000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // 'reload': past the HTTP cache, so the shell and its files are this build's, fetched now.
      await cache.addAll([TOUR_SHELL, ...TOUR_FILES].map((url) => new Request(url, { cache: 'reload', credentials: 'omit' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

const shell = async (): Promise<Response | undefined> => (await caches.open(CACHE)).match(TOUR_SHELL);

async function navigate(request: Request): Promise<Response> {
  const network = fetch(request);
  // Answered from the cache after the wait, the late network failure is no one's to handle.
  network.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), NAVIGATION_WAIT_MS);
  });
  try {
    const answer = await Promise.race([network, waited]);
    // A server error (the page not built, a proxy's 502) is no better than no answer.
    if (answer && answer.status < 500) return answer;
    return (await shell()) ?? answer ?? (await network);
  } catch {
    const kept = await shell();
    if (kept) return kept;
    return Response.error();
  } finally {
    clearTimeout(timer);
  }
}

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/o/')) {
    event.respondWith(navigate(request));
    return;
  }
  if (FILES.has(url.pathname)) {
    event.respondWith((async () => (await (await caches.open(CACHE)).match(url.pathname)) ?? fetch(request))());
  }
});
