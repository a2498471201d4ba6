// A cheap "is this English?" check: the coach's rules and phrasing are English-only, so a draft in
// another language gets one info finding instead of a page of nonsense. Function words give a
// language away within a sentence or two, and counting them costs nothing.

const ENGLISH = new Set(
  `the a an and or but if of to in on at for with from by about as into than that this these those it its
  i me my we us our you your he she they them their is are was were be been being have has had do does did
  will would can could should shall may might must not no so what which who when where why how there here
  all any some just very also up out over after before again then now i'm i'll i've we're we'll you're it's don't can't`.split(/\s+/),
);

// Frequent function words of the languages support teams most often receive, minus words that are
// also English ("a", "in", "is", "we", "no", "die", "son" ...), so an English draft never scores here.
const OTHER = new Set(
  `el la los las que y en un una por para con es está muy gracias hola su sus lo le se del al pero como más nos usted
  les des du et est une pour qui pas vous nous avec dans sur ce cette je bonjour merci votre très
  der das und ist nicht ich sie wir ein eine mit für auf zu den dem von ihr ihre ihnen hallo danke bitte sehr wird
  os não é você obrigado olá seu sua uma com
  il lo gli di che è sono ciao grazie suo nostro questo
  het een en van niet je met voor dat zijn bedankt uw`.split(/\s+/),
);

/** False only when the text clearly is not English; short or mixed text counts as English. */
export function looksEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length >= 12) {
    const latin = letters.filter((c) => /[A-Za-zÀ-ɏ]/.test(c)).length;
    if (latin / letters.length < 0.5) return false; // Cyrillic, Greek, CJK, Arabic ... script
  }
  const words = (text.toLowerCase().match(/[\p{L}'’]+/gu) ?? []).map((w) => w.replace(/’/g, "'"));
  if (words.length < 4) return true;
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    else if (OTHER.has(w)) other++;
  }
  if (other >= 2 && other > en * 1.5) return false;
  return !(words.length >= 8 && en / words.length < 0.08);
}
