// Placeholder until the score command lands (see issues); it answers every record with an error line.
import type { RecordHandler } from './jsonl';

export const scoreRecord: RecordHandler = () => ({ error: 'the score command is not built yet' });
