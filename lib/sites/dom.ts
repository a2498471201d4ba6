// Small DOM helpers shared by the site adapters. Selector lists are tried in order and the first
// entry that matches wins (sites.md: "a list per anchor, first match wins").

/** An ordered list of alternative selectors for one anchor; the first that matches wins. */
export type SelectorList = readonly string[];

export interface Match<E extends Element = Element> {
  element: E;
  /** Index of the entry of the list that matched (0 = first choice). */
  entry: number;
}

/** The first element matched by the first entry of `list` that matches anything under `root`. */
export function firstMatch<E extends Element = Element>(
  root: ParentNode,
  list: SelectorList,
  accept: (el: E) => boolean = () => true,
): Match<E> | null {
  for (let i = 0; i < list.length; i++) {
    const sel = list[i]!;
    for (const el of Array.from(root.querySelectorAll<E>(sel))) {
      if (accept(el)) return { element: el, entry: i };
    }
  }
  return null;
}

/** All elements matched by the first entry of `list` that matches anything, outermost only. */
export function allMatches<E extends Element = Element>(root: ParentNode, list: SelectorList): Match<E>[] {
  for (let i = 0; i < list.length; i++) {
    const found = Array.from(root.querySelectorAll<E>(list[i]!));
    if (found.length) return outermost(found).map((element) => ({ element, entry: i }));
  }
  return [];
}

/** Drops elements nested inside another element of the same list. */
export function outermost<E extends Element>(els: E[]): E[] {
  const set = new Set<Element>(els);
  return els.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/**
 * Is the element laid out (not inside `display:none` or `[hidden]`)? Gmail keeps views it is not
 * showing in the DOM, hidden, so "present" is not "open".
 */
export function isRendered(el: Element): boolean {
  if (!el.isConnected) return false;
  if (el.closest('[hidden]')) return false;
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el);
  const view = el.ownerDocument.defaultView;
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (view?.getComputedStyle(p).display === 'none') return false;
  }
  return true;
}

/** First email address in a string ("Sam Rivera (sam@example.com)", "Sam <sam@example.com>"). */
export function emailIn(s: string | null | undefined): string | null {
  const m = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(s ?? '');
  return m ? m[0].toLowerCase() : null;
}

/** Text of an element with runs of whitespace collapsed. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
