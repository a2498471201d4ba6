// What a site's content script calls from its `main()`: build the adapter, start the runtime, stop
// everything when WXT invalidates the script (extension reloaded or updated).
import { runtimeMessenger, type Messenger } from '@/lib/messaging';
import type { SiteAdapter } from '@/lib/sites/types';
import { startContentRuntime, type ContentRuntime } from './runtime';

export { CONVERSATION_MOVED, startContentRuntime, type ContentRuntime, type ContentRuntimeOptions } from './runtime';
export { watchPage, WATCHED_ATTRIBUTES, type Watcher } from './watch';

/** Each site's script passes its own adapter factory, so it bundles only its own site's code. */
export function startContentScript(
  createAdapter: (doc: Document) => SiteAdapter,
  signal: AbortSignal,
  messenger: Messenger = runtimeMessenger,
): ContentRuntime | null {
  try {
    return startContentRuntime({ adapter: createAdapter(document), messenger, signal });
  } catch {
    // Whatever went wrong, the host page carries on as if Defuse were not there.
    return null;
  }
}
