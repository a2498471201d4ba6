// Reading a long message off the host page: toPlainText (lib/sites/text.ts) runs on every change of
// Gmail's or Zendesk's page while a conversation is open, in the host page's own thread, so its cost
// must stay linear in the message's length. Measured in happy-dom (slower than Chrome's DOM).
import { Window } from 'happy-dom';
import { toPlainText } from '@/lib/sites/text';
import { table } from './_table';

export const title = "Host page: reading a long message's text (happy-dom)";

const LINE = (i: number) => `Line ${i} of the log: the order was not refunded and nobody called back`;

function message(doc: Document, lines: number): Element {
  const root = doc.createElement('div');
  root.innerHTML = Array.from({ length: lines }, (_, i) => (i % 2 ? `<div>${LINE(i)} </div>` : `${LINE(i)}<br>`)).join('');
  return root;
}

export async function run(): Promise<void> {
  const window = new Window();
  const doc = window.document as unknown as Document;
  const rows: (string | number)[][] = [];
  const perKb: number[] = [];
  for (const lines of [500, 1000, 2000, 4000]) {
    const el = message(doc, lines);
    const kb = el.innerHTML.length / 1024;
    toPlainText(el); // warm-up
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      toPlainText(el);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = times[2]!;
    perKb.push((ms * 1000) / kb);
    rows.push([lines, kb.toFixed(0), ms.toFixed(1), ((ms * 1000) / kb).toFixed(0)]);
  }
  console.log(table(['lines', 'KB of HTML', 'median ms', 'µs per KB'], rows));
  const growth = perKb[perKb.length - 1]! / perKb[0]!;
  console.log(`\n${growth < 2 ? 'MET    ' : 'MISSED '} linear in length: µs per KB at 8x the size is ${growth.toFixed(1)}x that of the smallest (a quadratic read would be about 8x)`);
  await window.happyDOM.close();
}
