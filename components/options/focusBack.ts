// A file input is disabled while its file is read; disabling the focused element drops focus to the page,
// and a keyboard user would have to start again from the top. This puts focus back when the work ends.
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Returns a function to call when the control starts the work. Once `busy` is over, focus goes back to
 * `control` if it was lost meanwhile (it sits on the page body), never if the user moved it elsewhere.
 */
export function useFocusBack(busy: boolean, control: RefObject<HTMLElement | null>): () => void {
  const pending = useRef(false);
  useEffect(() => {
    if (busy || !pending.current) return;
    pending.current = false;
    const active = control.current?.ownerDocument.activeElement;
    if (!active || active === control.current?.ownerDocument.body) control.current?.focus();
  }, [busy, control]);
  return () => {
    pending.current = true;
  };
}
