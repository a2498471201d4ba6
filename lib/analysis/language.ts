// A cheap language check: script first, then stopwords. The scorer is English-only; a message in
// another language gets a calm result with the reason "not English" rather than a made-up score.
// Texts under five words default to English: tweets like "@united thanks!" have no stopwords to count.

const EN = new Set(
  'the a an and or but is are was were be been to of in on for with at by from this that it i you we they my your our me us not no have has had do does did will would can could should please thanks thank hi hello as if so just what when why how there here am its im dont cant'.split(' '),
);
const OTHER = new Set(
  (
    // es, fr, de, pt, it, nl function words that are not also English words
    'el la los las y que de del en un una por para con es está están pero muy gracias hola le les et est une des pour avec dans pas je vous nous mais très merci bonjour der die das und ist nicht ich sie wir mit für auf ein eine sehr danke hallo o os um uma não obrigado olá il lo gli sono che della grazie ciao het een niet ik wij jij zijn voor dank hoi met' +
    // greetings and possessives that open short requests ("Buongiorno, vorrei annullare il mio ordine.")
    ' buenos buenas quiero mi mis votre mon ma mes voudrais meine mein meinen bitte möchte buongiorno mio mia vorrei mijn graag goedemiddag goedemorgen meu minha quero'
  ).split(' '),
);

export type Language = 'en' | 'other' | 'unknown';

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The first 4,000 characters decide the script; `words` (lower-case tokens of the text, if already
 * at hand) the stopword count.
 */
export function detectLanguage(text: string, words?: string[]): Language {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let letters = 0;
  let latin = 0;
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(sample)) {
    // plain ASCII: Latin script by definition, and English unless the stopwords say otherwise
    letters = latin = /[A-Za-z]/.test(sample) ? 1 : 0;
  } else for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      latin++;
    } else if (c > 127) {
      if (c >= 0xd800 && c <= 0xdbff) {
        i++; // astral (emoji and rarer scripts): a letter only when it is one
        if (LETTER.test(sample.slice(i - 1, i + 1))) letters++;
      } else {
        const ch = sample[i]!;
        if (LETTER.test(ch)) {
          letters++;
          if (LATIN.test(ch)) latin++;
        }
      }
    }
  }
  if (letters === 0) return 'unknown';
  if (latin / letters < 0.5) return 'other';
  const list = words ?? sample.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  if (list.length < 5) return 'en';
  if (list.length <= 12) {
    // A short request ("Hola, quiero cancelar mi pedido, por favor."): too few words for the 3-word rule
    // below, but a short English message always has one of its function words.
    // Two different words of two letters or more: a lone "o" or "y" is as likely a face or a typo.
    const others = new Set<string>();
    let en = false;
    for (const w of list) {
      if (EN.has(w)) en = true;
      else if (w.length > 1 && OTHER.has(w)) others.add(w);
    }
    if (!en && others.size >= 2) return 'other';
  }
  let en = 0;
  let other = 0;
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    if (EN.has(w)) en++;
    else if (OTHER.has(w)) other++;
    // decided: even if every word left were another language's, it could not outnumber English 2:1
    if (2 * en >= other + list.length - i - 1) return 'en';
  }
  if (other >= 3 && other > 2 * en) return 'other';
  return 'en';
}
