// `sidbox image build` and `sidbox image verify`: a personalised stick image is the prebuilt
// base, byte for byte, plus the config partition written for it.
import { copyFile, readFile, stat } from 'node:fs/promises';
import {
  decodeConfigPartition,
  encodeConfigPartition,
  type ConfigPayload,
} from './config-partition.js';
import { hashPrefix, readBaseManifest, readLayout, readRegion, writeRegion } from './image-file.js';
import { GptError } from './gpt.js';
import { MbrError } from './mbr.js';

export class ImageError extends Error {
  override readonly name = 'ImageError';
}

export interface PersonaliseRequest {
  base: string;
  out: string;
  configFile: string;
  credentialFile?: string;
}

export async function personalise(request: PersonaliseRequest): Promise<{ baseSha256: string }> {
  const config = await readFile(request.configFile, 'utf8');
  const credential = request.credentialFile
    ? parseJson(await readFile(request.credentialFile, 'utf8'), request.credentialFile)
    : null;
  const layout = await readLayout(request.base);
  const baseSha256 = await hashPrefix(request.base, layout.configOffset);
  const manifest = await readBaseManifest(request.base);
  if (manifest && manifest.baseSha256 !== baseSha256) {
    throw new ImageError(`${request.base} does not match its manifest (damaged base image)`);
  }
  // Encoding validates config and credential before anything is written.
  const partition = encodeConfigPartition(
    { baseSha256, config, credential } as ConfigPayload,
    layout.configBytes,
  );
  await copyFile(request.base, request.out);
  await writeRegion(request.out, layout.configOffset, partition);
  return { baseSha256 };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ImageError(`${file} is not JSON`);
  }
}

export interface VerifyCheck {
  check: 'partition-table' | 'base-hash' | 'config' | 'credential';
  ok: boolean;
  detail: string;
}

/** Every check runs, so the report names everything that is wrong, not only the first. */
export async function verifyImage(image: string, trustedBase?: string): Promise<VerifyCheck[]> {
  let layout;
  try {
    layout = await readLayout(image);
  } catch (error) {
    if (!(error instanceof MbrError || error instanceof GptError)) throw error;
    return [{ check: 'partition-table', ok: false, detail: error.message }];
  }
  const { size } = await stat(image);
  const checks: VerifyCheck[] = [partitionTableCheck(layout, size)];
  let payload: ConfigPayload | undefined;
  let payloadProblem = '';
  try {
    payload = decodeConfigPartition(
      await readRegion(image, layout.configOffset, layout.configBytes),
    );
  } catch (error) {
    payloadProblem = (error as Error).message;
  }
  const actual = await hashPrefix(image, layout.configOffset);
  const expected = trustedBase
    ? ((await readBaseManifest(trustedBase))?.baseSha256 ??
      (await hashPrefix(trustedBase, layout.configOffset)))
    : payload?.baseSha256;
  checks.push({
    check: 'base-hash',
    ok: expected === actual,
    detail:
      expected === undefined
        ? `sha256 ${actual}, nothing to compare it with`
        : expected === actual
          ? `sha256 ${actual}${trustedBase ? ' = the trusted base' : ' = the base it was personalised for'}`
          : `sha256 ${actual}, expected ${expected}: the base part of the image was changed`,
  });
  checks.push(
    payload
      ? { check: 'config', ok: true, detail: 'valid LocalTerminalConfig' }
      : { check: 'config', ok: false, detail: payloadProblem },
  );
  if (payload) {
    checks.push({
      check: 'credential',
      ok: true,
      detail: payload.credential
        ? `valid TerminalCredential for terminal ${payload.credential.terminalId}`
        : 'none (the terminal runs without a hub)',
    });
  }
  return checks;
}

function partitionTableCheck(
  layout: Awaited<ReturnType<typeof readLayout>>,
  size: number,
): VerifyCheck {
  const others = layout.partitions.filter((p) => p.number !== layout.config.number);
  const end = layout.configOffset + layout.configBytes;
  const gpt = layout.gpt;
  const gptProblems = !gpt
    ? []
    : [
        ...(typeof gpt.backup === 'string' ? [gpt.backup] : []),
        ...(gpt.primary.lastUsableLba < gpt.config.lastLba
          ? ['the config partition lies beyond the GPT usable range']
          : []),
        ...(gpt.primary.partitions.some(
          (p) => p.number !== gpt.config.number && p.lastLba >= gpt.config.firstLba,
        )
          ? ['a GPT partition reaches into the config partition']
          : []),
      ];
  const problems = [
    ...gptProblems,
    ...(others.some((p) => p.type === 0xef) ? [] : ['no EFI system partition (UEFI boot)']),
    ...(others.some((p) => p.startSector + p.sectors > layout.config.startSector)
      ? ['a partition reaches into the config partition']
      : []),
    ...(end > size ? ['the config partition lies beyond the end of the image'] : []),
  ];
  const summary = layout.partitions
    .map(
      (p) => `${p.number}:0x${p.type.toString(16).padStart(2, '0')}@${p.startSector}+${p.sectors}`,
    )
    .join(' ');
  const gptSummary = gpt
    ? `; GPT ${gpt.primary.partitions.map((p) => `${p.number}:${p.name || '-'}@${p.firstLba}-${p.lastLba}`).join(' ')}, backup at ${gpt.primary.alternateLba}`
    : '';
  return {
    check: 'partition-table',
    ok: problems.length === 0,
    detail: problems.length === 0 ? `MBR ${summary}${gptSummary}` : problems.join('; '),
  };
}
