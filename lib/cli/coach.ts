// Placeholder until the coach command lands (see issues); it answers every record with an error line.
import type { RecordHandler } from './jsonl';

export const coachRecord: RecordHandler = () => ({ error: 'the coach command is not built yet' });
