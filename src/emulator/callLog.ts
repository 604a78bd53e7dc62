import { performance } from 'perf_hooks';
import type { CallRecord } from './types';

/** Every API call seen since start or the last clear, in order of arrival (tests and the fault campaign read it). */
export class CallLog {
  private records: CallRecord[] = [];

  /** Records a call as it arrives; the handler fills in its status and what it concerned as it goes. */
  open(method: string, path: string): CallRecord {
    const record: CallRecord = { method, path, status: 0, receivedAt: performance.now() };
    this.records.push(record);
    return record;
  }

  /** Copies: a caller cannot change the log. */
  all(): CallRecord[] {
    return this.records.map((r) => ({ ...r }));
  }

  clear(): void {
    this.records = [];
  }
}
