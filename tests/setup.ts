// IndexedDB for Dexie in Node (storage tests); harmless elsewhere.
import 'fake-indexeddb/auto';
