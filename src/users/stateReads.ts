import type { MediumOneClient } from '../api/client';
import type { Project } from '../projects/project';
import type { Concurrency } from '../util/concurrency';
import { StateReader, type ReadOutcome, type ReadProgress } from './stateReader';

export interface StateReadsHost {
  /** Calls in flight at most for this client's server (taken when a read starts). */
  concurrency(client: MediumOneClient): Concurrency;
  /** A stamp taken as each read starts (see KnownStates.writtenSince). */
  stamp(projectId: string): number;
  /** A batch of finished reads of one project. */
  onBatch(projectId: string, outcomes: ReadOutcome[]): void;
  /** A project's read ended: every user reported (not called for a read that was stopped). */
  onIdle(projectId: string): void;
}

/**
 * The background reads of user states, one StateReader per project while one runs: users are added to the running
 * read, or start a new one; a reload stops the project's read.
 */
export class StateReads {
  private readonly readers = new Map<string, StateReader>();

  constructor(private readonly host: StateReadsHost) {}

  /** The running read of a project, if any. */
  running(projectId: string): StateReader | undefined {
    const reader = this.readers.get(projectId);
    return reader?.running ? reader : undefined;
  }

  /** While states are being read: how far the read got. */
  progress(projectId: string): ReadProgress | undefined {
    return this.running(projectId)?.progress;
  }

  /** True while this user's state (without loginId: any state of the project) is queued or being read. */
  isReading(projectId: string, loginId?: string): boolean {
    const reader = this.running(projectId);
    return reader !== undefined && (loginId === undefined || reader.isPending(loginId));
  }

  /** Adds users to the project's running read, or starts one with this client. */
  read(project: Project, client: MediumOneClient, loginIds: readonly string[]): StateReader {
    let reader = this.running(project.id);
    if (!reader) {
      const started: StateReader = new StateReader({
        read: (loginId, signal) => client.getUser(loginId, { signal }),
        concurrency: this.host.concurrency(client),
        stamp: () => this.host.stamp(project.id),
        onBatch: (outcomes) => this.host.onBatch(project.id, outcomes),
      });
      this.readers.set(project.id, (reader = started));
      void started.idle.then(() => {
        if (this.readers.get(project.id) !== started) return;
        this.readers.delete(project.id);
        this.host.onIdle(project.id);
      });
    }
    reader.add(loginIds);
    return reader;
  }

  /** Stops the read of one project (without an id: of every project); what it had not reported is dropped. */
  stop(projectId?: string): void {
    for (const [id, reader] of this.readers) {
      if (projectId !== undefined && id !== projectId) continue;
      reader.abort();
      this.readers.delete(id);
    }
  }
}
