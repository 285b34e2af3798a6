/**
 * Finding the stream of a CSV row by the names the file gives, and collecting the streams and
 * members it names that the household does not have yet (offered for creation).
 */
import type { Member, Stream, StreamKind } from '../../domain/model';

export interface UnknownStream {
  /** Stable key: normalised member name + '|' + stream name. */
  key: string;
  name: string;
  /** As written in the file; null when the file has no member for it. */
  memberName: string | null;
  /** The household's member the file names, when it has one by that name (else null). */
  memberId: string | null;
  /** What the file says about it, to prefill the creation form. */
  kind: StreamKind | null;
  platform: string | null;
  currency: string | null;
  rows: number;
}

export interface UnknownMember {
  key: string;
  name: string;
  rows: number;
}

/** Names match when equal after trimming, Unicode normalisation and case folding. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** What a file says about a stream it names, to prefill the creation form. */
export interface StreamHints {
  kind: StreamKind | null;
  platform: string | null;
  currency: string | null;
}

export interface CsvHousehold {
  members: readonly Member[];
  streams: readonly Stream[];
  /**
   * A stored name as the person reads it. The sample household stores message tokens
   * (`{{sample:salary}}`) shown in the current language, and a file names what the screen shows.
   */
  nameOf?: (stored: string) => string;
}

/**
 * The keys a stored name is found by: the stored text and the text the person reads, so that a
 * file may name a sample member or stream either way ("{{sample-person:Dewi}}", "Dewi (sample)").
 */
export function namesOf(stored: string, nameOf?: (stored: string) => string): Set<string> {
  return new Set([nameKey(stored), nameKey(nameOf?.(stored) ?? stored)]);
}

/** Live members by every key of their names (the first member of a name wins). */
export function membersByName(
  members: readonly Member[],
  nameOf?: (stored: string) => string,
): Map<string, Member> {
  const byName = new Map<string, Member>();
  for (const m of members) {
    if (m.deletedAt !== null) continue;
    for (const key of namesOf(m.name, nameOf)) if (!byName.has(key)) byName.set(key, m);
  }
  return byName;
}

/**
 * Streams are found by name (case and spacing ignored): under the row's member when the file
 * names one, else anywhere, where two streams of one name are ambiguous.
 */
export class Resolver {
  readonly #membersByName: Map<string, Member>;
  readonly #streamsByName = new Map<string, Stream[]>();
  readonly unknownStreams = new Map<string, UnknownStream>();
  readonly unknownMembers = new Map<string, UnknownMember>();

  constructor(context: CsvHousehold) {
    this.#membersByName = membersByName(context.members, context.nameOf);
    for (const s of context.streams) {
      if (s.deletedAt !== null) continue;
      for (const key of namesOf(s.name, context.nameOf)) {
        this.#streamsByName.set(key, [...(this.#streamsByName.get(key) ?? []), s]);
      }
    }
  }

  /** The stream of a row, a key of a stream to create, or an error code. */
  resolve(
    streamName: string,
    memberName: string,
    hints: StreamHints,
  ): { stream: Stream } | { newStream: string } | { error: string } {
    const candidates = this.#streamsByName.get(nameKey(streamName)) ?? [];
    if (memberName.trim() !== '') {
      const member = this.#membersByName.get(nameKey(memberName));
      if (!member) {
        const key = nameKey(memberName);
        const known = this.unknownMembers.get(key);
        if (known) known.rows++;
        else this.unknownMembers.set(key, { key, name: memberName.trim(), rows: 1 });
      }
      const own = member ? candidates.filter((s) => s.memberId === member.id) : [];
      if (own.length === 1) return { stream: own[0]! };
      if (own.length > 1) return { error: 'csv/ambiguous-stream' };
      return { newStream: this.#newStream(streamName, memberName, member?.id ?? null, hints) };
    }
    if (candidates.length === 1) return { stream: candidates[0]! };
    if (candidates.length > 1) return { error: 'csv/ambiguous-stream' };
    return { newStream: this.#newStream(streamName, null, null, hints) };
  }

  #newStream(
    name: string,
    memberName: string | null,
    memberId: string | null,
    hints: StreamHints,
  ): string {
    const key = `${memberName === null ? '' : nameKey(memberName)}|${nameKey(name)}`;
    const known = this.unknownStreams.get(key);
    if (known) {
      known.rows++;
      known.kind ??= hints.kind;
      known.platform ??= hints.platform;
      known.currency ??= hints.currency;
    } else {
      this.unknownStreams.set(key, {
        key,
        name: name.trim(),
        memberName: memberName === null ? null : memberName.trim(),
        memberId,
        rows: 1,
        ...hints,
      });
    }
    return key;
  }
}
