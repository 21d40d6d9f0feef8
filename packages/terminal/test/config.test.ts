import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localTerminalConfigJsonSchema } from '@sidbox/protocol';
import {
  ConfigError,
  formatProblems,
  loadTerminalConfig,
  parseTerminalConfig,
} from '../src/config/load.js';

const examples = fileURLToPath(new URL('../../../config/examples/', import.meta.url));

describe('terminal configuration', () => {
  it('every terminal example in config/examples is valid', async () => {
    // access.yaml is an access point's (checked in packages/access).
    const files = (await readdir(examples)).filter(
      (file) => file.endsWith('.yaml') && file !== 'access.yaml',
    );
    expect(files).toEqual(expect.arrayContaining(['buergeramt.yaml', 'hotel.yaml']));
    for (const file of files) {
      const config = await loadTerminalConfig(join(examples, file));
      expect(config.services.length, file).toBeGreaterThan(0);
    }
  });

  it('the citizen office offers the nationwide eID services in German and English', async () => {
    const config = await loadTerminalConfig(join(examples, 'buergeramt.yaml'));
    const ids = config.services.map((service) => service.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'fuehrungszeugnis',
        'punkteauskunft',
        'rentenauskunft',
        'bundid',
        'elster',
        'i-kfz',
      ]),
    );
    for (const service of config.services) {
      expect(service.eid).toBe(true);
      expect(service.title.en).toBeTruthy();
      expect(service.description.en).toBeTruthy();
      expect(service.startUrl).toMatch(/^https:\/\//);
    }
  });

  it('the published JSON Schema file is current (regenerate: sidbox terminal schema)', async () => {
    const file = JSON.parse(await readFile(join(examples, 'terminal-config.schema.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(localTerminalConfigJsonSchema)));
  });

  it('a local file needs no hub-issued identity; defaults fill the rest', () => {
    const config = parseTerminalConfig('branding: { memberName: Test }\n');
    expect(config).toMatchObject({
      services: [],
      languages: ['de', 'en'],
      session: { idleSeconds: 180, warningSeconds: 30, matGraceSeconds: 5 },
      training: false,
    });
    expect(config.terminalId).toBeUndefined();
  });

  it('a bad configuration lists every problem as "path: message"', () => {
    const text = [
      'branding: { memberName: "" }',
      'session: { idleSeconds: 5 }',
      'languages: [deu]',
      'extra: true',
      'services:',
      '  - id: Bad_Id',
      '    title: { en: Only English }',
      '    description: { de: x }',
      '    startUrl: ftp://example.org',
    ].join('\n');
    const error = catchConfigError(() => parseTerminalConfig(text));
    expect(error.code).toBe('config-invalid');
    const paths = error.problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'branding.memberName',
        'session.idleSeconds',
        'languages.0',
        'services.0.id',
        'services.0.title',
        'services.0.startUrl',
        '',
      ]),
    );
    for (const line of error.message.split('\n')) expect(line).toMatch(/^[\w.()]+: \S/);
  });

  it('duplicate service ids are a problem', () => {
    const service =
      '{ id: a, title: { de: A }, description: { de: A }, startUrl: "https://a.example" }';
    const error = catchConfigError(() =>
      parseTerminalConfig(`branding: { memberName: T }\nservices: [${service}, ${service}]\n`),
    );
    expect(formatProblems(error.problems)).toBe('services.1.id: duplicate service id "a"');
  });

  it('not YAML and unreadable files are problems too', async () => {
    expect(catchConfigError(() => parseTerminalConfig('a: [1, 2')).code).toBe('config-not-yaml');
    await expect(loadTerminalConfig('/nonexistent/terminal.yaml')).rejects.toMatchObject({
      code: 'config-unreadable',
    });
  });
});

function catchConfigError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
