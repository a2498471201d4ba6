// Connects NotesSection to the notes store for the open conversation.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ConversationSnapshot } from '@/lib/messaging/protocol';
import type { NotesStore } from '@/lib/state/notesStore';
import { NotesSection } from './NotesSection';
import { usePanel } from './PanelContext';

export function ConversationNotes({ store, conversation }: { store: NotesStore; conversation: ConversationSnapshot }) {
  const s = useStore(store);
  // the update time the rep just promised in a suggestion (panel store), offered as a reminder
  const promise = usePanel((p) => p.promise);
  const key = `${conversation.site}:${conversation.conversationId}`;
  useEffect(() => void s.load(conversation), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  // Not before the saved note is read: a field shown empty meanwhile would take typing meant to add to it.
  const loaded = s.ready && s.target && `${s.target.site}:${s.target.conversationId}` === key;
  if (!loaded) return null;
  return (
    <NotesSection
      // A new conversation starts the field afresh. Saving doesn't: the rep's focus and typing stay.
      key={key}
      savedNote={s.note?.text ?? ''}
      draft={s.drafts[key]}
      onDraftChange={s.setDraft}
      noteUnreadable={s.noteUnreadable}
      noteConflict={s.noteConflict}
      onRetryNote={s.retryNote}
      followUpDraft={s.followUpDrafts[key]}
      onFollowUpDraftChange={s.setFollowUpDraft}
      noteUpdatedAt={s.note?.updatedAt}
      followUp={s.followUp ? { ...s.followUp, id: s.followUp.id! } : null}
      overdue={s.overdue.map((f) => ({ ...f, id: f.id! }))}
      onSaveNote={s.saveNote}
      onSetFollowUp={s.setFollowUp}
      onDone={s.done}
      onClear={s.clear}
      canUndoClear={s.lastCleared?.key === key}
      onUndoClear={s.undoClear}
      onUndoExpired={s.dismissUndo}
      error={s.error}
      status={s.status}
      promise={promise ? { at: Date.parse(promise.at), label: promise.label } : null}
    />
  );
}
