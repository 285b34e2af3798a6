/**
 * A returning visit's first score, computed apart from the page (issue 29): score-worker.ts runs
 * this in a worker, which opens IndexedDB itself, reads what the dashboard's score reads in one
 * read transaction and computes it with the dashboard's own formulas, while the page's main
 * thread loads the shell and the view. The rows are those the repositories list (the same
 * filters and orders; tests/db/first-score.test.ts holds them equal), and the computation is
 * the view's (dashboardInputOf, computeDashboard, the stress test's default), so the figures are
 * the ones the view computes itself once its live queries answer.
 *
 * It never changes the database: a database that does not exist is not created, and one of
 * another schema version (an upgrade not yet run, or a newer release in another tab) is left to
 * the page. Any doubt answers null and the page reads and computes as before.
 */
import { todayIso } from '../domain/dates';
import type { Debt, Repayment } from '../domain/debt-model';
import { scoreOf, type FirstScore, type ScoreRows } from '../domain/first-score';
import type { Group, GroupPayment } from '../domain/group-model';
import type {
  BaseRecord,
  Fund,
  Member,
  Plan,
  Rate,
  Rollup,
  Saving,
  SetAside,
  Settings,
  Stream,
} from '../domain/model';
import { DATABASE_NAME } from './database-name';
import { CURRENT_VERSION } from './migrations';
import { openExisting } from './open-existing';
import {
  compareFunds,
  compareMembers,
  comparePlans,
  compareSetAsidesNewestFirst,
  compareStreams,
} from './repo/list-orders';

/** The stores the score reads (EarlyRead's, without those only the funds view needs). */
const STORES = [
  'settings',
  'members',
  'streams',
  'plans',
  'savings',
  'rates',
  'rollups',
  'funds',
  'setAsides',
  'groups',
  'groupPayments',
  'debts',
  'repayments',
] as const;

/**
 * What the page asks: its clock (the day is the page's, as the view reads it) and whose income
 * this phone's dashboard opens on.
 */
export interface FirstScoreRequest {
  now: number;
  ownerId: string | null;
  scope: 'household' | 'mine';
}

/** Dexie's IndexedDB version for a schema version (Dexie multiplies by 10). */
export const IDB_VERSION = CURRENT_VERSION * 10;

export async function firstScore(
  factory: IDBFactory,
  request: FirstScoreRequest,
  name: string = DATABASE_NAME,
): Promise<FirstScore | null> {
  const db = await openScored(factory, name);
  if (db === null) return null;
  let rows: ScoreRows | null;
  try {
    rows = await readScoreRows(db);
  } finally {
    db.close();
  }
  const { now, ...whose } = request;
  return rows === null ? null : scoreOf(rows, { today: todayIso(new Date(now)), ...whose });
}

/** The database as it is, or null: absent (never created here), of another version, or refused. */
async function openScored(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  const db = await openExisting(factory, name);
  if (db === null) return null;
  const stores = [...db.objectStoreNames];
  if (db.version !== IDB_VERSION || !STORES.every((s) => stores.includes(s))) {
    db.close();
    return null;
  }
  return db;
}

/** Every row the score reads, in one read transaction, listed as the repositories list them. */
export function readScoreRows(db: IDBDatabase): Promise<ScoreRows | null> {
  return new Promise((resolve) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction([...STORES], 'readonly');
    } catch {
      resolve(null);
      return;
    }
    const all = <T>(store: string, index?: string): Promise<T[]> =>
      new Promise((done, fail) => {
        const source = tx.objectStore(store);
        const request = (index === undefined ? source : source.index(index)).getAll();
        request.onsuccess = () => done(request.result as T[]);
        request.onerror = () => fail(request.error ?? new Error('read failed'));
      });
    const live = <T extends Pick<BaseRecord, 'deletedAt'>>(rows: T[]) =>
      rows.filter((row) => row.deletedAt === null);
    // Each as its repository function reads it (listSmall, listSavings, listRates, readGroups…).
    Promise.all([
      all<Settings>('settings'),
      all<Member>('members'),
      all<Stream>('streams'),
      all<Plan>('plans'),
      all<Saving>('savings', 'date'),
      all<Rate>('rates', '[currency+date]'),
      all<Rollup>('rollups'),
      all<Fund>('funds'),
      all<SetAside>('setAsides'),
      all<Group>('groups'),
      all<GroupPayment>('groupPayments'),
      all<Debt>('debts'),
      all<Repayment>('repayments'),
    ]).then(
      ([settings, members, streams, plans, savings, rates, rollups, funds, setAsides, ...rest]) => {
        const [groups, payments, debts, repayments] = rest;
        resolve({
          settings: settings[0],
          members: live(members).sort(compareMembers),
          streams: live(streams).sort(compareStreams),
          plans: live(plans).sort(comparePlans),
          savings: live(savings),
          rates: live(rates),
          rollups,
          funds: live(funds).sort(compareFunds),
          setAsides: live(setAsides).sort(compareSetAsidesNewestFirst),
          groups: { groups: live(groups), payments: live(payments) },
          debts: { debts: live(debts), repayments: live(repayments) },
        });
      },
      () => resolve(null),
    );
  });
}
