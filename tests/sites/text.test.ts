// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { toPlainText } from '@/lib/sites/text';

function el(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('toPlainText', () => {
  test.each([
    ['line breaks from <br>', 'Hi Sam,<br><br>Thanks.', 'Hi Sam,\n\nThanks.'],
    ['block elements start new lines', '<div>one</div><div>two</div>', 'one\ntwo'],
    ['paragraphs are separated by a blank line', '<p>one</p><p>two</p>', 'one\n\ntwo'],
    ['runs of whitespace collapse', '<div>  a \n  lot   of\tspace </div>', 'a lot of space'],
    ['non-breaking spaces become spaces', 'a&nbsp;b', 'a b'],
    ['no more than one blank line in a row', 'a<br><br><br><br>b', 'a\n\nb'],
    ['scripts, styles and buttons are not text', 'a<script>x()</script><style>p{}</style><button>Show</button>b', 'ab'],
    ['hidden elements are not text', 'a<div style="display:none">secret</div><div hidden>also</div>b', 'ab'],
    [
      "an HTML mail's hidden preheader is not text",
      'a<span style="visibility:hidden">v</span><div style="color:#fff; opacity: 0;">o</div><div style="max-height:0px;overflow:hidden">m</div><p style="mso-hide:all">x</p>b',
      'ab',
    ],
    [
      'styles that only look like hiding keep their text',
      '<div style="font-size:0"><span style="font-size:14px">sized</span></div><div style="opacity:0.5">faded</div><div style="max-height:0; overflow:visible">shown</div><div style="border-display:none">odd</div>',
      'sized\nfaded\nshown\nodd',
    ],
    ['our badge is not text', 'a<defuse-badge>Frustrated</defuse-badge>b', 'ab'],
  ])('%s', (_name, html, expected) => {
    expect(toPlainText(el(html))).toBe(expected);
  });

  test('drops every element a drop selector matches', () => {
    const text = toPlainText(el('<div>keep</div><div class="q">drop<blockquote>also</blockquote></div><blockquote>gone</blockquote>'), {
      drop: ['.q', 'blockquote'],
    });
    expect(text).toBe('keep');
  });

  test('cuts everything from a cut-from element on, at any depth', () => {
    const text = toPlainText(el('<div><p>keep</p><div><hr><div id="x_divRplyFwdMsg">From: us</div><p>old</p></div></div><p>older</p>'), {
      cutFrom: ['[id$="divRplyFwdMsg"]'],
    });
    expect(text).toBe('keep');
  });

  test('a 300 KB message of 4,000 lines keeps every line (its read time is in `npm run bench`, sites)', () => {
    const line = (i: number) => `Line ${i} of the log: the order was not refunded and nobody called back`;
    const source = el(Array.from({ length: 4000 }, (_, i) => (i % 2 ? `<div>${line(i)} </div>` : `${line(i)}<br>`)).join(''));
    expect(toPlainText(source).split('\n')).toEqual(Array.from({ length: 4000 }, (_, i) => line(i)));
  });

  test('line breaks and spaces at the joins stay as they were: a break after text, none doubled', () => {
    expect(toPlainText(el('a <br> <br><div> b </div><p>c</p>   <p> </p><div>d<br></div>e'))).toBe('a\n\nb\nc\n\nd\ne');
    expect(toPlainText(el('<pre>  x\n\n\n  y  </pre>z'))).toBe('x\n\ny\n\nz');
  });

  test('never changes the page', () => {
    const source = el('<p>a</p><blockquote>b</blockquote>');
    const before = source.innerHTML;
    toPlainText(source, { drop: ['blockquote'] });
    expect(source.innerHTML).toBe(before);
  });
});
