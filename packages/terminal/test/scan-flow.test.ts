import { describe, expect, it } from 'vitest';
import {
  nextScanState,
  openScan,
  type FlowPage,
  type ScanFlowEvent,
  type ScanFlowState,
} from '../src/features/scanning/scan-flow.js';
import {
  scanPanelView,
  scanTextKeys,
  type ScanTextKey,
} from '../src/features/scanning/scan-panel-view.js';

const page = (n: number): FlowPage => ({
  imagePath: `/s/page-${n}.png`,
  previewPath: `/s/page-${n}-preview.png`,
  previewPng: `png${n}`,
});

/** Runs events from a fresh flow; returns the last state (null: closed) and every effect. */
function run(events: ScanFlowEvent[], maxPages = 3) {
  let state: ScanFlowState | null = openScan(maxPages);
  const effects: string[] = [];
  for (const event of events) {
    if (!state) throw new Error('closed');
    const next = nextScanState(state, event);
    state = next.state;
    effects.push(next.effect);
  }
  return { state, effects };
}

const scanned = (n: number): ScanFlowEvent[] => [
  { command: 'scan' },
  { command: 'scanned', page: page(n) },
];

describe('scan flow', () => {
  it('scan, scan another, done: scanning and binding are effects, the flow ends bound', () => {
    const { state, effects } = run([...scanned(1), ...scanned(2), { command: 'done' }]);
    expect(state).toMatchObject({ step: 'binding', pages: [page(1), page(2)] });
    expect(effects).toEqual(['scan-page', 'none', 'scan-page', 'none', 'bind']);
    expect(nextScanState(state as ScanFlowState, { command: 'bound' })).toEqual({
      state: null,
      effect: 'close',
    });
  });

  it.each(['ready', 'scanning', 'review', 'failed'] as const)(
    'cancel closes it from %s',
    (step) => {
      const before: Record<typeof step, ScanFlowEvent[]> = {
        ready: [],
        scanning: [{ command: 'scan' }],
        review: scanned(1),
        failed: [{ command: 'scan' }, { command: 'scan-failed' }],
      };
      const { state } = run(before[step]);
      expect(state?.step).toBe(step);
      expect(nextScanState(state as ScanFlowState, { command: 'cancel' })).toEqual({
        state: null,
        effect: 'close',
      });
    },
  );

  it('binding cannot be cancelled half-way; a failed binding can be tried again', () => {
    const { state } = run([...scanned(1), { command: 'done' }]);
    const binding = state as ScanFlowState;
    expect(nextScanState(binding, { command: 'cancel' })).toEqual({
      state: binding,
      effect: 'none',
    });
    const failed = nextScanState(binding, { command: 'bind-failed' }).state as ScanFlowState;
    expect(failed).toMatchObject({ step: 'failed', pages: [page(1)] });
    expect(nextScanState(failed, { command: 'done' }).effect).toBe('bind');
  });

  it('a failed scan keeps the pages so far; scanning again works', () => {
    const { state } = run([...scanned(1), { command: 'scan' }, { command: 'scan-failed' }]);
    expect(state).toMatchObject({ step: 'failed', pages: [page(1)] });
    const again = run([
      ...scanned(1),
      { command: 'scan' },
      { command: 'scan-failed' },
      ...scanned(2),
    ]);
    expect(again.state).toMatchObject({ step: 'review', pages: [page(1), page(2)] });
  });

  it('removes the page asked for; the last one removed goes back to the start', () => {
    const three = [...scanned(1), ...scanned(2), ...scanned(3)];
    expect(run([...three, { command: 'remove', page: 1 }]).state?.pages).toEqual([
      page(1),
      page(3),
    ]);
    const none = run([...scanned(1), { command: 'remove', page: 0 }]).state;
    expect(none).toMatchObject({ step: 'ready', pages: [] });
    // Nothing to hand over.
    const ready = none as ScanFlowState;
    expect(nextScanState(ready, { command: 'done' })).toEqual({ state: ready, effect: 'none' });
  });

  it.each([
    ['out of range', { command: 'remove', page: 1 }],
    ['negative', { command: 'remove', page: -1 }],
    ['not an integer', { command: 'remove', page: 0.5 }],
    ['a page nobody scanned', { command: 'scanned', page: page(9) }],
    ['a bind result without binding', { command: 'bound' }],
  ] as Array<[string, ScanFlowEvent]>)('ignores %s', (_name, event) => {
    const { state } = run(scanned(1));
    const review = state as ScanFlowState;
    expect(nextScanState(review, event)).toEqual({ state: review, effect: 'none' });
  });

  it('while scanning: no second scan, no removal, no hand-over', () => {
    const { state } = run([...scanned(1), { command: 'scan' }]);
    const scanning = state as ScanFlowState;
    for (const event of [
      { command: 'scan' },
      { command: 'remove', page: 0 },
      { command: 'done' },
    ] as ScanFlowEvent[])
      expect(nextScanState(scanning, event)).toEqual({ state: scanning, effect: 'none' });
  });

  it('stops at the most pages a document may have', () => {
    const { state } = run([...scanned(1), ...scanned(2)], 2);
    const full = state as ScanFlowState;
    expect(nextScanState(full, { command: 'scan' })).toEqual({ state: full, effect: 'none' });
  });
});

describe('scan panel view', () => {
  const text = (key: ScanTextKey) => `«${key}»`;
  const view = (events: ScanFlowEvent[], maxPages = 3) =>
    scanPanelView(run(events, maxPages).state as ScanFlowState, text);
  const buttons = (events: ScanFlowEvent[], maxPages = 3) =>
    view(events, maxPages).buttons.map((b) => `${b.command}:${b.label}${b.primary ? '*' : ''}`);

  it('every step names what to do, with the buttons that fit it', () => {
    expect(view([])).toMatchObject({
      title: '«scan.title»',
      status: '«scan.instruction»',
      busy: false,
      pagesHeading: '',
      pages: [],
      note: '«scan.note»',
    });
    expect(buttons([])).toEqual(['scan:«scan.scanPage»*', 'cancel:«scan.cancel»']);
    expect(view([{ command: 'scan' }])).toMatchObject({ status: '«scan.scanning»', busy: true });
    expect(buttons([{ command: 'scan' }])).toEqual(['cancel:«scan.cancel»']);
    expect(view(scanned(1)).status).toBe('«scan.next»');
    expect(buttons(scanned(1))).toEqual([
      'scan:«scan.scanMore»',
      'done:«scan.done»*',
      'cancel:«scan.cancel»',
    ]);
    const failed: ScanFlowEvent[] = [{ command: 'scan' }, { command: 'scan-failed' }];
    expect(view(failed).status).toBe('«scan.failed»');
    expect(buttons(failed)).toEqual(['scan:«scan.retry»*', 'cancel:«scan.cancel»']);
    const binding: ScanFlowEvent[] = [...scanned(1), { command: 'done' }];
    expect(view(binding)).toMatchObject({ status: '«scan.binding»', busy: true, buttons: [] });
    expect(view(binding).pages[0]?.remove).toBeNull();
    expect(view([...scanned(1), ...scanned(2)], 2).status).toBe('«scan.limit»');
    expect(buttons([...scanned(1), ...scanned(2)], 2)).toEqual([
      'done:«scan.done»*',
      'cancel:«scan.cancel»',
    ]);
  });

  it('numbers the pages and names each one’s remove button', () => {
    expect(view([...scanned(1), ...scanned(2)])).toMatchObject({
      pagesHeading: '«scan.pages»: 2',
      pages: [
        { label: '«scan.page» 1', previewPng: 'png1', remove: '«scan.remove»: «scan.page» 1' },
        { label: '«scan.page» 2', previewPng: 'png2', remove: '«scan.remove»: «scan.page» 2' },
      ],
    });
  });

  it('uses every scan text key', () => {
    const used = new Set<string>();
    const record = (key: ScanTextKey) => {
      used.add(key);
      return key;
    };
    const flows: Array<[ScanFlowEvent[], number]> = [
      [[], 3],
      [[{ command: 'scan' }], 3],
      [[...scanned(1)], 3],
      [[{ command: 'scan' }, { command: 'scan-failed' }], 3],
      [[...scanned(1), { command: 'done' }], 3],
      [[...scanned(1)], 1],
    ];
    for (const [events, maxPages] of flows)
      scanPanelView(run(events, maxPages).state as ScanFlowState, record);
    expect([...used].sort()).toEqual([...scanTextKeys].sort());
  });
});
