// Placeholder until the suggest command lands (see issues); it answers every record with an error line.
import type { RecordHandler } from './jsonl';

export const suggestRecord: RecordHandler = () => ({ error: 'the suggest command is not built yet' });
