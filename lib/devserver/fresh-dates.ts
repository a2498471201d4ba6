// Node only (fixture server). The fixtures were saved in March 2025; served with `?fresh=H`, a page's
// dates move so that its newest one is H hours before now, keeping every gap between them. Then the
// demo and the browser tests see a customer who wrote a few hours ago (the panel's "waiting" line and
// its "reply now" reminder), not a thread from long ago. What moves: ISO `datetime` attributes
// (Zendesk), "Wed, 12 Mar 2025, 08:03" titles (Gmail; Zendesk without the comma) and the short text
// shown beside them. Times are written in UTC, which is what the fixtures use.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /datetime="(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"/g;
const TITLE = /title="((?:Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d{1,2} [A-Z][a-z]{2} \d{4}(,?) \d{2}:\d{2})"/g;
/** A dated element and its short visible text: `<time … datetime=… title=…>3 Mar 09:12<` or `class="g3" title=…>08:03 (2 hours ago)<`. */
const DATED = /(<time\b[^>]*\bdatetime="([^"]+)"[^>]*>)([^<]*)<|(class="g3" title="([^"]+)">)([^<]*)</g;

const pad = (n: number) => String(n).padStart(2, '0');
const hm = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const dayMonth = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;

function utc(text: string): number {
  return Date.parse(/Z$/.test(text) ? text : `${text.replace(/,/g, '')} UTC`);
}

function title(d: Date, comma: boolean): string {
  return `${WEEKDAYS[d.getUTCDay()]}, ${dayMonth(d)} ${d.getUTCFullYear()}${comma ? ',' : ''} ${hm(d)}`;
}

function ago(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'} ago`;
}

/** `html` with its dates moved so the newest is `hoursAgo` before `now`; unchanged when it has none. */
export function freshenDates(html: string, hoursAgo: number, now = Date.now()): string {
  const times = [...html.matchAll(ISO)].map((m) => utc(m[1]!)).concat([...html.matchAll(TITLE)].map((m) => utc(m[1]!)));
  const valid = times.filter((t) => !Number.isNaN(t));
  if (valid.length === 0) return html;
  const shift = now - hoursAgo * 3_600_000 - Math.max(...valid);
  const moved = (text: string) => new Date(utc(text) + shift);
  return html
    .replace(DATED, (all, timeOpen: string | undefined, iso: string | undefined, _t: string, g3Open: string | undefined, g3Title: string | undefined) => {
      if (timeOpen && iso) return `${timeOpen}${dayMonth(moved(iso))} ${hm(moved(iso))}<`;
      if (g3Open && g3Title) {
        const d = moved(g3Title);
        const sameDay = new Date(now).toISOString().slice(0, 10) === d.toISOString().slice(0, 10);
        return `${g3Open}${sameDay ? `${hm(d)} (${ago(now - d.getTime())})` : dayMonth(d)}<`;
      }
      return all;
    })
    .replace(ISO, (_all, iso: string) => `datetime="${moved(iso).toISOString().replace('.000Z', 'Z')}"`)
    .replace(TITLE, (_all, text: string, comma: string) => `title="${title(moved(text), comma === ',')}"`);
}
