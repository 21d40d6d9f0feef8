import { describe, expect, it } from 'vitest';
import { evaluate, type MachineFacts } from '../src/doctor/report.js';

const healthy: MachineFacts = {
  nodeVersion: 'v20.20.2',
  ausweisApp: { path: '/usr/bin/AusweisApp2', version: '1.26.2' },
  pcscd: { installed: true, running: true },
  chromium: { path: '/usr/bin/chromium', version: 'Chromium 156.0.8078.108' },
  debian: true,
};

describe('doctor verdict', () => {
  it('is ok when every component is there', () => {
    const report = evaluate(healthy);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.component, c.status])).toEqual([
      ['Node.js', 'ok'],
      ['AusweisApp', 'ok'],
      ['pcscd', 'ok'],
      ['Chromium', 'ok'],
    ]);
    expect(report.checks.every((c) => c.fix === undefined)).toBe(true);
  });

  it.each([
    ['AusweisApp', { ausweisApp: null }, 'apt-get install -y ausweisapp2'],
    ['pcscd', { pcscd: { installed: false, running: false } }, 'apt-get install -y pcscd'],
    ['Chromium', { chromium: null }, 'apt-get install -y chromium'],
    ['Node.js', { nodeVersion: 'v18.19.0' }, 'install Node.js 20.19 or newer'],
  ] as const)('fails and names the fix when %s is missing', (component, change, fix) => {
    const report = evaluate({ ...healthy, ...change });
    expect(report.ok).toBe(false);
    const check = report.checks.find((c) => c.component === component);
    expect(check?.status).toBe('missing');
    expect(check?.fix).toBe(fix);
  });

  it('warns, but does not fail, when pcscd is installed and not running', () => {
    const report = evaluate({ ...healthy, pcscd: { installed: true, running: false } });
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.component === 'pcscd')).toMatchObject({
      status: 'warning',
      fix: expect.stringContaining('pcscd'),
    });
  });

  it('names a distribution-neutral fix off Debian', () => {
    const report = evaluate({ ...healthy, debian: false, chromium: null });
    expect(report.checks.find((c) => c.component === 'Chromium')?.fix).toContain(
      '"chromium" package',
    );
  });
});
