/**
 * Vitest's clock starts at PINNED_NOW in every test file and runs on from there, whatever the
 * machine's date (`faketime` included): a test reading "today" reads the pinned day. Timers and
 * performance.now() are untouched. A test that needs another day uses
 * `vi.useFakeTimers({ toFake: ['Date'] })` + `vi.setSystemTime(...)`; `vi.useRealTimers()`
 * brings back this pinned clock, not the machine's (fake timers capture the Date installed
 * here as the real one).
 */
import { PINNED_NOW } from '../pinned-day';

const MachineDate = Date;
const offset = PINNED_NOW.getTime() - MachineDate.now();

class PinnedDate extends MachineDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(MachineDate.now() + offset);
    else super(...args);
  }

  static override now(): number {
    return MachineDate.now() + offset;
  }
}

globalThis.Date = PinnedDate as DateConstructor;
