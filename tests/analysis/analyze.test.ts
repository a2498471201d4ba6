import { describe, expect, test } from 'vitest';
import { analyzeMessage, SIGNALS } from '@/lib/analysis';
import { alertThreshold, levelFor, WEIGHTS } from '@/lib/analysis/logistic';
import { MAX_SCORED_CHARS } from '@/lib/analysis/clean';

const EMAIL = `Hi team,

This is the third time I'm writing about order #48213. I was promised a call back on Monday and nobody called. It has been three weeks.

Kindly advise.

Thanks,
Maria Lopez

On Tue, 4 Mar 2025 at 10:12, Acme Support <help@acme.example> wrote:
> Sorry, we are furious too!!! This is the worst, a total disaster.`;

describe('analyzeMessage', () => {
  test('scores a polite but frustrated email as frustrated and shows why', () => {
    const a = analyzeMessage(EMAIL);
    expect(a.frustrated).toBe(true);
    expect(['frustrated', 'angry']).toContain(a.level);
    expect(a.signals.map((s) => s.id)).toEqual(expect.arrayContaining(['nth-time', 'was-promised', 'never-got', 'elapsed-duration', 'kindly-advise']));
    expect(a.evidence.length).toBeGreaterThan(0);
    expect(a.evidence.every((e) => e.label !== '')).toBe(true);
    expect(a.language).toBe('en');
  });

  test('ignores quoted history: nothing below "On … wrote:" becomes a signal', () => {
    const a = analyzeMessage(EMAIL);
    const historyStart = EMAIL.indexOf('On Tue');
    expect(a.signals.every((s) => s.end <= historyStart)).toBe(true);
    expect(a.scored.end).toBeLessThanOrEqual(historyStart);
  });

  test('"I\'d hate to…" is not listed as a strongly negative word, and a customer\'s tenure is not a wait', () => {
    const a = analyzeMessage("I've been a customer for six years and I'd hate to take my business elsewhere, but this is the third time I'm writing.");
    expect(a.signals.map((s) => s.id)).not.toContain('negative-word');
    expect(a.signals.map((s) => s.id)).not.toContain('elapsed-duration');
    expect(a.signals.map((s) => s.id)).toEqual(expect.arrayContaining(['cancel-account', 'nth-time']));
    // "hate" on its own still is one
    expect(analyzeMessage('I hate this app.').signals.map((s) => s.id)).toContain('negative-word');
  });

  test('the evidence list leaves out words that tell a rep nothing ("been", "do i", "not … this")', () => {
    const a = analyzeMessage("I have been waiting for three weeks and it's still not been sorted. Do I have to call again?");
    const words = a.evidence.filter((e) => e.feature.startsWith('w:')).map((e) => e.feature.slice(2));
    expect(words.length).toBeGreaterThan(0);
    for (const w of ['been', 'i', 'do i', 'not_been', 'have', 'to']) expect(words).not.toContain(w);
    expect(a.evidence.length).toBeLessThanOrEqual(8);
  });

  test('signal offsets index the original input exactly', () => {
    const a = analyzeMessage(EMAIL);
    for (const s of a.signals) expect(EMAIL.slice(s.start, s.end)).toBe(s.text);
  });

  test('offsets survive removed quoted lines in the middle of the message', () => {
    const text = 'Answers below.\n> Did you restart it?\nYes, I have already restarted it twice.\n> Anything else?\nThis is the third time I am asking!!';
    const a = analyzeMessage(text);
    expect(a.signals.length).toBeGreaterThan(1);
    for (const s of a.signals) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  test('reads the facts a reply can use', () => {
    const f = analyzeMessage(EMAIL).facts;
    expect(f.customerFirstName).toBe('Maria');
    expect(f.references).toContain('#48213');
    expect(f.elapsed).toContain('three weeks');
    expect(f.contactCount).toBe(3);
    expect(f.promised).toBe('a call back');
    expect(f.askedForEscalation).toBe(false);
  });

  test('notices an escalation request', () => {
    const f = analyzeMessage('I want to speak to a supervisor about order 55210.').facts;
    expect(f.askedForEscalation).toBe(true);
    expect(f.references).toContain('55210');
  });

  test('takes the contact count from the thread when the adapter knows it, without changing the score', () => {
    // The badge must show what the CLI gives for the text alone (design.md contract 5); the thread
    // count reaches the coach and phrasebook through the facts.
    const text = 'Any news on my refund?';
    const first = analyzeMessage(text);
    const fourth = analyzeMessage(text, { priorCustomerMessages: 3 });
    expect(first.facts.contactCount).toBe(1);
    expect(fourth.facts.contactCount).toBe(4);
    expect(fourth.score).toBe(first.score);
    expect(fourth.level).toBe(first.level);
  });

  test('a thread count lower than what the customer says keeps the stated count', () => {
    expect(analyzeMessage('This is the third time I am writing about my refund.', { priorCustomerMessages: 1 }).facts.contactCount).toBe(3);
  });

  test.each([
    ['I was promised a call back on Monday and nobody called.', 'a call back'],
    ['I was told my refund would arrive by Friday. It did not.', 'your refund would arrive'],
    ['I was promised a refund two weeks ago and nothing came.', 'a refund'],
    ['You promised your team would call me back on Monday. Nobody did.', 'our team would call you back'],
    ['I was promised you would refund me.', 'we would refund you'],
  ])('says the promise back in the second person: %s', (text, promised) => {
    expect(analyzeMessage(text).facts.promised).toBe(promised);
  });

  test('level and frustrated flag agree with the fitted thresholds', () => {
    for (const text of ['Thanks, all good!', EMAIL, 'This is the WORST service, you are useless!!!']) {
      const a = analyzeMessage(text);
      expect(a.frustrated).toBe(a.score >= WEIGHTS.thresholds.frustrated);
      expect(a.level).toBe(levelFor(a.score, 'normal', WEIGHTS, a.signals.some((s) => s.category === 'overt-anger')));
    }
  });

  test('angry needs overt anger: polite hidden frustration at a high score is frustrated, not angry', () => {
    const polite = analyzeMessage(
      'As per my last email, this is the third time I am writing. I was promised a refund two weeks ago and it still has not arrived. Kindly advise.',
    );
    expect(polite.score).toBeGreaterThanOrEqual(WEIGHTS.thresholds.angry);
    expect(polite.signals.some((s) => s.category === 'overt-anger')).toBe(false);
    expect(polite.level).toBe('frustrated');
    const overt = analyzeMessage('This is the third time I am writing. Your support is USELESS and I want my refund NOW!!!');
    expect(overt.signals.some((s) => s.category === 'overt-anger')).toBe(true);
    expect(overt.level).toBe('angry');
    expect(levelFor(WEIGHTS.thresholds.angry, 'normal', WEIGHTS, false)).toBe('frustrated');
    expect(levelFor(WEIGHTS.thresholds.angry, 'normal', WEIGHTS, true)).toBe('angry');
  });

  test('sensitivity moves the alert threshold', () => {
    expect(alertThreshold('high')).toBeLessThan(alertThreshold('normal'));
    expect(alertThreshold('low')).toBeGreaterThan(alertThreshold('normal'));
    const t = 'I have been waiting for a reply since Monday.';
    const high = analyzeMessage(t, { sensitivity: 'high' });
    const low = analyzeMessage(t, { sensitivity: 'low' });
    expect(high.score).toBe(low.score);
    expect(high.frustrated).toBe(high.score >= alertThreshold('high'));
    expect(low.frustrated).toBe(low.score >= alertThreshold('low'));
  });

  test('the evidence is the model: labelled, additive, largest first', () => {
    const a = analyzeMessage(EMAIL);
    const mags = a.evidence.map((e) => Math.abs(e.contribution));
    expect([...mags].sort((x, y) => y - x)).toEqual(mags);
    const signalEvidence = a.evidence.filter((e) => e.feature.startsWith('sig:'));
    expect(signalEvidence.length).toBeGreaterThan(0);
    expect(signalEvidence.every((e) => e.contribution >= 0)).toBe(true);
  });
});

describe('scoring monotonicity', () => {
  const bases = [
    'Hello, could you tell me when my order will ship?',
    'Thanks for the update, I will try again tomorrow.',
    'My internet has been down since Monday.',
    'I was promised a refund last week and I am still waiting.',
    'Hi,\n\nThe invoice shows the wrong amount. Can you correct it?\n\nThanks,\nSam',
  ];
  const threats = [
    'I will dispute the charge with my bank.',
    'Otherwise I will cancel my account.',
    'I will be speaking to my lawyer.',
    'I want to speak to a manager.',
    "I'd hate to take my business elsewhere.",
    'I will leave a review about this.',
  ];
  test.each(bases.flatMap((b) => threats.map((t) => [t, b] as const)))('adding %j never lowers the score of %j', (threat, base) => {
    const before = analyzeMessage(base);
    const body = base.includes('\n\nThanks,') ? base.replace('\n\nThanks,', ` ${threat}\n\nThanks,`) : `${base} ${threat}`;
    const after = analyzeMessage(body);
    expect(after.score).toBeGreaterThanOrEqual(before.score);
  });

  test('every signal family has a non-negative weight (evidence never argues for calm)', () => {
    const families = new Set(SIGNALS.map((r) => 'sig:' + (r.feature ?? r.category)));
    for (const f of families) expect(WEIGHTS.named[f] ?? 0).toBeGreaterThanOrEqual(0);
  });
});

describe('bad input', () => {
  test.each([
    ['empty', '', 'empty message'],
    ['whitespace', '   \n\t  ', 'empty message'],
    ['emoji only', '😡😡😡 🙄', 'no words to score'],
    ['punctuation only', '?!?! ... !!!', 'no words to score'],
    ['only quoted history', 'On Mon, Acme wrote:\n> We fixed it.', 'nothing new to score: only quoted history or a signature'],
    ['Spanish', 'Hola, el pedido no ha llegado y estoy muy molesto con el servicio de ustedes. Por favor, necesito una respuesta.', 'not English'],
    ['German', 'Hallo, ich habe seit drei Wochen keine Antwort bekommen und das ist nicht in Ordnung für mich.', 'not English'],
    ['Japanese', '注文した商品がまだ届いていません。至急対応してください。', 'not English'],
    ['Russian', 'Мой заказ до сих пор не пришёл, это уже третье письмо.', 'not English'],
    // short requests: too few words for the stopword count, but no English function word at all
    ['short French', 'Bonjour, je voudrais annuler ma commande.', 'not English'],
    ['short Spanish', 'Hola, quiero cancelar mi pedido, por favor.', 'not English'],
    ['short German', 'Hallo, ich möchte meine Bestellung stornieren.', 'not English'],
    ['short Italian', 'Buongiorno, vorrei annullare il mio ordine.', 'not English'],
    ['short Dutch', 'Hallo, ik wil mijn bestelling annuleren alstublieft.', 'not English'],
  ])('%s input gives a calm result with a reason', (_name, text, reason) => {
    const a = analyzeMessage(text);
    expect(a).toMatchObject({ score: 0, level: 'calm', frustrated: false, signals: [], reason });
  });

  test.each([
    'Hi, I would like to cancel my order please.',
    'Merci for the quick fix, all good now.',
    'Delivery Mon or Tue works, cheers',
    'Cute dog, what is his name? ( ͡o ͜ʖ ͡o)',
    'Gracias! Order arrived today, all good.',
  ])('a short English message that borrows a word or two is still scored: "%s"', (text) => {
    expect(analyzeMessage(text).reason).toBeUndefined();
  });

  test('non-string input does not throw', () => {
    for (const bad of [undefined, null, 42, {}, ['a']]) {
      const a = analyzeMessage(bad as unknown as string);
      expect(a.level).toBe('calm');
      expect(a.reason).toBeTruthy();
    }
  });

  test('HTML soup is converted, and offsets point into its text', () => {
    const html = '<div><style>.x{}</style><p>This is the <b>third</b> time I&#39;m asking!!</p><div class="gmail_quote">On Mon wrote: furious</div>';
    const a = analyzeMessage(html, { html: true });
    expect(a.plainText).toBe("This is the third time I'm asking!!");
    for (const s of a.signals) expect(a.plainText!.slice(s.start, s.end)).toBe(s.text);
    expect(a.signals.map((s) => s.id)).toContain('nth-time');
  });

  test('a 1 MB paste is scored from its first part and marked truncated', () => {
    const text = 'I have been waiting for weeks and nobody called me back. '.repeat(20_000);
    const a = analyzeMessage(text);
    expect(a.truncated).toBeDefined();
    expect(a.truncated!.totalChars).toBe(text.length);
    expect(a.truncated!.keptChars).toBeLessThanOrEqual(MAX_SCORED_CHARS);
    expect(a.scored.end).toBeLessThanOrEqual(MAX_SCORED_CHARS);
    expect(a.frustrated).toBe(true);
  });

  test('a 1 MB HTML paste is converted only in part and marked truncated', () => {
    const html = '<div><p>This is the <b>third</b> time I am asking &amp; nobody replied!!</p></div>'.repeat(13_000);
    const a = analyzeMessage(html, { html: true });
    expect(a.truncated?.totalChars).toBe(html.length);
    for (const s of a.signals.slice(0, 20)) expect(a.plainText!.slice(s.start, s.end)).toBe(s.text);
  });

  test('a 1 MB block of quoted lines stops being scanned and says so', () => {
    const a = analyzeMessage('> an old reply line\n'.repeat(55_000));
    expect(a.level).toBe('calm');
    expect(a.truncated).toBeDefined();
  });

  test('English with a few foreign words is still English', () => {
    expect(analyzeMessage('Merci for nothing, the package is still missing and nobody replied.').language).toBe('en');
  });

  test('words that shadow Object.prototype do not break the score', () => {
    const a = analyzeMessage('the constructor toString valueOf __proto__ hasOwnProperty');
    expect(Number.isFinite(a.score)).toBe(true);
  });
});

describe('technical words are not anger', () => {
  test.each([
    'I need to kill the process that is stuck. Which command should I use?',
    'The nightly job failed with a fatal error. Can you check the database host?',
    'How do I abort a sync that is already running?',
    'The build failed after the upgrade; the log says fatal: not a git repository.',
  ])('%j is calm', (text) => {
    const a = analyzeMessage(text);
    expect(a.frustrated).toBe(false);
    const lexical = a.signals.filter((s) => s.category === 'lexical').map((s) => s.text);
    expect(lexical.filter((w) => /kill|fatal|fail|abort|error/i.test(w))).toEqual([]);
  });
});
