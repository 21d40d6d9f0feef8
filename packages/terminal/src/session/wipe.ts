/** One thing a wipe does; planned by `planWipe`, carried out by the daemon. */
export type WipeStep =
  | 'cancel-eid'
  | 'cancel-print-jobs'
  | 'reset-browser'
  | 'renew-eid'
  | 'wipe-scans'
  | 'remove-session-dir'
  | 'forget-phone-check'
  | 'card-reminder';

/** What is true when a session ends, as far as the wipe cares. */
export interface WipeFacts {
  eidWorkflowRunning: boolean;
  /** A physical card still lies on a reader. */
  cardInReader: boolean;
  sessionDir: boolean;
  /** The citizen printed: their jobs are cancelled and purged from the spool. */
  printJobs?: boolean;
  /** A scanner is configured: its scans of the session are removed. */
  scans?: boolean;
  /** A phone check is on the screen: its link and status token are forgotten. */
  phoneCheck?: boolean;
}

/**
 * The wipe as phases: the steps of one phase run side by side, the phases one after the other.
 * The eID workflow is cancelled first so AusweisApp is not replaced mid-transaction; the
 * reminder comes last, on the fresh attract screen.
 */
export function planWipe(facts: WipeFacts): WipeStep[][] {
  const phases: WipeStep[][] = [];
  const first: WipeStep[] = [];
  if (facts.eidWorkflowRunning) first.push('cancel-eid');
  if (facts.printJobs) first.push('cancel-print-jobs');
  if (first.length > 0) phases.push(first);
  const clean: WipeStep[] = ['reset-browser', 'renew-eid'];
  if (facts.scans) clean.push('wipe-scans');
  if (facts.sessionDir) clean.push('remove-session-dir');
  if (facts.phoneCheck) clean.push('forget-phone-check');
  phases.push(clean);
  if (facts.cardInReader) phases.push(['card-reminder']);
  return phases;
}

/** Runs the planned phases; each step gets the signal and must give up when it aborts. */
export async function runWipe(
  phases: WipeStep[][],
  execute: (step: WipeStep, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  for (const phase of phases) {
    signal.throwIfAborted();
    await Promise.all(phase.map((step) => execute(step, signal)));
  }
}
