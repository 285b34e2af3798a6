/**
 * CSV import of entries: read the file (UTF-8 only), check every row (csv-validate.ts), then
 * write the good rows, the members and streams the user chose to create, and their rollups.
 *
 * All or nothing, as the user sees it: everything is written in ONE read-write transaction.
 * The slow, synchronous work (parsing, checking, building 100,000 records) happens before it,
 * in slices with a turn of the event loop between them. Inside the transaction the entries go
 * in chunks; between two chunks the page is not blocked, because a Dexie call is an IndexedDB
 * request that completes asynchronously (taps, repaints and the Cancel button run meanwhile).
 * What cannot happen inside is a wait on a timer: IndexedDB would see an idle transaction and
 * commit it. Cancel, an error, a full disk, or the tab closing aborts the transaction, and
 * IndexedDB guarantees that an aborted or never-committed transaction leaves no row behind, so
 * there is nothing to sweep up at the next start.
 */
import {
  AnyamError,
  type Entry,
  type Member,
  type Stream,
  type StreamKind,
} from '../../domain/model';
import { DEFAULT_DAYS_PER_WEEK } from '../../domain/months';
import { todayIso } from '../../domain/dates';
import { assertRecordRules } from '../../domain/record-rules';
import { validateRecord } from '../../domain/schema';
import { baseFields, nowIso } from '../repo/record';
import {
  applyRollupDeltas,
  assertTotalsSafe,
  deltaOf,
  loadConversion,
  readTotals,
  ROLLUP_STORES,
} from '../repo/rollup-store';
import { readTransaction, writeTransaction } from '../repo/transaction';
import { throwIfCancelled, yieldToEventLoop, type JobProgressListener } from './cancel';
import { decimalToMinor } from './csv-format';
import { membersByName } from './csv-resolve';
import {
  nameKey,
  validateCsvText,
  type CsvContext,
  type CsvImportOptions,
  type CsvReport,
  type ValidateCsvOptions,
} from './csv-validate';
import { assertSize, decodeUtf8, notTextError, readBytes, type FileInput } from './read-input';

/** The file's text; csv/too-large, csv/bad-encoding (details: reason, line, offset). */
export async function readCsvFile(input: FileInput): Promise<string> {
  assertSize(input, 'csv');
  const bytes = await readBytes(input);
  if (bytes === null) return (input as string).replace(/^\uFEFF/, '');
  const text = decodeUtf8(bytes);
  if (typeof text !== 'string') throw notTextError('csv', text, 'bad-encoding');
  return text;
}

/** The household as the import sees it: members, streams, base currency. */
export async function loadCsvContext(): Promise<CsvContext> {
  return readTransaction(['members', 'streams', 'settings'], async (db) => {
    const [members, streams, settings] = await Promise.all([
      db.members.toArray(),
      db.streams.toArray(),
      db.settings.toCollection().first(),
    ]);
    return { members, streams, baseCurrency: settings?.baseCurrency ?? '' };
  });
}

/** Checks `text` against the stored household; writes nothing. */
export async function checkCsv(
  text: string,
  options: CsvImportOptions,
  run: ValidateCsvOptions = {},
): Promise<CsvReport> {
  return validateCsvText(text, options, await loadCsvContext(), run);
}

export interface CsvStreamToCreate {
  /** `key` of one of the report's unknownStreams. */
  key: string;
  /** Needed when the file named no member for it; else defaults to the file's. */
  memberName?: string;
  kind?: StreamKind;
  currency?: string;
  platform?: string;
}

export interface CsvImportDecision {
  /** Import the good rows and leave the bad ones out; otherwise any bad row stops the import. */
  onlyValidRows?: boolean;
  create?: { members?: string[]; streams?: CsvStreamToCreate[] };
}

export interface CsvImportRun {
  onProgress?: JobProgressListener;
  signal?: AbortSignal;
  chunkSize?: number;
  /**
   * A stored name as the person reads it (see CsvHousehold.nameOf): a member chosen for a new
   * stream is found by its stored name or by this one ("Dewi (sample)" in the sample household).
   */
  nameOf?: (stored: string) => string;
}

export interface CsvImportResult {
  added: number;
  /** Rows left out (bad, or their stream was not created) when onlyValidRows was chosen. */
  skipped: number;
  createdMembers: Member[];
  createdStreams: Stream[];
}

/** Rows per write step: short tasks; smaller chunks slow the import (docs/performance.md). */
const CHUNK = 500;
/** A palette for members made by an import; the user can recolour them later. */
const COLORS = ['#2f6f4e', '#b5523b', '#3b6ab5', '#8a5cb5', '#b58a3b', '#3b9aa0'];

interface Plan {
  members: Member[];
  streams: Stream[];
  entries: Entry[];
  /** Existing streams the entries use: they must still be live when the write starts. */
  existingStreamIds: string[];
  skipped: number;
}

/**
 * Writes what `report` found, as `decision` says. Errors: csv/has-invalid-rows (details: count,
 * first), csv/unknown-stream and csv/unknown-member (a row's stream or member was not chosen for
 * creation; details: line, name), csv/household-changed (a stream was deleted since the check),
 * import/cancelled, storage/full. Whatever the error, nothing was written.
 */
export async function importCsv(
  report: CsvReport,
  decision: CsvImportDecision = {},
  run: CsvImportRun = {},
): Promise<CsvImportResult> {
  const onlyValid = decision.onlyValidRows ?? false;
  if (report.errors.length > 0 && !onlyValid) {
    throw new AnyamError('csv/has-invalid-rows', {
      count: report.invalidRows,
      first: report.errors[0],
    });
  }
  const plan = await planImport(report, decision, onlyValid, run);
  const chunkSize = run.chunkSize ?? CHUNK;
  const total = plan.entries.length;

  await writeTransaction([...ROLLUP_STORES, 'streams', 'members'], async (db) => {
    const live = await db.streams.bulkGet(plan.existingStreamIds);
    const gone = plan.existingStreamIds.find((id, i) => !live[i] || live[i].deletedAt !== null);
    if (gone !== undefined) throw new AnyamError('csv/household-changed', { streamId: gone });
    await db.members.bulkAdd(plan.members);
    await db.streams.bulkAdd(plan.streams);
    const conversion = await loadConversion(db);
    const before = await readTotals(db);
    run.onProgress?.({ phase: 'writing', done: 0, total });
    for (let start = 0; start < total; start += chunkSize) {
      const chunk = plan.entries.slice(start, start + chunkSize);
      await db.entries.bulkAdd(chunk);
      await applyRollupDeltas(
        db,
        chunk.map((entry) => deltaOf(entry, 1, conversion)),
        { checkTotals: false },
      );
      // Throwing here (Cancel, or a progress listener failing) aborts the whole transaction.
      throwIfCancelled(run.signal);
      run.onProgress?.({ phase: 'writing', done: start + chunk.length, total });
    }
    throwIfCancelled(run.signal);
    await assertTotalsSafe(db, before);
  });

  return {
    added: total,
    skipped: plan.skipped,
    createdMembers: plan.members,
    createdStreams: plan.streams,
  };
}

/** Everything to write, built and validated before the transaction opens. */
async function planImport(
  report: CsvReport,
  decision: CsvImportDecision,
  onlyValid: boolean,
  run: CsvImportRun,
): Promise<Plan> {
  const context = await loadCsvContext();
  const now = nowIso();
  const members = membersByName(context.members, run.nameOf);
  const liveMembers = new Map(
    context.members.filter((m) => m.deletedAt === null).map((m) => [m.id, m]),
  );
  const newMembers: Member[] = [];
  for (const name of decision.create?.members ?? []) {
    if (members.has(nameKey(name))) continue;
    const member = validateRecord('members', {
      ...baseFields({ createdAt: now }),
      name,
      color: COLORS[(context.members.length + newMembers.length) % COLORS.length]!,
      role: 'adult',
      archived: false,
      isSample: false,
    });
    newMembers.push(member);
    members.set(nameKey(name), member);
  }

  const unknown = new Map(report.unknownStreams.map((s) => [s.key, s]));
  const created = new Map<string, Stream>();
  for (const choice of decision.create?.streams ?? []) {
    const found = unknown.get(choice.key);
    if (!found) throw new AnyamError('csv/unknown-stream', { key: choice.key });
    const memberName = choice.memberName ?? found.memberName ?? '';
    // The check already found the member the file names, whatever name it used for them.
    const checked =
      choice.memberName === undefined && found.memberId !== null
        ? liveMembers.get(found.memberId)
        : undefined;
    const member = checked ?? members.get(nameKey(memberName));
    if (!member) throw new AnyamError('csv/unknown-member', { name: memberName });
    const stream = validateRecord('streams', {
      ...baseFields({ createdAt: now }),
      memberId: member.id,
      name: found.name,
      kind: choice.kind ?? found.kind ?? 'informal',
      platform: choice.platform ?? found.platform ?? '',
      currency: choice.currency ?? found.currency ?? context.baseCurrency,
      expected: { amountMinor: 0, cadence: 'irregular', daysPerWeek: DEFAULT_DAYS_PER_WEEK },
      startedOn: null,
      endedOn: null,
      payDay: null,
      archived: false,
      isSample: false,
    });
    created.set(found.key, stream);
  }

  const streams = new Map(context.streams.map((s) => [s.id, s]));
  // Stryker disable next-line ArrayDeclaration: the only entry rule that reads the streams, entry/member-mismatch, passes when the stream is missing, and every entry here takes its memberId from its own stream
  const allStreams = new Map([...streams, ...[...created.values()].map((s) => [s.id, s] as const)]);
  const entries: Entry[] = [];
  const used = new Set<string>();
  let skipped = report.invalidRows;
  for (let i = 0; i < report.rows.length; i++) {
    const row = report.rows[i]!;
    const stream =
      // Stryker disable next-line StringLiteral: a row without a streamId always has a newStream (csv-validate gives every row one or the other)
      row.streamId !== null ? streams.get(row.streamId) : created.get(row.newStream ?? '');
    // The check found this stream; it is gone now (another tab deleted it, or replaced the
    // household): the report no longer describes this household, whatever onlyValidRows says.
    if (row.streamId !== null && (!stream || stream.deletedAt !== null)) {
      throw new AnyamError('csv/household-changed', { streamId: row.streamId, line: row.line });
    }
    try {
      if (!stream) {
        // Stryker disable next-line StringLiteral: a row with a streamId stopped above when its stream was gone, so this row has a newStream
        const wanted = unknown.get(row.newStream ?? '');
        // Stryker disable next-line OptionalChaining: newStream is a key of the same report's unknownStreams, so `wanted` is always found
        throw new AnyamError('csv/unknown-stream', { line: row.line, name: wanted?.name });
      }
      const currency = row.currency ?? stream.currency;
      const amountMinor = decimalToMinor(row.amount, currency);
      if (typeof amountMinor !== 'number') {
        throw new AnyamError('csv/bad-amount', {
          line: row.line,
          field: 'amount',
          value: row.amount,
          reason: amountMinor,
        });
      }
      const entry = validateRecord('entries', {
        ...baseFields({ createdAt: now }),
        streamId: stream.id,
        memberId: stream.memberId,
        date: row.date,
        amountMinor,
        currency,
        status: row.status,
        paidMinutes: row.paidMinutes,
        unpaidMinutes: row.unpaidMinutes,
        note: row.note,
        isSample: false,
      });
      assertRecordRules('entries', entry, { today: todayIso(), streams: allStreams });
      entries.push(entry);
      if (row.streamId !== null) used.add(row.streamId);
    } catch (error) {
      if (!onlyValid) {
        if (error instanceof AnyamError) error.details.line ??= row.line;
        throw error;
      }
      skipped++;
    }
    if (i % 5_000 === 4_999) {
      run.onProgress?.({ phase: 'validating', done: i + 1, total: report.rows.length });
      await yieldToEventLoop();
      throwIfCancelled(run.signal);
    }
  }
  return {
    members: newMembers,
    streams: [...created.values()],
    entries,
    existingStreamIds: [...used],
    skipped,
  };
}
