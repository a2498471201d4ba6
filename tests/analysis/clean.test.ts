import { describe, expect, test } from 'vitest';
import { cleanMessage, spanToSource, MAX_SCORED_CHARS } from '@/lib/analysis/clean';
import { htmlToText } from '@/lib/analysis/html';

/** Every character of the cleaned text maps back to the same character of the source. */
function expectExactMap(input: string, html = false) {
  const c = cleanMessage(input, { html });
  for (let i = 0; i < c.text.length; i++) {
    const { start, end } = spanToSource(c, i, i + 1);
    expect(c.source.slice(start, end)).toBe(c.text[i]);
  }
  return c;
}

describe('cleanMessage: quoted history', () => {
  test.each([
    ['"On … wrote:"', 'The refund never came.\n\nOn Mon, 3 Mar 2025 at 10:12, Acme Support <help@acme.example> wrote:\n> We have issued your refund.'],
    ['"On … wrote:" wrapped over two lines', 'The refund never came.\n\nOn Mon, 3 Mar 2025 at 10:12, Acme Support <\nhelp@acme.example> wrote:\n> We have issued your refund.'],
    ['"-----Original Message-----"', 'The refund never came.\n\n-----Original Message-----\nFrom: Acme\nSent: Monday\nWe have issued your refund.'],
    ['an Outlook "From: … Sent: …" header', 'The refund never came.\n\nFrom: Acme Support <help@acme.example>\nSent: Monday, 3 March 2025 10:00\nTo: Dana\nSubject: Refund\n\nWe have issued your refund.'],
    ['an Outlook separator line and header', 'The refund never came.\n\n________________________________\nFrom: Acme Support\nSent: Monday\nWe have issued your refund.'],
    ['Zendesk "----- Original message -----"', 'The refund never came.\n\n----- Original message -----\nWe have issued your refund.'],
    ['Zendesk "##- Please type your reply above this line -##"', 'The refund never came.\n\n##- Please type your reply above this line -##\nWe have issued your refund.'],
    ['a forwarded message', 'The refund never came.\n\n---------- Forwarded message ---------\nWe have issued your refund.'],
  ])('drops history below %s', (_name, input) => {
    const c = expectExactMap(input);
    expect(c.text).toBe('The refund never came.');
    expect(c.removed.some((r) => r.kind === 'quoted-history')).toBe(true);
  });

  test('drops ">" quoted lines but keeps the replies between them', () => {
    const input = 'Answers inline:\n> Did you restart it?\nYes, twice.\n> And the cable?\nReplaced.';
    const c = expectExactMap(input);
    expect(c.text).toBe('Answers inline:\nYes, twice.\nReplaced.');
  });

  test('a message that is only quoted history has nothing left to score', () => {
    expect(cleanMessage('On Mon, 3 Mar 2025, Acme wrote:\n> hello').text).toBe('');
  });
});

describe('cleanMessage: signatures and disclaimers', () => {
  test.each([
    ['the "-- " delimiter', 'It is still broken.\n-- \nDana Lee\nACME Corp'],
    ['"Sent from my iPhone"', 'It is still broken.\n\nSent from my iPhone'],
    ['"Get Outlook for Android"', 'It is still broken.\n\nGet Outlook for Android'],
    ['a "Best regards," block', 'It is still broken.\n\nBest regards,\nDana Lee\nOperations | ACME Corp\n+1 555 0100'],
    ['"Thanks, Dana" on one line', 'It is still broken.\n\nThanks, Dana'],
    ['a "— Dana" sign-off', 'It is still broken.\n— Dana'],
    ['a confidentiality notice', 'It is still broken.\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential.'],
    ['an "intended recipient" disclaimer', 'It is still broken.\n\nThis email and any files transmitted with it are confidential and intended solely for the addressee.'],
  ])('drops %s', (_name, input) => {
    const c = expectExactMap(input);
    expect(c.text).toBe('It is still broken.');
  });

  test('keeps "Thanks for nothing" (sarcasm is not a sign-off)', () => {
    expect(cleanMessage('I asked three times.\n\nThanks for nothing.').text).toBe('I asked three times.\n\nThanks for nothing.');
  });

  test('keeps a one-line message that is only a thank-you', () => {
    expect(cleanMessage('Thank you!').text).toBe('Thank you!');
  });

  test('returns the sign-off block for reading the name', () => {
    const input = 'Where is my order?\n\nKind regards,\nMaria Lopez';
    const c = cleanMessage(input);
    expect(c.signOff && input.slice(c.signOff.start, c.signOff.end)).toBe('Kind regards,\nMaria Lopez');
  });

  test('handles CRLF line ends', () => {
    const c = expectExactMap('Please advise.\r\n\r\nBest regards,\r\nJohn\r\n\r\n-----Original Message-----\r\nFrom: Support\r\n');
    expect(c.text).toBe('Please advise.');
  });
});

describe('cleanMessage: offsets and size', () => {
  test('maps every kept character back to the original input', () => {
    const input = 'Hi,\n> quoted one\nFirst part.\n> quoted two\n> more\nSecond part!\n\nThanks,\nAna\n\nOn Tue, Acme wrote:\n> old';
    const c = expectExactMap(input);
    expect(c.text).toBe('Hi,\nFirst part.\nSecond part!');
  });

  test('cuts a huge paste to the scored maximum and says so', () => {
    const input = 'word '.repeat(250_000); // 1.25 MB
    const c = cleanMessage(input);
    expect(c.text.length).toBeLessThanOrEqual(MAX_SCORED_CHARS);
    expect(c.truncated).toEqual({ keptChars: c.text.length, totalChars: input.length });
  });

  test('a short message is not marked truncated', () => {
    expect(cleanMessage('Short and sweet.').truncated).toBeUndefined();
  });
});

describe('htmlToText', () => {
  test('drops script and style, decodes entities, turns blocks into lines', () => {
    const html = '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Hello&nbsp;team &amp; friends,</p><div>It&#39;s &ldquo;broken&rdquo;.<br>Again.</div></body></html>';
    expect(htmlToText(html)).toBe('Hello team & friends,\n\nIt\'s “broken”.\nAgain.');
  });

  test("drops Gmail's gmail_quote and blockquote history", () => {
    const html = '<div dir="ltr">Still no refund.</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, Acme wrote:</div><blockquote class="gmail_quote">We issued it.</blockquote></div>';
    expect(htmlToText(html)).toBe('Still no refund.');
  });

  test('survives soup: unclosed tags, stray brackets, comments', () => {
    expect(htmlToText('<div><p>a < b <!-- hidden --> <b>bold<i>x</div> <3 done')).toBe('a < b boldx\n<3 done');
  });

  test('offsets of HTML input point into the html→text output', () => {
    const html = '<p>Hello,</p><p>This is the <b>third</b> time.</p><blockquote>old</blockquote>';
    const c = expectExactMap(html, true);
    expect(c.source).toBe('Hello,\n\nThis is the third time.');
    expect(c.text).toBe('Hello,\n\nThis is the third time.');
  });
});
