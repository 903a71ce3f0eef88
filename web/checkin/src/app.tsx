/**
 * The trainee's check-in page. /c/<class>/<lesson>/<venue>#<step>.<mac> is what the venue screen's QR code opens:
 * scan → grant → (identify once) → checked in. /c/<class> is "我的签到": this phone's trainee's check-ins and 学时.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Place } from './api.js';
import { htmlLang, initialLang, rememberLang, TEXTS, type Lang } from './i18n.js';
import { Mine } from './mine.js';
import { Notice, type Heading } from './notice.js';
import { ScanFlow } from './scan.js';

const ID = '([A-Za-z0-9_.:-]{1,64})';

type Route = { page: 'scan'; place: Place } | { page: 'mine'; classId: string } | { page: 'bad' };

function route(): Route {
  const scan = new RegExp(`^/c/${ID}/${ID}/${ID}/?$`).exec(location.pathname);
  if (scan) return { page: 'scan', place: { classId: scan[1]!, lessonId: scan[2]!, venueId: scan[3]! } };
  const mine = new RegExp(`^/c/${ID}/?$`).exec(location.pathname);
  return mine ? { page: 'mine', classId: mine[1]! } : { page: 'bad' };
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [heading, setHeading] = useState<Heading | null>(null);
  const [where] = useState(route);
  const t = TEXTS[lang];

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);
  useEffect(() => {
    document.title = heading ? `${heading.title} · ${t.appName}` : t.appName;
  }, [heading, t]);

  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    rememberLang(next);
    setLang(next);
  };

  return (
    <div class="page">
      <header class="top">
        <div class="brand">
          <strong data-testid="class-name">{heading?.title ?? t.appName}</strong>
          {heading?.sub && <span>{heading.sub}</span>}
        </div>
        <button type="button" class="lang" onClick={switchLang}>{t.switchTo}</button>
      </header>
      {where.page === 'scan' && <ScanFlow t={t} lang={lang} place={where.place} onHeading={setHeading} />}
      {where.page === 'mine' && <Mine t={t} lang={lang} classId={where.classId} onHeading={setHeading} />}
      {where.page === 'bad' && <Notice title={t.noScanTitle} body={t.noScanBody} />}
    </div>
  );
}
