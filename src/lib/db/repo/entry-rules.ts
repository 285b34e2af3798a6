import { todayIso } from '../../domain/dates';
import type { Entry, Stream } from '../../domain/model';
import { assertRecordRules, latestEntryDate } from '../../domain/record-rules';

export { latestEntryDate };

/** The record rules (domain/record-rules.ts) for an entry about to be written to `stream`. */
export function assertEntryRules(entry: Entry, stream: Stream): void {
  assertRecordRules('entries', entry, {
    today: todayIso(),
    // Stryker disable next-line ArrayDeclaration: the only entry rule that reads the streams, entry/member-mismatch, passes when the stream is missing, and entries.ts always takes the entry's memberId from this stream
    streams: new Map([[stream.id, stream]]),
  });
}
